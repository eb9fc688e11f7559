/** Why an attempt's signal fired. */
export const TIMED_OUT = Symbol('timed out');

/**
 * The signal of one attempt: fires when the caller's signal does or when `timeout` ms pass. `dispose()`
 * clears the timer and the listener, so nothing outlives the attempt.
 */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  dispose(): void;
}

export function attemptSignal(caller: AbortSignal | undefined, timeout: number): AttemptSignal {
  const controller = new AbortController();
  // A caller's signal that already fired never fires again: the attempt starts aborted.
  if (caller?.aborted) controller.abort(caller.reason);
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  const timer =
    Number.isFinite(timeout) && timeout > 0
      ? setTimeout(() => controller.abort(TIMED_OUT), timeout)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => controller.signal.aborted && controller.signal.reason === TIMED_OUT,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
