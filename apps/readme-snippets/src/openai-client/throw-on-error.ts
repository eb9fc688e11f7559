import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];
mockServer().script('GET /models/:model', { error: { status: 404, message: 'no such model' } });

// #region readme

import { NotFoundError, OpenAI, unwrap } from '@wireai/openai-client';

const client = new OpenAI();

// The default: every status resolves a Result, discriminated by `ok`.
const result = await client.createChatCompletion(messages);
if (result.ok) console.log(result.body.choices[0]?.message.content);
else console.log(result.status, result.body);

// One call: unwrap gives the body, or throws the status's APIError subclass.
const completion = await client.createChatCompletion(messages).then(unwrap);
console.log(completion.id);

// Per call: `throwOnError: true` rejects a non-2xx answer, and the result is typed as the ok one.
try {
  const { body: model } = await client.model('gpt-5-nano', { throwOnError: true });
  console.log(model.owned_by);
} catch (error) {
  if (NotFoundError.isInstance(error)) console.log('not found:', error.error?.message);
}

// Per client: every call of `strict` rejects a non-2xx answer (a call's `throwOnError: false` wins).
const strict = new OpenAI(undefined, { throwOnError: true });
// #endregion readme

expect(printed()).toMatch(/^Echo: Hello\nchatcmpl\w+\nnot found: no such model\n$/);
expect(strict).toBeInstanceOf(OpenAI);
