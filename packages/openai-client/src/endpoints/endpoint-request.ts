import { ValidationError } from '../errors.js';
import { CALL_OPTION_NAMES } from '../request/call-option-names.js';
import type { ClientCore } from '../request/client-core.js';
import {
  type CallOptions,
  type ErrorPaths,
  type RequestOptions,
  sendRequest,
} from '../request/send-request.js';
import type { Result } from '../types.js';
import { checkCallOptions, type Issue, isRecord } from '../validation/options.js';
import { throwIssues } from '../validation/validate.js';

/** An endpoint's body fields are its arguments (`temperature`), its call options its last one (`call.timeout`). */
const ENDPOINT_PATHS: ErrorPaths = { call: 'call', body: '' };

/** What an endpoint fixes about its request (a list's query too); the caller's call options add the rest. */
export type EndpointRequest<E> = Omit<RequestOptions<E>, keyof CallOptions> & Pick<CallOptions, 'query'>;

/**
 * Sends an endpoint's request with the caller's call options: only `signal`, `timeout`, `maxRetries`,
 * `headers`, the limits, `query` and `throwOnError` are taken from them (a stray `path` or `body` cannot
 * replace the endpoint's), and they are checked like the rest, so a bad one is a `ValidationError` naming
 * `call.…`.
 */
export function endpointRequest<T, E = unknown>(
  core: ClientCore,
  request: EndpointRequest<E>,
  call: CallOptions | undefined,
): Promise<Result<T>> {
  const options = callOptions(call);
  // The endpoint's own query (a list's `after`) under the caller's.
  const query =
    request.query && options.query
      ? { ...request.query, ...options.query }
      : (options.query ?? request.query);
  return sendRequest<T, E>(core, { ...request, ...options, ...(query ? { query } : {}) }, ENDPOINT_PATHS);
}

/** The call options of `call`, and only those, checked: a `ValidationError` names what is wrong (`call.timeout`). */
export function callOptions(call: unknown): CallOptions {
  if (call === undefined || call === null) return {};
  const issues: Issue[] = [];
  checkCallOptions(call, 'call', issues);
  throwIssues(issues);
  if (!isRecord(call)) return {}; // (checked above)
  const picked: Record<string, unknown> = {};
  for (const name of CALL_OPTION_NAMES) if (call[name] !== undefined) picked[name] = call[name];
  return picked as CallOptions;
}

/** A positional argument the endpoint cannot do without (`prompt`, `input`): present and not empty. */
export function required(value: unknown, path: string): void {
  if (value === undefined || value === null || value === '')
    throw new ValidationError([{ path, message: 'required' }]);
}
