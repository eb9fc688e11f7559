import { OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';

// "Your code": anything that takes a base URL and a key; here a greeter on wireai's client, which
// retries a 429 as any OpenAI client does.
class MyCode {
  readonly #client: OpenAI;
  constructor({ baseURL, apiKey }: { baseURL: string; apiKey: string }) {
    this.#client = new OpenAI(apiKey, { baseURL });
  }
  async greet(): Promise<string | null | undefined> {
    const result = await this.#client.createChatCompletion([{ role: 'user', content: 'Say hello' }]);
    return result.ok ? result.body.choices[0]?.message.content : undefined;
  }
}

// #region readme

import { startMockOpenAI } from '@wireai/testing';

const mock = await startMockOpenAI(); // 127.0.0.1, a free port
mock.script('POST /chat/completions', { text: 'Bonjour' }); // the next reply; then the default echo
mock.fault({ status: 429, retryAfterMs: 10 }); // the next request, whatever its route

const client = new MyCode({ baseURL: mock.baseURL, apiKey: 'test' }); // any OpenAI client
expect(await client.greet()).toBe('Bonjour'); // after one retry
expect(mock.requests[1]?.body).toMatchObject({ messages: [{ content: 'Say hello' }] });
expect(mock.requests[1]?.headers.authorization).toBe('[redacted]');
await mock.close();
// #endregion readme

expect(mock.requests).toHaveLength(2);
