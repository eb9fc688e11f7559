// require() of each ESM-only package (Node >= 20.19 loads ESM from CommonJS).
const assert = require('node:assert/strict');

assert.equal(typeof require('@wireai/core').TransportError, 'function');
assert.equal(typeof require('@wireai/transport-axios').createAxiosTransport, 'function');
assert.equal(typeof require('@wireai/openai-client').OpenAI, 'function');
assert.equal(typeof require('@wireai/sessions').ChatSession, 'function');
console.log('require: core, transport-axios, openai-client, sessions');
