// An image as Responses input: an input_image part beside the question.
import { ResponsesChatSession, type SessionResponse } from '@wireai/sessions';
import { MOCK_PNG_BASE64 } from '@wireai/testing';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  const session = new ResponsesChatSession(client, { model: 'gpt-4.1-mini' });
  const response = (await session.send([
    {
      role: 'user',
      content: [
        { type: 'input_text', text: 'What is in this image?' },
        { type: 'input_image', image_url: `data:image/png;base64,${MOCK_PNG_BASE64}`, detail: 'auto' },
      ],
    },
  ])) as SessionResponse;
  log(response.outputText());
}

await runIfMain(import.meta.url, 'openai', main);
