import type { RouteResult } from './route-result.js';

const DEFAULT_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'invalid_request_error',
  404: 'invalid_request_error',
  409: 'invalid_request_error',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'server_error',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Incorrect API key provided.',
  403: 'You are not allowed to access this resource.',
  404: 'Not found',
  408: 'Request timed out.',
  409: 'Conflict',
  429: 'Rate limit reached for requests. Please try again later.',
  500: 'The server had an error while processing your request. Sorry about that!',
  502: 'Bad gateway.',
  503: 'The engine is currently overloaded, please try again later.',
};

/** An error body in OpenAI's shape: `{ error: { message, type, param, code } }`. */
export function openaiError(
  status: number,
  message = DEFAULT_MESSAGES[status] ?? `HTTP ${status}`,
  details: { type?: string; param?: string | null; code?: string | null } = {},
): RouteResult & { kind: 'json' } {
  return {
    kind: 'json',
    status,
    body: {
      error: {
        message,
        type:
          details.type ?? DEFAULT_TYPES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
        param: details.param ?? null,
        code: details.code ?? null,
      },
    },
  };
}

/** The 400 the API answers for a missing required parameter. */
export const missingParameter = (name: string) =>
  openaiError(400, `Missing required parameter: '${name}'.`, {
    param: name,
    code: 'missing_required_parameter',
  });

/** The 400 the API answers for a value of the wrong type or outside the allowed set. */
export const invalidValue = (param: string, message: string) =>
  openaiError(400, message, { param, code: 'invalid_value' });

/** Thrown by endpoint code to answer with an error; caught by the router. */
export class EndpointError extends Error {
  constructor(readonly result: RouteResult & { kind: 'json' }) {
    super(String((result.body as { error: { message: string } }).error.message));
  }
}

/** The 400 the API answers for a parameter of the wrong JSON type. */
export const invalidType = (param: string, expected: string, value: unknown) =>
  openaiError(
    400,
    `Invalid type for '${param}': expected ${expected}, but got ${jsonTypeName(value)} instead.`,
    { param, code: 'invalid_type' },
  );

/** The optional array-of-objects parameter `param` (`tools`, `messages`…): `[]` when absent, else a 400. */
export function objectList(value: unknown, param: string): Array<Record<string, unknown>> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new EndpointError(invalidType(param, 'an array', value));
  value.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new EndpointError(invalidType(`${param}[${index}]`, 'an object', item));
  });
  return value as Array<Record<string, unknown>>;
}

function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  return typeof value === 'boolean' ? 'a boolean' : typeof value;
}
