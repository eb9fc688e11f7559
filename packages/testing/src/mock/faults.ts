const RESET = Symbol.for('@wireai/testing:reset-connection');

/**
 * Throw it from a handler (before answering) or from a streaming body (mid-body) to drop the connection:
 * the HTTP server resets the socket, the mock transport rejects with `CONNECTION_RESET`.
 */
export function resetConnection(): Error {
  return Object.assign(new Error('mock: connection reset'), { [RESET]: true });
}

export function isResetConnection(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[RESET] === true;
}
