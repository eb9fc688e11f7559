import { ValidationError } from '../errors.js';
import { type Issue, isRecord, shown } from './options.js';

/** How an endpoint's numeric parameters are checked: any finite number, or a whole one. */
export type NumericKinds = Readonly<Record<string, 'number' | 'integer'>>;

export interface BodyOptionsSpec {
  /** The numeric parameters the endpoint knows (the description types them `number` or `integer`). */
  numbers?: NumericKinds;
  /** Fields that are a positional argument of the method, so `options` may not carry them too. */
  positional?: readonly string[];
  /** What the argument is called when it is not an object at all (default `options`). */
  argument?: string;
}

// Per endpoint, from the official description. Ranges are the server's to judge (providers differ);
// what is refused here is what cannot be right anywhere: NaN, Infinity, a string, 1.5 tokens.
export const CHAT_NUMBERS: NumericKinds = {
  temperature: 'number',
  top_p: 'number',
  frequency_penalty: 'number',
  presence_penalty: 'number',
  max_tokens: 'integer',
  max_completion_tokens: 'integer',
  n: 'integer',
  seed: 'integer',
  top_logprobs: 'integer',
};
export const RESPONSE_NUMBERS: NumericKinds = {
  temperature: 'number',
  top_p: 'number',
  max_output_tokens: 'integer',
  max_tool_calls: 'integer',
  top_logprobs: 'integer',
};
export const COMPLETION_NUMBERS: NumericKinds = {
  temperature: 'number',
  top_p: 'number',
  frequency_penalty: 'number',
  presence_penalty: 'number',
  max_tokens: 'integer',
  n: 'integer',
  seed: 'integer',
  best_of: 'integer',
  logprobs: 'integer',
};
export const EMBEDDING_NUMBERS: NumericKinds = { dimensions: 'integer' };
export const IMAGE_NUMBERS: NumericKinds = { n: 'integer', output_compression: 'integer' };

/**
 * Checks a method's `options` (the body parameters besides the positional ones): an object (or nothing),
 * `model` a non-empty string, `stream` a boolean, the numeric parameters finite numbers (whole where the
 * API wants an integer; `null` passes, as the API takes it), and no positional field given again.
 * Paths are the body's field names (`temperature`), as the API's own errors name them. Returns the options.
 */
export function assertBodyOptions(options: unknown, spec: BodyOptionsSpec = {}): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (!isRecord(options))
    throw new ValidationError([
      { path: spec.argument ?? 'options', message: `expected an object, got ${shown(options)}` },
    ]);
  const issues: Issue[] = [];
  for (const field of spec.positional ?? [])
    if (options[field] !== undefined)
      issues.push({
        path: field,
        message: `given in options too: pass ${field} only as the first argument`,
      });
  const model = options.model;
  if (model !== undefined && (typeof model !== 'string' || model === ''))
    issues.push({ path: 'model', message: `expected a non-empty string, got ${shown(model)}` });
  const stream = options.stream;
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean')
    issues.push({ path: 'stream', message: `expected a boolean, got ${shown(stream)}` });
  for (const [field, kind] of Object.entries(spec.numbers ?? {})) {
    const value = options[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value))
      issues.push({ path: field, message: `expected a finite number, got ${shown(value)}` });
    else if (kind === 'integer' && !Number.isInteger(value))
      issues.push({ path: field, message: `expected an integer, got ${shown(value)}` });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return options;
}
