import { type Transport, TransportError } from '@wireai/core';
import { type AttemptSignal, attemptSignal } from './attempt-signal.js';

/**
 * How one attempt keeps the client's `timeout`, and tells a timed-out attempt from a failed one.
 *
 * - A transport that keeps `TransportRequest.timeout` itself (`supportsTimeout: true`: undici, axios,
 *   fetch, the mock and the cassettes, all on core's `runExchange`) is given the limit as `timeout` and
 *   the caller's own signal: the client makes no timer and no `AbortController` per attempt (on Node 20
 *   the pair costs microseconds per request). Its `TIMEOUT` rejection is the timed-out attempt.
 * - Any other transport (a third party's, which may ignore `timeout`) is still bounded: the client gives
 *   it an attempt signal that fires on the caller's abort or at the limit (`attemptSignal`), as before
 *   the contract had `timeout`.
 */
export interface AttemptLimit {
  /** What the attempt's transport request carries: a signal, a timeout, both or neither. */
  readonly fields: { signal?: AbortSignal; timeout?: number };
  /** Whether the attempt's `error` is its time limit passing. */
  timedOut(error: TransportError): boolean;
  /** Clears what the attempt set up; call once it settled. */
  dispose(): void;
}

/** The limit of one attempt over `transport`: `timeout` ms (none unless finite and > 0), and `caller`'s signal. */
export function attemptLimit(
  transport: Transport,
  caller: AbortSignal | undefined,
  timeout: number,
): AttemptLimit {
  if (transport.supportsTimeout === true) return new NativeLimit(caller, timeout);
  return new SignalLimit(attemptSignal(caller, timeout));
}

/** The transport keeps the limit: nothing to set up or clear. */
class NativeLimit implements AttemptLimit {
  readonly fields: { signal?: AbortSignal; timeout?: number };
  private readonly limited: boolean;

  constructor(caller: AbortSignal | undefined, timeout: number) {
    this.limited = Number.isFinite(timeout) && timeout > 0;
    const fields: { signal?: AbortSignal; timeout?: number } = {};
    if (caller) fields.signal = caller;
    if (this.limited) fields.timeout = timeout;
    this.fields = fields;
  }

  timedOut(error: TransportError): boolean {
    return this.limited && TransportError.isInstance(error) && error.code === 'TIMEOUT';
  }

  dispose(): void {}
}

/** The client keeps the limit, with an attempt signal and a timer of its own. */
class SignalLimit implements AttemptLimit {
  readonly fields: { signal: AbortSignal };

  constructor(private readonly attempt: AttemptSignal) {
    this.fields = { signal: attempt.signal };
  }

  timedOut(): boolean {
    return this.attempt.timedOut();
  }

  dispose(): void {
    this.attempt.dispose();
  }
}
