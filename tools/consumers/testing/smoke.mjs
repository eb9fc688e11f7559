// import of each package; the mock server and the mock transport from the installed tarball.
import assert from 'node:assert/strict';
import { sinks, sources } from '@wireai/core';
import { createMockTransport, startMockOpenAI } from '@wireai/testing';

const server = await startMockOpenAI({ apiKey: 'sk-consumer' });
try {
  const headers = { authorization: 'Bearer sk-consumer', 'content-type': 'application/json' };
  const models = await fetch(`${server.baseURL}/models`, { headers });
  assert.equal(models.status, 200);
  const denied = await fetch(`${server.baseURL}/models`);
  assert.equal(denied.status, 401);

  server.script('POST /chat/completions', { text: 'scripted reply' });
  const chat = await fetch(`${server.baseURL}/chat/completions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'hi' }] }),
  });
  assert.equal((await chat.json()).choices[0].message.content, 'scripted reply');
  assert.equal(server.requests.length, 3);
} finally {
  await server.close();
}

const transport = createMockTransport((request) => ({ status: 200, body: `pong ${request.method}` }));
const body = sinks.collect();
const head = await transport.request({
  url: 'http://mock/ping',
  method: 'POST',
  headers: {},
  source: sources.string('ping'),
  sink: body.sink,
});
assert.equal(head.status, 200);
assert.equal(body.text(), 'pong POST');
console.log('smoke: mock server (auth, scripted reply, recorded requests), mock transport with core sinks');
