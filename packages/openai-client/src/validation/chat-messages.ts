import { z } from 'zod';

// Messages as the API accepts them (ChatCompletionRequestMessage in the description). Objects are
// loose: a field this schema does not know (a provider's extension) passes; a known one must be right.

const text = z.looseObject({ type: z.literal('text'), text: z.string() });
const image = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string(), detail: z.enum(['auto', 'low', 'high']).optional() }),
});
const audio = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.enum(['wav', 'mp3']) }),
});
const file = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({
    file_data: z.string().optional(),
    file_id: z.string().optional(),
    filename: z.string().optional(),
  }),
});
const refusal = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

const userContent = z.union([
  z.string(),
  z.array(z.discriminatedUnion('type', [text, image, audio, file])).min(1),
]);
const textContent = z.union([z.string(), z.array(text).min(1)]);

const functionCall = z.looseObject({ name: z.string(), arguments: z.string() });
export const toolCall = z.looseObject({
  id: z.string(),
  type: z.literal('function'),
  function: functionCall,
});

const name = z.string().optional();

export const chatMessage = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('system'), content: textContent, name }),
  z.looseObject({ role: z.literal('developer'), content: textContent, name }),
  z.looseObject({ role: z.literal('user'), content: userContent, name }),
  z
    .looseObject({
      role: z.literal('assistant'),
      content: z
        .union([z.string(), z.array(z.discriminatedUnion('type', [text, refusal])), z.null()])
        .optional(),
      name,
      refusal: z.string().nullable().optional(),
      tool_calls: z.array(toolCall).optional(),
      function_call: functionCall.nullable().optional(),
    })
    .refine(
      (message) =>
        message.content != null || message.tool_calls !== undefined || message.function_call != null,
      {
        message: 'an assistant message needs content, tool_calls or function_call',
      },
    ),
  z.looseObject({ role: z.literal('tool'), content: textContent, tool_call_id: z.string() }),
  z.looseObject({ role: z.literal('function'), name: z.string(), content: z.string().nullable() }),
]);

export const chatMessages = z.array(chatMessage).min(1, 'expected at least one message');

/** A legacy function declaration (lua-openai's `test_function`). */
export const functionDeclaration = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});
