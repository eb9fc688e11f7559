import * as z from 'zod/mini';
import { explain, PARSE_CONTEXT } from './validate.js';

// Responses API input (InputParam): a string, or a list of items. The common items are checked field by
// field; other item types the API knows (reasoning, tool call outputs of built-in tools…) pass as long
// as they carry a `type`.

const inputText = z.looseObject({ type: z.literal('input_text'), text: z.string() });
const inputImage = z.looseObject({
  type: z.literal('input_image'),
  image_url: z.optional(z.string()),
  file_id: z.optional(z.string()),
  detail: z.optional(z.enum(['auto', 'low', 'high'])),
});
const inputFile = z.looseObject({
  type: z.literal('input_file'),
  file_id: z.optional(z.string()),
  file_data: z.optional(z.string()),
  file_url: z.optional(z.string()),
  filename: z.optional(z.string()),
});
const inputAudio = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});
const outputText = z.looseObject({ type: z.literal('output_text'), text: z.string() });
const refusal = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

const contentPart = z.discriminatedUnion('type', [
  inputText,
  inputImage,
  inputFile,
  inputAudio,
  outputText,
  refusal,
]);

const message = z.looseObject({
  type: z.optional(z.literal('message')),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(contentPart)]),
});

const functionCallOutput = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string(),
  output: z.union([z.string(), z.array(contentPart)]),
});

const functionCall = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
});

const itemReference = z.looseObject({ type: z.literal('item_reference'), id: z.string() });

/** Other item types the API knows (reasoning, built-in tool calls…): anything with a string `type`. */
const otherItem = z.looseObject({ type: z.string() });

const CHECKED: Record<string, z.ZodMiniType> = {
  message,
  function_call_output: functionCallOutput,
  function_call: functionCall,
  item_reference: itemReference,
};

/** One item, checked by its `type` (a message when it has none), so errors point at the right fields. */
const inputItem = z.unknown().check(
  z.superRefine((value, context) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    context.addIssue({ code: 'custom', message: 'expected an input item (an object)' });
    return;
  }
  const type = (value as { type?: unknown }).type;
  const schema =
    type === undefined ? message : typeof type === 'string' ? (CHECKED[type] ?? otherItem) : otherItem;
  const result = z.safeParse(schema, value, PARSE_CONTEXT);
  if (result.success) return;
  for (const { path, message } of explain(result.error.issues, value))
    context.addIssue({ code: 'custom', message, path, input: value });
  }),
);

export const responsesInput = z.union([
  z.string(),
  z.array(inputItem).check(z.minLength(1, 'expected at least one input item')),
]);
