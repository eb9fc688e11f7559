import { errorBrand } from '@wireai/core';
import { OpenAIError } from '@wireai/openai-client';

/**
 * A session step that failed, with lua-openai's message (`Bad status: 400: Not valid thing (99)`,
 * `Failed to parse response from server: …`), the HTTP status and the raw body.
 */
export class SessionError extends OpenAIError {
  static override readonly brand: symbol = errorBrand('SessionError');
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly body: unknown,
  ) {
    super(message);
  }

  /** lua-openai's `Bad status: <status>[: <message>][ (<code>)]`. */
  static badStatus(status: number, body: unknown): SessionError {
    let message = `Bad status: ${status}`;
    const error = (body as { error?: { message?: unknown; code?: unknown } } | null | undefined)?.error;
    if (typeof error === 'object' && error !== null) {
      if (typeof error.message === 'string') message += `: ${error.message}`;
      if (typeof error.code === 'string' || typeof error.code === 'number') message += ` (${error.code})`;
    }
    return new SessionError(message, status, body);
  }
}

/** The tool runner reached `maxSteps` without a final answer. */
export class ToolLoopError extends OpenAIError {
  static override readonly brand: symbol = errorBrand('ToolLoopError');
}
