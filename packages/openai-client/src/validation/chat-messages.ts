import * as v from 'valibot';
import { looseObject, record, variant } from './shapes.js';

// Messages as the API accepts them (ChatCompletionRequestMessage in the description). Objects are
// loose: a field this schema does not know (a provider's extension) passes; a known one must be right.
// A variant's options are valibot's own loose objects (the variant reads their `entries`).

// zod's wording, which the client has always used.
const TOO_FEW = 'Too small: expected array to have >=1 items';

const text = v.looseObject({ type: v.literal('text'), text: v.string() });
const image = v.looseObject({
  type: v.literal('image_url'),
  image_url: looseObject({ url: v.string(), detail: v.optional(v.picklist(['auto', 'low', 'high'])) }),
});
const audio = v.looseObject({
  type: v.literal('input_audio'),
  input_audio: looseObject({ data: v.string(), format: v.picklist(['wav', 'mp3']) }),
});
const file = v.looseObject({
  type: v.literal('file'),
  file: looseObject({
    file_data: v.optional(v.string()),
    file_id: v.optional(v.string()),
    filename: v.optional(v.string()),
  }),
});
const refusal = v.looseObject({ type: v.literal('refusal'), refusal: v.string() });

const userContent = v.union([
  v.string(),
  v.pipe(v.array(variant('type', [text, image, audio, file])), v.minLength(1, TOO_FEW)),
]);
const textContent = v.union([
  v.string(),
  v.pipe(v.array(looseObject(text.entries)), v.minLength(1, TOO_FEW)),
]);

const functionCall = looseObject({ name: v.string(), arguments: v.string() });
export const toolCall = looseObject({
  id: v.string(),
  type: v.literal('function'),
  function: functionCall,
});

const name = v.optional(v.string());

export const chatMessage = variant('role', [
  v.looseObject({ role: v.literal('system'), content: textContent, name }),
  v.looseObject({ role: v.literal('developer'), content: textContent, name }),
  v.looseObject({ role: v.literal('user'), content: userContent, name }),
  v.pipe(
    v.looseObject({
      role: v.literal('assistant'),
      content: v.optional(v.union([v.string(), v.array(variant('type', [text, refusal])), v.null()])),
      name,
      refusal: v.optional(v.nullable(v.string())),
      tool_calls: v.optional(v.array(toolCall)),
      function_call: v.optional(v.nullable(functionCall)),
    }),
    v.check(
      (message) =>
        message.content != null || message.tool_calls !== undefined || message.function_call != null,
      'an assistant message needs content, tool_calls or function_call',
    ),
  ),
  v.looseObject({ role: v.literal('tool'), content: textContent, tool_call_id: v.string() }),
  v.looseObject({ role: v.literal('function'), name: v.string(), content: v.nullable(v.string()) }),
]);

export const chatMessages = v.pipe(v.array(chatMessage), v.minLength(1, 'expected at least one message'));

/** A legacy function declaration (lua-openai's `test_function`). */
export const functionDeclaration = looseObject({
  name: v.string(),
  description: v.optional(v.string()),
  parameters: v.optional(record),
});
