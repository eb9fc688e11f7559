/**
 * How an exchange tells a transport's library to tear its request down: it fires once, when the caller
 * aborts or the request's `timeout` passes. It has the shape of an `AbortSignal` that undici
 * (`request({ signal })`) and axios (`signal`) accept; a library that wants a real `AbortSignal` (fetch)
 * uses the caller's `signal` and `AbortSignal.timeout` instead.
 */
export interface HopSignal {
  /** `true` once the exchange gave up. */
  readonly aborted: boolean;
  /** Why: the `TransportError` (`ABORTED` or `TIMEOUT`) the exchange rejects with; `undefined` before. */
  readonly reason: unknown;
  /** Calls `listener` once when the exchange gives up (other event types are never fired). */
  addEventListener(type: string, listener: () => void, options?: unknown): void;
  /** Removes a listener added with `addEventListener`. */
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * The exchange's `HopSignal`: a plain object with a listener list. On Node 20 an `AbortController` with
 * a listener costs microseconds per request; this costs an allocation.
 */
export class ExchangeSignal implements HopSignal {
  aborted = false;
  reason: unknown = undefined;
  private listeners: Array<() => void> = [];

  addEventListener(type: string, listener: () => void): void {
    if (type === 'abort' && !this.aborted) this.listeners.push(listener);
  }

  removeEventListener(type: string, listener: () => void): void {
    if (type !== 'abort') return;
    const index = this.listeners.indexOf(listener);
    if (index >= 0) this.listeners.splice(index, 1);
  }

  /** Fires once; a listener that throws does not keep the others from running. */
  fire(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // The library's own teardown failed; the exchange has already settled with `reason`.
      }
    }
  }
}
