// Tool calls with per-request tool_choice: force a call, run the tool locally, then force a text answer.
import { ChatSession } from '@wireai/sessions';
import { type Example, runIfMain } from '../support/example.js';

const addNumbers = (a: number, b: number) => ({
  sum: a + b,
  explanation: `The sum of ${a} and ${b} is ${a + b}.`,
});

export async function main({ client, log }: Example): Promise<void> {
  const chat = new ChatSession(client, {
    model: 'gpt-4.1',
    tool_choice: 'auto',
    tools: [
      {
        type: 'function',
        function: {
          name: 'add_numbers',
          description: 'Add two numbers and return the sum.',
          parameters: {
            type: 'object',
            properties: { a: { type: 'number' }, b: { type: 'number' } },
            required: ['a', 'b'],
          },
        },
      },
    ],
    messages: [
      {
        role: 'system',
        content: 'You are a careful math assistant. Always call the provided tool to do arithmetic.',
      },
    ],
  });
  log('Sending initial message...');
  const response = await chat.send('What is 123 + 456? Respond with the total.', { tool_choice: 'required' });
  if (typeof response === 'string' || !response.tool_calls) throw new Error('expected a tool call response');
  log('Model requested tool calls:');
  for (const call of response.tool_calls) {
    const args = JSON.parse(call.function.arguments) as { a: number; b: number };
    log(`  - Function: ${call.function.name}`);
    log(`    Arguments: ${JSON.stringify(args)}`);
    const result = addNumbers(args.a, args.b);
    log(`    Result: ${JSON.stringify(result)}`);
    const final = await chat.send(
      { role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) },
      { tool_choice: 'none' },
    );
    log(`\nFinal response: ${String(final)}`);
  }
}

await runIfMain(import.meta.url, 'openai', main);
