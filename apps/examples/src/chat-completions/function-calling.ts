// Legacy function calling: the model asks for a function, the session sends the result back.
import { ChatSession } from '@wireai/sessions';
import { type Example, runIfMain } from '../support/example.js';

export async function main({ client, log }: Example): Promise<void> {
  const chat = new ChatSession(client, {
    model: 'gpt-4.1',
    messages: [
      {
        role: 'system',
        content:
          'You are a calculator with access to specified set of functions. All computation should be done with the functions',
      },
    ],
    functions: [
      {
        name: 'sqrt',
        description: 'Calculate square root of a number',
        parameters: { type: 'object', properties: { a: { type: 'number' } }, required: ['a'] },
      },
    ],
    function_call: { name: 'sqrt' },
  });
  const reply = await chat.send('Calculate the square root of 23892391');
  if (typeof reply === 'string' || !reply.function_call) throw new Error('expected a function call');
  const { a } = JSON.parse(reply.function_call.arguments) as { a: number };
  log(`model called ${reply.function_call.name}(${a})`);
  const answer = await chat.send(
    { role: 'function', name: 'sqrt', content: String(Math.sqrt(a)) },
    { function_call: 'none' },
  );
  log(answer);
}

await runIfMain(import.meta.url, 'openai', main);
