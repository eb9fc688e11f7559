import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundleReport } from './bundle-report.js';
import { runChild, startBenchServer } from './child-process.js';
import { contenders } from './contenders.js';
import { requestBench } from './request-bench.js';
import { sseDecodeBench } from './sse-decode-bench.js';
import { sseLinearity } from './sse-linearity.js';
import { streamBench } from './stream-bench.js';
import { wireBench } from './wire-bench.js';

// `pnpm bench` measures everything and writes RESULTS.md and the README summary; `--quick` runs small
// sizes in under a minute and writes nothing.
const quick = process.argv.includes('--quick');
const sizes = quick
  ? {
      requests: 300,
      rounds: 3,
      chunks: 10_000,
      decodeMiB: 20,
      streamMiB: 50,
      bigMiB: 30,
      soak: 2_000,
      imports: 5,
    }
  : {
      requests: 2_000,
      rounds: 5,
      chunks: 50_000,
      decodeMiB: 100,
      streamMiB: 500,
      bigMiB: 30,
      soak: 20_000,
      imports: 15,
    };

const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};
const table = (header: string[], rows: Array<Array<string | number>>) => {
  out(`| ${header.join(' | ')} |`);
  out(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) out(`| ${row.join(' | ')} |`);
};
const verdicts: Array<[string, boolean, string]> = [];
const target = (name: string, ok: boolean, measured: string) => verdicts.push([name, ok, measured]);
const get = (map: Map<string, number>, name: string) => map.get(name) ?? Number.NaN;
const ratio = (a: number, b: number) => (a / b).toFixed(2);

