import * as v from 'valibot';
import { looseObject, variant } from './shapes.js';
import { explain, isPlainObject, type Schema } from './validate.js';

// Responses API input (InputParam): a string, or a list of items. The common items are checked field by
// field; other item types the API knows (reasoning, tool call outputs of built-in tools…) pass as long
// as they carry a `type`.

const inputText = v.looseObject({ type: v.literal('input_text'), text: v.string() });
const inputImage = v.looseObject({
  type: v.literal('input_image'),
  image_url: v.optional(v.string()),
  file_id: v.optional(v.string()),
  detail: v.optional(v.picklist(['auto', 'low', 'high'])),
});
const inputFile = v.looseObject({
  type: v.literal('input_file'),
  file_id: v.optional(v.string()),
  file_data: v.optional(v.string()),
  file_url: v.optional(v.string()),
  filename: v.optional(v.string()),
});
const inputAudio = v.looseObject({
  type: v.literal('input_audio'),
  input_audio: looseObject({ data: v.string(), format: v.string() }),
});
const outputText = v.looseObject({ type: v.literal('output_text'), text: v.string() });
const refusal = v.looseObject({ type: v.literal('refusal'), refusal: v.string() });

const contentPart = variant('type', [inputText, inputImage, inputFile, inputAudio, outputText, refusal]);

const message = looseObject({
  type: v.optional(v.literal('message')),
  role: v.picklist(['user', 'assistant', 'system', 'developer']),
  content: v.union([v.string(), v.array(contentPart)]),
});

const functionCallOutput = looseObject({
  type: v.literal('function_call_output'),
  call_id: v.string(),
  output: v.union([v.string(), v.array(contentPart)]),
});

const functionCall = looseObject({
  type: v.literal('function_call'),
  call_id: v.string(),
  name: v.string(),
  arguments: v.string(),
});

const itemReference = looseObject({ type: v.literal('item_reference'), id: v.string() });

/** Other item types the API knows (reasoning, built-in tool calls…): anything with a string `type`. */
const otherItem = looseObject({ type: v.string() });

const CHECKED: Record<string, Schema> = {
  message,
  function_call_output: functionCallOutput,
  function_call: functionCall,
  item_reference: itemReference,
};

/** One item, checked by its `type` (a message when it has none), so errors point at the right fields. */
const inputItem = v.pipe(
  v.unknown(),
  v.rawCheck(({ dataset, addIssue }) => {
    const value = dataset.value;
    if (!isPlainObject(value)) {
      addIssue({ message: 'expected an input item (an object)' });
      return;
    }
    const type = value.type;
    const schema =
      type === undefined ? message : typeof type === 'string' ? (CHECKED[type] ?? otherItem) : otherItem;
    const result = v.safeParse(schema, value);
    if (result.success) return;
    for (const { path, message } of explain(schema, result.issues, value))
      addIssue({
        message,
        path: path.map((key) => ({
          type: 'unknown',
          origin: 'value',
          input: value,
          key,
          value: undefined,
        })) as [v.UnknownPathItem, ...v.UnknownPathItem[]],
      });
  }),
);

export const responsesInput = v.union([
  v.string(),
  v.pipe(v.array(inputItem), v.minLength(1, 'expected at least one input item')),
]);
