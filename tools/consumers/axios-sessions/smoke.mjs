// import of each package, then sessions over axios against the mock server (MOCK_URL).
import assert from 'node:assert/strict';
import { TransportError } from '@wireai/core';
import { OpenAI } from '@wireai/openai-client';
import { ChatSession, ResponsesChatSession } from '@wireai/sessions';
import { createAxiosTransport } from '@wireai/transport-axios';

const baseURL = process.env.MOCK_URL;
const transport = createAxiosTransport();
const client = new OpenAI('sk-consumer', { transport, baseURL });

const chat = new ChatSession(client, { model: 'gpt-4.1-mini' });
let streamed = '';
assert.equal(await chat.send('hello session'), 'Echo: hello session');
assert.equal(
  await chat.send('and streamed', (chunk) => (streamed += chunk.content ?? '')),
  'Echo: and streamed',
);
assert.equal(streamed, 'Echo: and streamed');
assert.equal(chat.messages.length, 4);

const responses = new ResponsesChatSession(client, { model: 'gpt-4.1-mini' });
await responses.send('first');
const first = responses.currentResponseId;
assert.equal((await responses.send('second')).outputText(), 'Echo: second');
assert.notEqual(responses.currentResponseId, first);
assert.equal(responses.responseHistory.length, 2);

// No undici and no fetch transport installed here: the default cannot load, and says what to install.
await assert.rejects(
  new OpenAI('sk-consumer', { baseURL }).models(),
  /npm install @wireai\/transport-undici undici/,
);
assert.equal(typeof TransportError.isInstance, 'function');

await transport.close?.();
console.log('smoke: ChatSession (plain and streamed), ResponsesChatSession chained, missing-transport error');
