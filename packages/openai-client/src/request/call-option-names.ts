import type { CallOptions } from './send-request.js';

/** The names of `CallOptions`: what a method's last argument, or `call()`'s parameters, may carry. */
export const CALL_OPTION_NAMES = [
  'signal',
  'timeout',
  'maxRetries',
  'headers',
  'maxBodyBytes',
  'maxEventSize',
  'sseFraming',
  'query',
  'throwOnError',
] as const satisfies ReadonlyArray<keyof CallOptions>;
