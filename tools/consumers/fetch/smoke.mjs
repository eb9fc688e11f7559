// import of each package, then calls to the mock server (MOCK_URL) over Node's global fetch.
import assert from 'node:assert/strict';
import { sinks } from '@wireai/core';
import { OpenAI } from '@wireai/openai-client';
import { createFetchTransport } from '@wireai/transport-fetch';

const baseURL = process.env.MOCK_URL;
const transport = createFetchTransport();
const client = new OpenAI('sk-consumer', { transport, baseURL });

const reply = await client.createChatCompletion([{ role: 'user', content: 'hello fetch' }]);
assert.ok(reply.ok, `chat completion: ${reply.status}`);
assert.equal(reply.body.choices[0].message.content, 'Echo: hello fetch');

let streamed = '';
for await (const chunk of client.streamChatCompletion([{ role: 'user', content: 'stream me' }])) {
  streamed += chunk.choices[0]?.delta?.content ?? '';
}
assert.equal(streamed, 'Echo: stream me');

const body = sinks.collect();
const head = await transport.request({
  url: `${baseURL}/models`,
  method: 'GET',
  headers: {},
  sink: body.sink,
});
assert.equal(head.status, 200);
assert.ok(body.json().data.length > 0);

await transport.close?.();
console.log('smoke: chat, stream and raw transport over the global fetch');
