import type { Contender } from './contenders.js';
import { inFlight, interleave } from './rounds.js';

export interface RequestResults {
  sequential: Map<string, number>;
  concurrent: Map<string, number>;
}

/** Non-streaming chat completions: microseconds per request, one at a time and 16 in flight. */
export async function requestBench(
  all: Contender[],
  { requests, rounds }: { requests: number; rounds: number },
): Promise<RequestResults> {
  const contenders = all.filter((contender) => !contender.name.includes('callback')); // same JSON path as the iterator entry
  for (const contender of contenders) await inFlight(50, 4, () => contender.call()); // warm up JIT and pools
  const sequential = await interleave(
    contenders,
    rounds,
    async (contender) => ((await inFlight(requests, 1, () => contender.call())) * 1000) / requests,
  );
  const concurrent = await interleave(
    contenders,
    rounds,
    async (contender) => ((await inFlight(requests, 16, () => contender.call())) * 1000) / requests,
  );
  return { sequential, concurrent };
}
