// require() of each ESM-only package (Node >= 20.19 loads ESM from CommonJS).
const assert = require('node:assert/strict');

assert.equal(typeof require('@wireai/core').TransportError, 'function');
assert.equal(typeof require('@wireai/transport-fetch').createFetchTransport, 'function');
assert.equal(typeof require('@wireai/openai-client').OpenAI, 'function');
console.log('require: core, transport-fetch, openai-client');
