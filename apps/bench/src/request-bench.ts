import type { Contender } from './contenders.js';
import { inFlight, interleave } from './rounds.js';

export interface RequestResults {
  sequential: Map<string, number>;
  concurrent: Map<string, number>;
  /** 64 in flight: more requests than undici's pool keeps busy at 16, the load the issue 16 target names. */
  concurrent64: Map<string, number>;
}

/** Non-streaming chat completions: microseconds per request, one at a time, 16 and 64 in flight. */
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
  const concurrent64 = await interleave(
    contenders,
    rounds,
    async (contender) => ((await inFlight(requests, 64, () => contender.call())) * 1000) / requests,
  );
  return { sequential, concurrent, concurrent64 };
}
