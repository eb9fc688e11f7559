import { OpenAI } from '@wireai/openai-client';
import { ChatSession } from '@wireai/sessions';
import { expect } from 'vitest';

const session = new ChatSession(new OpenAI());
async function fetchWeather(location: string) {
  return { location, temperature: '22°C' };
}

// #region readme

import { tool } from '@wireai/sessions';
import { z } from 'zod';

const weather = tool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ location: z.string() }), // or a JSON Schema object
  execute: async ({ location }) => fetchWeather(location),
});
const answer = await session.run("What's the weather in Paris?", { tools: [weather], maxSteps: 8 });
// #endregion readme

// The mock calls the tool when asked what it does, then answers with the tool's result.
expect(answer).toContain('"temperature":"22°C"');
expect(session.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
