import { errorBrand, type TransportError, WireaiError } from '@wireai/core';

/** The base of every error the client throws. */
export class OpenAIError extends WireaiError {
  static override readonly brand: symbol = errorBrand('OpenAIError');
}

/** An input that failed validation: nothing was sent. `issues` lists every problem with its path. */
export class ValidationError extends OpenAIError {
  static override readonly brand: symbol = errorBrand('ValidationError');
  constructor(readonly issues: ReadonlyArray<{ path: string; message: string }>) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
  }
}

/** The API answered with a non-2xx status (or an `error` event in a stream). */
export class APIError extends OpenAIError {
  static override readonly brand: symbol = errorBrand('APIError');
  /** The OpenAI error object (`{ message, type, param, code }`) when the body had one. */
  readonly error:
    | { message?: string; type?: string; param?: string | null; code?: string | null }
    | undefined;
  readonly code: string | null | undefined;
  readonly param: string | null | undefined;
  readonly type: string | undefined;

  constructor(
    readonly status: number | undefined,
    /** The parsed body (or its text when it was not JSON). */
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>>,
    readonly requestId: string | undefined,
  ) {
    const error = (body as { error?: APIError['error'] } | undefined)?.error;
    const detail =
      error?.message ?? (typeof body === 'string' && body !== '' ? body.slice(0, 200) : 'no error message');
    super(status === undefined ? detail : `${status} ${detail}`);
    this.error = error;
    this.code = error?.code;
    this.param = error?.param;
    this.type = error?.type;
  }

  /** The subclass for a status: `RateLimitError` for 429 and so on. */
  static for(
    status: number,
    body: unknown,
    headers: Readonly<Record<string, string>>,
    requestId: string | undefined,
  ): APIError {
    const Class = STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : APIError);
    return new Class(status, body, headers, requestId);
  }
}

export class BadRequestError extends APIError {
  static override readonly brand: symbol = errorBrand('BadRequestError');
}
export class AuthenticationError extends APIError {
  static override readonly brand: symbol = errorBrand('AuthenticationError');
}
export class PermissionDeniedError extends APIError {
  static override readonly brand: symbol = errorBrand('PermissionDeniedError');
}
export class NotFoundError extends APIError {
  static override readonly brand: symbol = errorBrand('NotFoundError');
}
export class ConflictError extends APIError {
  static override readonly brand: symbol = errorBrand('ConflictError');
}
export class UnprocessableEntityError extends APIError {
  static override readonly brand: symbol = errorBrand('UnprocessableEntityError');
}
export class RateLimitError extends APIError {
  static override readonly brand: symbol = errorBrand('RateLimitError');
}
export class InternalServerError extends APIError {
  static override readonly brand: symbol = errorBrand('InternalServerError');
}

const STATUS_CLASSES: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** An `error` event in the middle of a stream: the reply stopped there. */
export class StreamEventError extends APIError {
  static override readonly brand: symbol = errorBrand('StreamEventError');
}

/** A stream that ended without its terminal event (`[DONE]`, `response.completed`): the reply is cut short. */
export class IncompleteStreamError extends OpenAIError {
  static override readonly brand: symbol = errorBrand('IncompleteStreamError');
}

/** What a `MalformedResponseError` keeps of the answer it could not use. */
export interface MalformedResponseDetails {
  /** The raw text of the offending stream event (its SSE `data`) or body, whole. */
  data?: string | undefined;
  /** The offending event, parsed, when it was JSON. */
  event?: unknown;
  /** The `x-request-id` of the answer, when there was one. */
  requestId?: string | undefined;
  cause?: unknown;
}

/**
 * A 2xx answer the client cannot use: a body or a stream event that is not JSON, or a stream event
 * without a shape the code relies on (a chunk without `choices`, a `response.completed` without an
 * `id`…). `data` is the offending event as it came (the message shows its start), `requestId` the answer's.
 */
export class MalformedResponseError extends OpenAIError {
  static override readonly brand: symbol = errorBrand('MalformedResponseError');
  readonly data: string | undefined;
  readonly event: unknown;
  readonly requestId: string | undefined;

  constructor(message: string, details: MalformedResponseDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.data = details.data;
    this.event = details.event;
    this.requestId = details.requestId;
  }
}

/** The request never got a complete answer: connection refused or reset, DNS, TLS… `cause` is the `TransportError`. */
export class APIConnectionError extends OpenAIError {
  static override readonly brand: symbol = errorBrand('APIConnectionError');
  constructor(
    message: string,
    readonly transportError?: TransportError,
  ) {
    super(message, transportError ? { cause: transportError } : undefined);
  }
}

/** The client's or the call's `timeout` ran out. */
export class APITimeoutError extends APIConnectionError {
  static override readonly brand: symbol = errorBrand('APITimeoutError');
}

/** The caller's `signal` aborted the request. */
export class APIUserAbortError extends OpenAIError {
  static override readonly brand: symbol = errorBrand('APIUserAbortError');
}
