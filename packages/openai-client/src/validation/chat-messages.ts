import * as z from 'zod/mini';

// Messages as the API accepts them (ChatCompletionRequestMessage in the description). Objects are
// loose: a field this schema does not know (a provider's extension) passes; a known one must be right.
// zod/mini (the functional form of zod 4) so a bundle carries only the checks used here.

const text = z.looseObject({ type: z.literal('text'), text: z.string() });
const image = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string(), detail: z.optional(z.enum(['auto', 'low', 'high'])) }),
});
const audio = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.enum(['wav', 'mp3']) }),
});
const file = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({
    file_data: z.optional(z.string()),
    file_id: z.optional(z.string()),
    filename: z.optional(z.string()),
  }),
});
const refusal = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

const userContent = z.union([
  z.string(),
  z.array(z.discriminatedUnion('type', [text, image, audio, file])).check(z.minLength(1)),
]);
const textContent = z.union([z.string(), z.array(text).check(z.minLength(1))]);

const functionCall = z.looseObject({ name: z.string(), arguments: z.string() });
export const toolCall = z.looseObject({
  id: z.string(),
  type: z.literal('function'),
  function: functionCall,
});

const name = z.optional(z.string());

export const chatMessage = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('system'), content: textContent, name }),
  z.looseObject({ role: z.literal('developer'), content: textContent, name }),
  z.looseObject({ role: z.literal('user'), content: userContent, name }),
  z
    .looseObject({
      role: z.literal('assistant'),
      content: z.optional(
        z.union([z.string(), z.array(z.discriminatedUnion('type', [text, refusal])), z.null()]),
      ),
      name,
      refusal: z.optional(z.nullable(z.string())),
      tool_calls: z.optional(z.array(toolCall)),
      function_call: z.optional(z.nullable(functionCall)),
    })
    .check(
      z.refine(
        (message) =>
          message.content != null || message.tool_calls !== undefined || message.function_call != null,
        { error: 'an assistant message needs content, tool_calls or function_call' },
      ),
    ),
  z.looseObject({ role: z.literal('tool'), content: textContent, tool_call_id: z.string() }),
  z.looseObject({ role: z.literal('function'), name: z.string(), content: z.nullable(z.string()) }),
]);

export const chatMessages = z.array(chatMessage).check(z.minLength(1, 'expected at least one message'));

/** A legacy function declaration (lua-openai's `test_function`). */
export const functionDeclaration = z.looseObject({
  name: z.string(),
  description: z.optional(z.string()),
  parameters: z.optional(z.record(z.string(), z.unknown())),
});
