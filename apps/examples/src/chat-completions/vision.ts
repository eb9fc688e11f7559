// An image in the message: a content part of type image_url (here a tiny inline PNG).
import { unwrap } from '@wireai/openai-client';
import { MOCK_PNG_BASE64 } from '@wireai/testing';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  const result = await client.chat([
    {
      role: 'user',
      content: [
        { type: 'image_url', image_url: { url: `data:image/png;base64,${MOCK_PNG_BASE64}` } },
        { type: 'text', text: 'Describe this image' },
      ],
    },
  ]);
  log(unwrap(result).choices[0]?.message.content);
}

await runIfMain(import.meta.url, 'openai', main);
