// Node's list of what keeps the event loop alive (unref'd handles are not in it): sockets, servers, timers.
const KINDS = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout', 'PipeWrap', 'TLSWrap'];

/** Counts of the handles keeping the process alive, by kind. */
export function activeHandles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    if (KINDS.includes(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

/** Waits until no kind of handle outnumbers `baseline`; throws naming the excess after `ms`. */
export async function waitForHandlesAtMost(baseline: Map<string, number>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const excess = [...activeHandles()]
      .filter(([kind, count]) => count > (baseline.get(kind) ?? 0))
      .map(([kind, count]) => `${kind} ×${count - (baseline.get(kind) ?? 0)}`);
    if (excess.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`handles still keeping the process alive: ${excess.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20).unref());
  }
}
