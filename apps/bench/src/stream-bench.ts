import type { Contender } from './contenders.js';
import { interleave, median } from './rounds.js';

export interface StreamResults {
  eventsPerSecond: Map<string, number>;
  firstEventMs: Map<string, number>;
}

/** A streamed chat completion of `chunks` events: events per second and time to the first event. */
export async function streamBench(
  all: Contender[],
  { chunks, rounds }: { chunks: number; rounds: number },
): Promise<StreamResults> {
  const contenders = all.filter((contender) => contender.stream);
  for (const contender of contenders) await contender.stream?.(1000, () => undefined);
  const first = new Map<string, number[]>();
  const eventsPerSecond = await interleave(contenders, rounds, async (contender) => {
    const started = performance.now();
    let firstAt = 0;
    const count = (await contender.stream?.(chunks, () => {
      firstAt = performance.now() - started;
    })) as number;
    const elapsed = performance.now() - started;
    if (count < chunks) throw new Error(`${contender.name} saw ${count} of ${chunks} events`);
    first.set(contender.name, [...(first.get(contender.name) ?? []), firstAt]);
    return (count / elapsed) * 1000;
  });
  return {
    eventsPerSecond,
    firstEventMs: new Map([...first].map(([name, values]) => [name, median(values)])),
  };
}
