// The runtime smoke suite: plain JavaScript that Bun and Deno run natively. It imports the built packages,
// talks to the mock server (started by Node, its URL in MOCK_URL) with the runtime's own fetch, and exits
// non-zero on the first failed check.
import { APIUserAbortError, OpenAI } from '@wireai/openai-client';

const baseURL = globalThis.process?.env?.MOCK_URL ?? globalThis.Deno?.env.get('MOCK_URL');
const runtime = globalThis.Deno
  ? `deno ${globalThis.Deno.version.deno}`
  : globalThis.Bun
    ? `bun ${globalThis.Bun.version}`
    : 'node';
console.log(`${runtime}: @wireai/openai-client is ${import.meta.resolve('@wireai/openai-client')}`);
const client = new OpenAI('sk-smoke', { baseURL }); // no transport: the runtime's default
let passed = 0;
const check = (name, ok, detail = '') => {
  if (!ok) throw new Error(`${runtime}: ${name} failed ${detail}`);
  passed++;
  console.log(`ok ${passed} ${name}`);
};

const models = await client.models();
check('a JSON call', models.ok && models.body.data.length > 0);
check('the default transport is fetch', (await client.transport()).name === 'fetch');

let streamed = '';
const callback = await client.createChatCompletion(
  [{ role: 'user', content: 'hello runtime' }],
  { stream: true },
  (chunk) => {
    streamed += chunk.choices[0]?.delta?.content ?? '';
  },
);
check(
  'streaming with a callback',
  callback.ok && streamed === 'Echo: hello runtime',
  JSON.stringify(streamed),
);

let iterated = '';
for await (const event of client.streamChatCompletion([{ role: 'user', content: 'iterate me' }]))
  iterated += event.choices[0]?.delta?.content ?? '';
check('streaming with for await', iterated === 'Echo: iterate me', JSON.stringify(iterated));

const controller = new AbortController();
const started = Date.now();
let aborted;
try {
  for await (const event of client.streamResponse(
    'slow words for the abort check',
    {},
    { signal: controller.signal },
  )) {
    if (event.type === 'response.output_text.delta') controller.abort();
  }
} catch (error) {
  aborted = error;
}
check(
  'an abort mid-stream',
  APIUserAbortError.isInstance(aborted) && Date.now() - started < 2000,
  String(aborted),
);

const embedding = await client.embedding('retried', { model: 'text-embedding-3-small' });
check('a retry after a 503', embedding.ok);

console.log(`${runtime}: ${passed} passed, 0 failed`);