const server = await startBenchServer();
try {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  out(
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick run)' : ''}`,
  );
  out('The server runs in its own process; contenders are interleaved round by round; figures are medians.');

  const all = contenders(server.origin);
  const FLOOR = all[0]?.name ?? '';

  out('\n### 1. Non-streaming chat completion (µs per request; lower is better)\n');
  const requests = await requestBench(all, sizes);
  table(
    ['contender', 'sequential', '× floor', '16 in flight', '× floor', '64 in flight', '× floor'],
    [...requests.sequential.keys()].map((name) => [
      name,
      get(requests.sequential, name).toFixed(0),
      ratio(get(requests.sequential, name), get(requests.sequential, FLOOR)),
      get(requests.concurrent, name).toFixed(0),
      ratio(get(requests.concurrent, name), get(requests.concurrent, FLOOR)),
      get(requests.concurrent64, name).toFixed(0),
      ratio(get(requests.concurrent64, name), get(requests.concurrent64, FLOOR)),
    ]),
  );
  for (const mode of ['sequential', 'concurrent', 'concurrent64'] as const) {
    const map = requests[mode];
    if (mode === 'concurrent64') {
      // Issue 16: 16 and 64 in flight ≤ 1.15× the floor (the other comparisons stay at 16).
      const wire = get(map, 'wireai (undici), async iterator');
      target(
        'non-streaming 64 in flight: wireai/undici ≤ 1.15× floor',
        wire <= 1.15 * get(map, FLOOR),
        `${ratio(wire, get(map, FLOOR))}×`,
      );
      continue;
    }
    const wire = get(map, 'wireai (undici), async iterator');
    target(
      `non-streaming ${mode}: wireai/undici ≤ 1.15× floor`,
      wire <= 1.15 * get(map, FLOOR),
      `${ratio(wire, get(map, FLOOR))}×`,
    );
    target(
      `non-streaming ${mode}: wireai/undici ≥ 2× faster than openai-node`,
      get(map, 'openai-node (default fetch)') >= 2 * wire,
      `${ratio(get(map, 'openai-node (default fetch)'), wire)}×`,
    );
    for (const [bare, wrapped] of [
      ['bare axios', 'wireai (axios), async iterator'],
      ['bare fetch', 'wireai (fetch), async iterator'],
    ] as const) {
      const overhead = get(map, wrapped) / get(map, bare) - 1;
      target(
        `non-streaming ${mode}: ${wrapped.split(',')[0]} adds ≤ 15% to ${bare}`,
        overhead <= 0.15,
        `${(overhead * 100).toFixed(0)}%`,
      );
    }
  }

  out(
    `\n### 2. Streaming chat completion of ${sizes.chunks.toLocaleString('en')} chunks (events per second; higher is better)\n`,
  );
  const streams = await streamBench(all, sizes);
  table(
    ['contender', 'events/s', '× floor', 'first event (ms)'],
    [...streams.eventsPerSecond.keys()].map((name) => [
      name,
      get(streams.eventsPerSecond, name).toFixed(0),
      ratio(get(streams.eventsPerSecond, name), get(streams.eventsPerSecond, FLOOR)),
      get(streams.firstEventMs, name).toFixed(2),
    ]),
  );
  const wireStream = get(streams.eventsPerSecond, 'wireai (undici), async iterator');
  target(
    'streaming: wireai/undici ≥ 0.8× floor',
    wireStream >= 0.8 * get(streams.eventsPerSecond, FLOOR),
    `${ratio(wireStream, get(streams.eventsPerSecond, FLOOR))}×`,
  );
  target(
    'streaming: wireai/undici ≥ 2.5× openai-node',
    wireStream >= 2.5 * get(streams.eventsPerSecond, 'openai-node (default fetch)'),
    `${ratio(wireStream, get(streams.eventsPerSecond, 'openai-node (default fetch)'))}×`,
  );

  out(
    `\n### 3. SSE decoding alone, ${sizes.decodeMiB} MiB of recorded events in random chunk sizes (MB/s)\n`,
  );
  const decoding = await sseDecodeBench({ sizeMiB: sizes.decodeMiB, rounds: sizes.rounds });
  const decodeFloor = get(decoding, 'floor: one TextDecoder pass');
  table(
    ['decoder', 'MB/s', '× floor'],
    [...decoding].map(([name, rate]) => [name, rate.toFixed(0), ratio(rate, decodeFloor)]),
  );
  const wireDecode = get(decoding, 'wireai createSseDecoder');
  target('SSE decoder ≥ 0.9× floor', wireDecode >= 0.9 * decodeFloor, `${ratio(wireDecode, decodeFloor)}×`);
  target(
    'SSE decoder no slower than eventsource-parser',
    wireDecode >= get(decoding, 'eventsource-parser'),
    `${ratio(wireDecode, get(decoding, 'eventsource-parser'))}×`,
  );
  const linear = sseLinearity();
  out('\nOne large event in 64 KiB chunks (linear time: the rates within 2×):\n');
  table(['case', 'median ms', 'MB/s', 'floor MB/s', 'vs floor'], linear.rows);
  target(
    'SSE decoding linear: 3 MiB and 30 MiB events within 2×',
    linear.ratio <= 2,
    `${linear.ratio.toFixed(2)}×`,
  );

  out('\n### 4–5. Memory (each case in a fresh process; peak RSS growth)\n');
  const stream = await runChild<{ seconds: number; peakGrowthMiB: number; detail: number }>(
    './memory-child.ts',
    [server.origin, 'stream', String(sizes.streamMiB)],
  );
  const bigEvent = await runChild<{ seconds: number; peakGrowthMiB: number; detail: number }>(
    './memory-child.ts',
    [server.origin, 'big-event', String(sizes.bigMiB)],
  );
  const bigJson = await runChild<{ seconds: number; peakGrowthMiB: number; detail: number }>(
    './memory-child.ts',
    [server.origin, 'big-json', String(sizes.bigMiB)],
  );
  table(
    ['case', 'seconds', 'peak RSS growth (MiB)'],
    [
      [
        `${sizes.streamMiB} MiB stream through the async iterator, events dropped (${stream.detail.toLocaleString('en')} events)`,
        stream.seconds.toFixed(2),
        stream.peakGrowthMiB.toFixed(1),
      ],
      [`one ${sizes.bigMiB} MiB SSE event`, bigEvent.seconds.toFixed(2), bigEvent.peakGrowthMiB.toFixed(1)],
      [
        `a ${sizes.bigMiB} MiB JSON body (a base64 image)`,
        bigJson.seconds.toFixed(2),
        bigJson.peakGrowthMiB.toFixed(1),
      ],
    ],
  );
  target(
    `memory: ${sizes.streamMiB} MiB stream peak RSS growth < 64 MiB`,
    stream.peakGrowthMiB < 64,
    `${stream.peakGrowthMiB.toFixed(1)} MiB`,
  );

  out(`\n### 6. Soak: ${sizes.soak.toLocaleString('en')} chat completions at 64 in flight per transport\n`);
  const soaks = [];
  for (const name of ['undici', 'axios', 'fetch']) {
    soaks.push(
      await runChild<{
        transport: string;
        errors: number;
        seconds: number;
        rssGrowthPct: number;
        heapGrowthPct: number;
        socketsEarly: number;
        socketsEnd: number;
      }>('./soak-child.ts', [server.origin, name, String(sizes.soak)], ['--expose-gc']),
    );
  }
  table(
    [
      'transport',
      'errors',
      'seconds',
      'requests/s',
      'RSS end vs after 10%',
      'JS heap end vs after 10%',
      'server sockets after 10% → end',
    ],
    soaks.map((soak) => [
      soak.transport,
      soak.errors,
      soak.seconds.toFixed(1),
      (sizes.soak / soak.seconds).toFixed(0),
      `${soak.rssGrowthPct >= 0 ? '+' : ''}${soak.rssGrowthPct.toFixed(1)}%`,
      `${soak.heapGrowthPct >= 0 ? '+' : ''}${soak.heapGrowthPct.toFixed(1)}%`,
      `${soak.socketsEarly} → ${soak.socketsEnd}`,
    ]),
  );
  for (const soak of soaks) {
    target(`soak ${soak.transport}: zero errors`, soak.errors === 0, String(soak.errors));
    target(
      `soak ${soak.transport}: no growth of open sockets`,
      soak.socketsEnd <= soak.socketsEarly,
      `${soak.socketsEarly} → ${soak.socketsEnd}`,
    );
    target(
      `soak ${soak.transport}: RSS within 10%`,
      Math.abs(soak.rssGrowthPct) <= 10,
      `${soak.rssGrowthPct.toFixed(1)}%`,
    );
  }

  await bundleReport({ out, table, target }, sizes.imports);

  out('\n### 8. HTTP/2 against HTTP/1.1, and compression (wireai on undici)\n');
  const wire = await wireBench({ requests: quick ? 500 : 4_000, rounds: sizes.rounds });
  table(
    ['64 chat completions in flight', 'requests/s', 'connections the server saw'],
    wire.protocols.map((protocol) => [
      protocol.name,
      protocol.requestsPerSecond.toFixed(0),
      protocol.connections,
    ]),
  );
  const [http1, http2] = wire.protocols;
  if (http1 && http2)
    target(
      'HTTP/2: 64 in flight on one connection ≥ HTTP/1.1 throughput',
      http2.connections === 1 && http2.requestsPerSecond >= http1.requestsPerSecond,
      `${ratio(http2.requestsPerSecond, http1.requestsPerSecond)}× HTTP/1.1's requests/s on ${http2.connections} connection(s) (HTTP/1.1: ${http1.connections})`,
    );
  out('');
  table(
    [
      `1,000 embeddings (${(wire.embeddingBytes / 2 ** 20).toFixed(1)} MiB of JSON)`,
      'ms',
      'bytes on the wire',
    ],
    wire.compression.map((mode) => [mode.name, mode.ms.toFixed(0), mode.bytes.toLocaleString('en')]),
  );

  out('\n### Targets\n');
  table(
    ['target', 'measured', 'met'],
    verdicts.map(([name, ok, measured]) => [name, measured, ok ? 'yes' : '**no**']),
  );
} finally {
  await server.close();
}

if (!quick) {
  const results = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
  const notes = (() => {
    try {
      const previous = readFileSync(results, 'utf8');
      const index = previous.indexOf('\n## Notes');
      return index === -1 ? '' : previous.slice(index);
    } catch {
      return '';
    }
  })();
  writeFileSync(
    results,
    `# Benchmark results\n\nWritten by \`pnpm bench\`.\n\n${lines.join('\n')}\n${notes}`,
  );
  const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));
  const text = readFileSync(readme, 'utf8');
  const summary = `<!-- bench:start -->\n${verdicts.map(([name, ok, measured]) => `| ${name} | ${measured} | ${ok ? 'yes' : '**no**'} |`).join('\n')}\n<!-- bench:end -->`;
  const start = text.indexOf('<!-- bench:start -->');
  const end = text.indexOf('<!-- bench:end -->');
  if (start !== -1 && end !== -1)
    writeFileSync(readme, text.slice(0, start) + summary + text.slice(end + '<!-- bench:end -->'.length));
  console.log('\nwrote apps/bench/RESULTS.md and the summary in README.md');
}
