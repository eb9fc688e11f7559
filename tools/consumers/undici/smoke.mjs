// import of each package, then calls to the mock server (MOCK_URL) through the installed tarballs.
import assert from 'node:assert/strict';
import { sinks } from '@wireai/core';
import { OpenAI } from '@wireai/openai-client';
import { createUndiciTransport } from '@wireai/transport-undici';

const baseURL = process.env.MOCK_URL;
const transport = createUndiciTransport();
const client = new OpenAI('sk-consumer', { transport, baseURL });

const reply = await client.createChatCompletion([{ role: 'user', content: 'hello tarball' }]);
assert.ok(reply.ok, `chat completion: ${reply.status}`);
assert.equal(reply.body.choices[0].message.content, 'Echo: hello tarball');

let streamed = '';
for await (const chunk of client.streamChatCompletion([{ role: 'user', content: 'stream me' }])) {
  streamed += chunk.choices[0]?.delta?.content ?? '';
}
assert.equal(streamed, 'Echo: stream me');

const body = sinks.collect();
const head = await transport.request({ url: `${baseURL}/models`, method: 'GET', sink: body.sink });
assert.equal(head.status, 200);
assert.ok(body.json().data.length > 0);

// With no transport option, Node picks transport-undici: openai-client finds its optional peer installed.
const fallback = new OpenAI('sk-consumer', { baseURL });
assert.equal((await fallback.transport()).name, 'undici');
assert.ok((await fallback.models()).ok);

await transport.close();
await (await fallback.transport()).close?.();
console.log('smoke: chat, stream, raw transport, default transport (undici)');
