import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startBenchServer } from './child-process.js';
import { type Contender, contenders } from './contenders.js';
import { inFlight, interleave, median } from './rounds.js';

// `pnpm --filter @wireai/bench bench:in-flight`: only the non-streaming request bench at 16 and 64 in
// flight, wireai over undici against the raw-undici floor, in one process and one run (minutes, not the
// whole suite). `--baseline <checkout>` adds the same client built in another checkout (its `dist/`), so
// a change is measured before and after in the same run. Prints medians; writes nothing.
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    baseline: { type: 'string' },
  },
});
const requests = Number(values.requests);
const rounds = Number(values.rounds);
const LEVELS = [16, 64] as const;
const WIRE = 'wireai (undici), async iterator';

/** wireai over undici as built in another checkout: the client and transport from its `dist/`. */
async function baseline(root: string, origin: string): Promise<Contender> {
  const load = (pkg: string) =>
    import(pathToFileURL(resolve(root, 'packages', pkg, 'dist/index.js')).href) as Promise<
      Record<string, unknown>
    >;
  const client = await load('openai-client');
  const undici = await load('transport-undici');
  const OpenAI = client.OpenAI as new (
    key: string,
    options: object,
  ) => { createChatCompletion(messages: object[]): Promise<{ ok: boolean; status: number; body: unknown }> };
  const transport = (undici.createUndiciTransport as () => { close(): Promise<void> })();
  const api = new OpenAI('sk-bench', { baseURL: `${origin}/v1`, transport, maxRetries: 0 });
  const messages = [{ role: 'user', content: 'Say hello' }];
  return {
    name: `${WIRE} (baseline)`,
    async call() {
      const result = await api.createChatCompletion(messages);
      if (!result.ok) throw new Error(`status ${result.status}`);
      return result.body;
    },
    close: () => transport.close(),
  };
}

const server = await startBenchServer();
try {
  const all = contenders(server.origin);
  const floor = all[0] as Contender;
  const chosen = [floor, all.find((contender) => contender.name === WIRE) as Contender];
  if (values.baseline) chosen.push(await baseline(values.baseline, server.origin));
  for (const contender of chosen) await inFlight(200, 16, () => contender.call()); // warm up JIT and pools
  console.log(
    `Node ${process.version}; ${requests} requests a round, ${rounds} rounds; medians of µs per request, wall time and this process's CPU (the server runs in another)`,
  );
  console.log(
    `| contender | ${LEVELS.map((level) => `${level} in flight | × floor | client CPU | × floor`).join(' | ')} |`,
  );
  const wall = new Map<number, Map<string, number>>();
  const cpu = new Map<number, Map<string, number>>();
  for (const level of LEVELS) {
    const cpuSamples = new Map<string, number[]>();
    wall.set(
      level,
      await interleave(chosen, rounds, async (contender) => {
        const before = process.cpuUsage();
        const ms = await inFlight(requests, level, () => contender.call());
        const used = process.cpuUsage(before);
        const samples = cpuSamples.get(contender.name) ?? [];
        samples.push((used.user + used.system) / requests);
        cpuSamples.set(contender.name, samples);
        return (ms * 1000) / requests;
      }),
    );
    cpu.set(level, new Map([...cpuSamples].map(([name, samples]) => [name, median(samples)])));
  }
  const cell = (map: Map<string, number>, name: string) => {
    const value = map.get(name) ?? Number.NaN;
    return `${value.toFixed(0)} | ${(value / (map.get(floor.name) ?? Number.NaN)).toFixed(2)}`;
  };
  for (const { name } of chosen) {
    const cells = LEVELS.map(
      (level) =>
        `${cell(wall.get(level) as Map<string, number>, name)} | ${cell(cpu.get(level) as Map<string, number>, name)}`,
    );
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  for (const contender of all) await contender.close?.();
  for (const contender of chosen.slice(2)) await contender.close?.();
} finally {
  await server.close();
}
