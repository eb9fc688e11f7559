// require() of each ESM-only package (Node >= 20.19 loads ESM from CommonJS).
const assert = require('node:assert/strict');

assert.equal(typeof require('@wireai/core').sinks.collect, 'function');
assert.equal(typeof require('@wireai/testing').startMockOpenAI, 'function');
console.log('require: core, testing');
