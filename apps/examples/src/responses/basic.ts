// The Responses API: a response, a streamed one, and a conversation continued by previous_response_id.
import { unwrap } from '@wireai/openai-client';
import { ResponsesChatSession, type SessionResponse } from '@wireai/sessions';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  const response = unwrap(await client.createResponse('Say hello in French', { model: 'gpt-4.1-mini' }));
  log(
    `Response ${response.id}: ${response.output
      .flatMap((item) => ('content' in item ? (item.content as Array<{ text?: string }>) : []))
      .map((part) => part.text ?? '')
      .join('')}`,
  );

  const session = new ResponsesChatSession(client, {
    model: 'gpt-4.1-mini',
    instructions: 'You are concise.',
  });
  const first = (await session.send('Name a primary colour')) as SessionResponse;
  log(`First: ${first.outputText()}`);
  const streamed = await session.send(
    'Name another one',
    (chunk) => void process.stdout.write(chunk.content ?? ''),
  );
  process.stdout.write('\n');
  log(`Second (streamed): ${String(streamed)}`);
  log(`Chained: ${session.responseHistory[1]?.previous_response_id === first.id}`);
}

await runIfMain(import.meta.url, 'openai', main);
