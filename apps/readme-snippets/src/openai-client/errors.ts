import { OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

const client = new OpenAI();
const messages = [{ role: 'user' as const, content: 'Hello' }];
const { signal } = new AbortController();
// Rate limited on the first attempt and both retries.
mockServer().fault(...Array(3).fill({ status: 429, retryAfter: 0 }));

// #region readme

import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  LimitExceededError,
  RateLimitError,
  ValidationError,
} from '@wireai/openai-client';

try {
  for await (const chunk of client.streamChatCompletion(messages, {}, { timeout: 30_000, signal })) {
    process.stdout.write(chunk.choices[0]?.delta.content ?? '');
  }
} catch (error) {
  if (RateLimitError.isInstance(error)) console.log('retry after', error.headers['retry-after']);
  else if (APIError.isInstance(error)) console.log(error.status, error.code, error.requestId);
  else if (APITimeoutError.isInstance(error)) console.log('took too long');
  else if (APIConnectionError.isInstance(error)) console.log('no connection', error.cause);
  // issues: [{ path: 'messages[2].role', message: … }]
  else if (ValidationError.isInstance(error)) console.log(error.issues);
  else if (LimitExceededError.isInstance(error)) console.log(`raise ${error.limit}`);
}
// #endregion readme

expect(printed()).toBe('retry after 0\n');
expect(mockServer().requests).toHaveLength(3);
