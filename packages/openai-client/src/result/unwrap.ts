import { APIError } from '../errors.js';
import type { Result } from '../types.js';

/** The ok branch of a `Result`: what a call resolves with `throwOnError: true`, and what `unwrap` checks for. */
export type OkResult<T> = Extract<Result<T>, { readonly ok: true }>;

/**
 * What a call resolves given its call options `C`: the ok branch when `C` has `throwOnError: true` (a
 * non-2xx answer rejects instead), else the whole `Result`. A client-level `throwOnError` does not narrow
 * the type (the client is not generic over its config): use `unwrap` or the call option there.
 */
export type ResultFor<T, C> = C extends { readonly throwOnError: true } ? OkResult<T> : Result<T>;

/**
 * The `APIError` subclass for a non-2xx result (`RateLimitError` for 429…), by `APIError.for`: the one
 * status mapping the streams use too, so a result thrown and a stream's failure are the same class.
 */
export function resultError(result: Result<unknown> & { readonly ok: false }): APIError {
  return APIError.for(result.status, result.body, result.headers, result.requestId);
}

/**
 * The body of an ok result; a non-2xx one is thrown as its `APIError` subclass. For one call, where the
 * rest of the code keeps the resolve-every-status default:
 *
 * ```ts
 * const completion = await client.createChatCompletion(messages).then(unwrap);
 * ```
 *
 * A function rather than a method, so a `Result` stays plain data: it survives `JSON.stringify`,
 * `structuredClone`, a cassette or a worker message unchanged.
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.body;
  throw resultError(result);
}
