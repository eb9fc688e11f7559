// Bundled for the browser check: the client and the fetch transport, streaming from the mock server.
import { OpenAI } from '@wireai/openai-client';
import { createFetchTransport } from '@wireai/transport-fetch';

window.runSmoke = async (baseURL) => {
  const client = new OpenAI('sk-browser', { baseURL, transport: createFetchTransport() });
  let text = '';
  let chunks = 0;
  for await (const chunk of client.streamChatCompletion([
    { role: 'user', content: 'hello from the browser' },
  ])) {
    text += chunk.choices[0]?.delta?.content ?? '';
    chunks++;
  }
  return { text, chunks, transport: (await client.transport()).name };
};
