/** The median of a list. */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * Runs `measure` for every contender in each of `rounds` rounds, in a shuffled order per round, so slow
 * drift of the machine is spread over all of them; returns the median per contender.
 */
export async function interleave<C extends { name: string }>(
  contenders: C[],
  rounds: number,
  measure: (contender: C) => Promise<number>,
): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = [...contenders].sort(() => Math.random() - 0.5);
    for (const contender of order) samples.get(contender.name)?.push(await measure(contender));
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

/** Runs `task` `total` times with `concurrency` in flight; resolves the elapsed milliseconds. */
export async function inFlight(
  total: number,
  concurrency: number,
  task: () => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await task();
      }
    }),
  );
  return performance.now() - started;
}
