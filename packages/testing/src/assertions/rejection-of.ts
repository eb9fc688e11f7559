/**
 * What `work` rejects (or throws) with, for a test to assert on: the error itself, any class. It fails the
 * test with a clear message when `work` settles without failing. `work` is a promise, or a function whose
 * throw or returned promise is awaited (a promise-returning API that throws at once is caught too).
 *
 * ```ts
 * const error = await rejectionOf(client.models({ signal: AbortSignal.abort() }));
 * expect(APIUserAbortError.isInstance(error)).toBe(true);
 * ```
 */
export async function rejectionOf(work: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but it resolved');
}
