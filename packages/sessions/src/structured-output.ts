import { z } from 'zod';
import { SessionError } from './session-error.js';

/** The JSON Schema sent for structured output. */
export function outputJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema) as Record<string, unknown>;
  return json;
}

/** Chat completions' `response_format` for a schema. */
export const chatResponseFormat = (schema: z.ZodType, name = 'response') => ({
  type: 'json_schema' as const,
  json_schema: { name, schema: outputJsonSchema(schema), strict: true },
});

/** The Responses API's `text.format` for a schema. */
export const responsesTextFormat = (schema: z.ZodType, name = 'response') => ({
  format: { type: 'json_schema' as const, name, schema: outputJsonSchema(schema), strict: true },
});

/** Parses and validates the model's JSON reply; a mismatch is a `SessionError` naming what was wrong. */
export function parseStructured<T>(schema: z.ZodType<T>, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SessionError(`Structured output is not JSON: ${text.slice(0, 200)}`, undefined, text);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new SessionError(`Structured output does not match the schema: ${detail}`, undefined, value);
  }
  return result.data;
}
