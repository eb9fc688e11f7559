// Function tools with the Responses API, run by the session's tool runner until the model answers.
import { ResponsesChatSession, tool } from '@wireai/sessions';
import { z } from 'zod';
import { type Example, runIfMain } from '../support/example.js';

const getWeather = tool({
  name: 'get_weather',
  description: 'Get the current weather for a location',
  parameters: z.object({ location: z.string().describe('City name') }),
  execute: ({ location }) => ({ location, temperature: '22°C', conditions: 'Sunny' }),
});

export async function main({ client, log }: Example): Promise<void> {
  const session = new ResponsesChatSession(client, { model: 'gpt-4.1-mini' });
  const answer = await session.run("What's the weather like in Paris?", { tools: [getWeather] });
  const calls = session.responseHistory.flatMap((response) =>
    response.output.filter((item) => item.type === 'function_call'),
  );
  for (const call of calls) if (call.type === 'function_call') log(`called ${call.name}(${call.arguments})`);
  log(`Answer: ${answer}`);
}

await runIfMain(import.meta.url, 'openai', main);
