import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from '@wireai/openai-client';
import { SessionError } from '@wireai/sessions';
import { UsageError } from './usage-error.js';

/** An error as a person can act on it, on one line; the stack (on the lines after) only with `--debug`. */
export function describeError(error: unknown, debug: boolean): string {
  const detail = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `${message(error).replace(/\s*\n\s*/g, ' ')}${detail}`;
}

function message(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  // A session reports a bad status as a SessionError: said like the client's own error for that status.
  if (SessionError.isInstance(error) && error.status !== undefined && error.status >= 400)
    return message(APIError.for(error.status, error.body, {}, undefined));
  if (AuthenticationError.isInstance(error))
    return 'The API key was rejected (401). Check the key in your environment (OPENAI_API_KEY or the provider’s variable).';
  if (RateLimitError.isInstance(error)) {
    const after = error.headers['retry-after-ms']
      ? Number(error.headers['retry-after-ms']) / 1000
      : Number(error.headers['retry-after']);
    return `Rate limited (429): ${error.error?.message ?? 'too many requests'}.${Number.isFinite(after) && after > 0 ? ` Retry in ${after} s.` : ' Wait a moment and retry.'}`;
  }
  if (NotFoundError.isInstance(error))
    return `Not found (404): ${error.error?.message ?? 'check the model name and base URL'}`;
  if (APIError.isInstance(error))
    return `The API answered ${error.status ?? 'with an error'}: ${error.error?.message ?? error.message}`;
  if (APITimeoutError.isInstance(error)) return `No answer in time: ${error.message}`;
  if (APIConnectionError.isInstance(error))
    return `Could not reach the API: ${error.message}. Check your network, --base-url, or try --mock.`;
  if (APIUserAbortError.isInstance(error)) return 'Stopped.';
  if (ValidationError.isInstance(error)) return `Invalid input: ${error.message}`;
  if (SessionError.isInstance(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
