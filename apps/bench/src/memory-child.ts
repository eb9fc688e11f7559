// Runs one memory case in a fresh process and prints its figures as JSON on the last line.
import { OpenAI } from '@wireai/openai-client';
import { createUndiciTransport } from '@wireai/transport-undici';

const [origin = '', kind = 'stream', size = '500'] = process.argv.slice(2);
const MiB = 1024 * 1024;
const EVENT_BYTES = 180; // about one chat.completion.chunk of the bench server

const client = new OpenAI('sk-bench', {
  baseURL: `${origin}/v1`,
  transport: createUndiciTransport(),
  maxRetries: 0,
});
const raw = new OpenAI('sk-bench', { baseURL: origin, transport: createUndiciTransport(), maxRetries: 0 });

const before = process.memoryUsage.rss();
let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 10);
const started = performance.now();
let detail = 0;

if (kind === 'stream') {
  // A consumer that drops each event: what remains in memory is the client's own.
  const events = Math.ceil((Number(size) * MiB) / EVENT_BYTES);
  for await (const _ of client.streamChatCompletion([{ role: 'user', content: 'go' }], {
    max_tokens: events,
  }))
    detail++;
} else if (kind === 'big-event') {
  await raw.request({
    method: 'GET',
    path: `/bench/big-event?mib=${size}`,
    onEvent: (event: { choices: Array<{ delta: { content: string } }> }) => {
      detail = event.choices[0]?.delta.content.length ?? 0;
    },
  });
} else {
  const result = await raw.request<{ data: Array<{ b64_json: string }> }>({
    method: 'GET',
    path: `/bench/big-json?mib=${size}`,
  });
  detail = result.ok ? (result.body.data[0]?.b64_json.length ?? 0) : -1;
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
process.stdout.write(
  `${JSON.stringify({ seconds: (performance.now() - started) / 1000, peakGrowthMiB: (peak - before) / MiB, detail })}\n`,
);
