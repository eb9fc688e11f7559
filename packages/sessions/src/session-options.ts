import { ValidationError } from '@wireai/openai-client';

/**
 * The parameters of one request: the session's options, then what the session keeps apart (its tools,
 * the chain), then the call's overrides; a key left `undefined` is not sent (so an override of
 * `undefined` falls back to the session's value, as lua-openai's `nil` does).
 */
export function requestParams<P extends object>(
  ...layers: ReadonlyArray<{ readonly [K in keyof P]?: P[K] | undefined }>
): P {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) merged[key] = value;
  }
  return merged as P;
}

/** A stream callback given in place of the options (lua-openai's shorthand) becomes `{ onChunk }`. */
export function callOptions<O extends object, F extends (...args: never[]) => unknown>(
  options: O | F | undefined,
): O & { onChunk?: F } {
  return (typeof options === 'function' ? { onChunk: options } : (options ?? {})) as O & { onChunk?: F };
}

/** A model to switch to: a non-empty string, or `undefined` for the client's default. */
export function checkModel(model: unknown): string | undefined {
  if (model === undefined || (typeof model === 'string' && model !== '')) return model;
  throw new ValidationError([{ path: 'model', message: 'expected a non-empty string' }]);
}
