import * as z from 'zod/mini';
import { SessionError } from './session-error.js';
import { userParseContext } from './zod-messages.js';

/** The JSON Schema sent for structured output. */
export function outputJsonSchema(schema: z.core.$ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema) as Record<string, unknown>;
  return json;
}

/** Chat completions' `response_format` for a schema. */
export const chatResponseFormat = (schema: z.core.$ZodType, name = 'response') => ({
  type: 'json_schema' as const,
  json_schema: { name, schema: outputJsonSchema(schema), strict: true },
});

/** The Responses API's `text.format` for a schema. */
export const responsesTextFormat = (schema: z.core.$ZodType, name = 'response') => ({
  format: { type: 'json_schema' as const, name, schema: outputJsonSchema(schema), strict: true },
});

/** Parses and validates the model's JSON reply; a mismatch is a `SessionError` naming what was wrong. */
export function parseStructured<T>(schema: z.core.$ZodType<T>, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SessionError(`Structured output is not JSON: ${text.slice(0, 200)}`, undefined, text);
  }
  const result = z.safeParse(schema, value, userParseContext());
  if (!result.success) {
    const detail = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new SessionError(`Structured output does not match the schema: ${detail}`, undefined, value);
  }
  return result.data;
}
