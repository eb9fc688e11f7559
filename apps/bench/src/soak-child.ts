// 20,000 chat completions at 64 in flight over one transport, in a fresh process (run with
// --expose-gc): errors, open connections on the server, and RSS after the first 2,000 against RSS at
// the end, each read after a full collection.
import { OpenAI } from '@wireai/openai-client';
import { createAxiosTransport } from '@wireai/transport-axios';
import { createFetchTransport } from '@wireai/transport-fetch';
import { createUndiciTransport } from '@wireai/transport-undici';

const [origin = '', name = 'undici', totalArg = '20000'] = process.argv.slice(2);
const total = Number(totalArg);
const transport =
  name === 'axios'
    ? createAxiosTransport()
    : name === 'fetch'
      ? createFetchTransport()
      : createUndiciTransport();
const client = new OpenAI('sk-bench', { baseURL: `${origin}/v1`, transport, maxRetries: 0 });
const openConnections = async () =>
  ((await (await fetch(`${origin}/bench/connections`)).json()) as { open: number }).open;

let done = 0;
let errors = 0;
let rssEarly = 0;
let heapEarly = 0;
let socketsEarly = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: 64 }, async () => {
    while (next < total) {
      next++;
      const result = await client
        .createChatCompletion([{ role: 'user', content: 'soak' }])
        .catch(() => undefined);
      if (!result?.ok) errors++;
      done++;
      if (done === Math.floor(total / 10)) {
        // Readings after a full collection compare what is retained, not garbage not yet collected.
        (globalThis as { gc?: () => void }).gc?.();
        rssEarly = process.memoryUsage.rss();
        heapEarly = process.memoryUsage().heapUsed;
        socketsEarly = await openConnections();
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
(globalThis as { gc?: () => void }).gc?.();
const rssEnd = process.memoryUsage.rss();
const heapEnd = process.memoryUsage().heapUsed;
const socketsEnd = await openConnections();
process.stdout.write(
  `${JSON.stringify({ transport: name, total, errors, seconds, rssGrowthPct: ((rssEnd - rssEarly) / rssEarly) * 100, heapGrowthPct: ((heapEnd - heapEarly) / heapEarly) * 100, socketsEarly, socketsEnd })}\n`,
);
process.exit(0);
