import { OpenAI as WireAI } from '@wireai/openai-client';
import { createAxiosTransport } from '@wireai/transport-axios';
import { createFetchTransport } from '@wireai/transport-fetch';
import { createUndiciTransport } from '@wireai/transport-undici';
import axios from 'axios';
import OpenAINode from 'openai';
import { Agent, request } from 'undici';

const messages = [{ role: 'user' as const, content: 'Say hello' }];
const payload = (extra: object = {}) => JSON.stringify({ model: 'gpt-4.1', messages, ...extra });
const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-bench' };

/** One way of making a chat completion request: JSON (`call`) and streamed (`stream`, resolving the event count). */
export interface Contender {
  name: string;
  call(): Promise<unknown>;
  stream?(chunks: number, onFirst: () => void): Promise<number>;
  close?(): Promise<void>;
}

/** The floor: undici.request, JSON.parse, and for streams a minimal SSE split with JSON.parse per event. */
function floor(origin: string): Contender {
  const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
  const url = `${origin}/v1/chat/completions`;
  return {
    name: 'floor: undici.request + JSON.parse',
    async call() {
      const { body } = await request(url, { method: 'POST', headers, body: payload(), dispatcher });
      return JSON.parse(await body.text());
    },
    async stream(chunks, onFirst) {
      const { body } = await request(url, {
        method: 'POST',
        headers,
        body: payload({ stream: true, max_tokens: chunks }),
        dispatcher,
      });
      const decoder = new TextDecoder();
      let buffer = '';
      let count = 0;
      for await (const bytes of body) {
        buffer += decoder.decode(bytes, { stream: true });
        let end = buffer.indexOf('\n\n');
        let start = 0;
        while (end !== -1) {
          const data = buffer.slice(start + 6, end); // "data: "
          if (data !== '[DONE]') {
            JSON.parse(data);
            if (count++ === 0) onFirst();
          }
          start = end + 2;
          end = buffer.indexOf('\n\n', start);
        }
        buffer = buffer.slice(start);
      }
      return count;
    },
    close: () => dispatcher.close(),
  };
}

function bareAxios(origin: string): Contender {
  const instance = axios.create();
  return {
    name: 'bare axios',
    call: async () => (await instance.post(`${origin}/v1/chat/completions`, payload(), { headers })).data,
  };
}

function bareFetch(origin: string): Contender {
  return {
    name: 'bare fetch',
    call: async () =>
      (await fetch(`${origin}/v1/chat/completions`, { method: 'POST', headers, body: payload() })).json(),
  };
}

function wireai(origin: string, transportName: 'undici' | 'axios' | 'fetch'): Contender[] {
  const transport =
    transportName === 'undici'
      ? createUndiciTransport()
      : transportName === 'axios'
        ? createAxiosTransport()
        : createFetchTransport();
  const client = new WireAI('sk-bench', { baseURL: `${origin}/v1`, transport, maxRetries: 0 });
  const close = 'close' in transport ? () => (transport as { close(): Promise<void> }).close() : undefined;
  const call = async () => {
    const result = await client.createChatCompletion(messages);
    if (!result.ok) throw new Error(`status ${result.status}`);
    return result.body;
  };
  return [
    {
      name: `wireai (${transportName}), async iterator`,
      call,
      async stream(chunks, onFirst) {
        let count = 0;
        for await (const _ of client.streamChatCompletion(messages, { max_tokens: chunks }))
          if (count++ === 0) onFirst();
        return count;
      },
      ...(close ? { close } : {}),
    },
    {
      name: `wireai (${transportName}), callback`,
      call,
      async stream(chunks, onFirst) {
        let count = 0;
        await client.createChatCompletion(messages, { stream: true, max_tokens: chunks }, () => {
          if (count++ === 0) onFirst();
        });
        return count;
      },
    },
  ];
}

function openaiNode(origin: string): Contender {
  const client = new OpenAINode({ apiKey: 'sk-bench', baseURL: `${origin}/v1`, maxRetries: 0 });
  return {
    name: 'openai-node (default fetch)',
    call: () => client.chat.completions.create({ model: 'gpt-4.1', messages }),
    async stream(chunks, onFirst) {
      let count = 0;
      const stream = await client.chat.completions.create({
        model: 'gpt-4.1',
        messages,
        stream: true,
        max_tokens: chunks,
      });
      for await (const _ of stream) if (count++ === 0) onFirst();
      return count;
    },
  };
}

/** Every contender, the floor first. */
export function contenders(origin: string): Contender[] {
  return [
    floor(origin),
    ...wireai(origin, 'undici'),
    bareAxios(origin),
    ...wireai(origin, 'axios'),
    bareFetch(origin),
    ...wireai(origin, 'fetch'),
    openaiNode(origin),
  ];
}
