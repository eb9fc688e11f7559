/** Runs `work` until `minMs` elapsed (after one warm-up run) and returns the median time of one run in ms. */
export function medianMs(work: () => void, { minRuns = 5, minMs = 1_000 } = {}): number {
  work();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < minRuns || performance.now() - started < minMs) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Splits bytes into chunks of `size` bytes (the last one shorter). */
export function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

export const mib = (bytes: number): number => bytes / (1024 * 1024);
