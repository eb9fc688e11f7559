/**
 * Wraps an error of the caller's own (`onHeaders`, the sink, a mock's handler), so `runExchange` can tell
 * it from the library's: the caller's error is rethrown unchanged, the library's becomes a `TransportError`.
 */
export class CallerFailure {
  constructor(readonly error: unknown) {}
}
