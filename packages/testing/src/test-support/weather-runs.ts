import { createOpenAI } from '@ai-sdk/openai';
import { Agent, tool as agentTool, OpenAIProvider, Runner, setTracingDisabled } from '@openai/agents';
import type { FetchFunction } from '@wireai/core';
import { stepCountIs, streamText, tool } from 'ai';
import OpenAI from 'openai';
import { z } from 'zod';
import type { MockOpenAI } from '../openai/mock-openai.js';

/**
 * One streamed tool-calling run, the same for each third-party client: the model asks for `get_weather`,
 * the client runs it, sends its output back, and streams the final answer.
 */
export interface WeatherRun {
  /** The streamed answer, joined from its deltas. */
  text: string;
  /** How many text deltas the client saw (more than one: it streamed). */
  deltas: number;
  /** The arguments the client's tool was called with. */
  toolInput: unknown;
}

export const WEATHER_ANSWER = 'It is sunny and 21 degrees in Paris today.';
export const WEATHER_TOOL_OUTPUT = 'sunny, 21C';
const PROMPT = 'What is the weather in Paris?';
// The mock checks no key unless told to; a fixed fake one keeps recorded request bodies identical.
const API_KEY = 'sk-wireai-test-not-a-key';

/** Queues the two model turns of a weather run on `route` (`'POST /chat/completions'` or `'POST /responses'`). */
export function scriptWeather(mock: MockOpenAI, route: 'POST /chat/completions' | 'POST /responses'): void {
  mock.script(
    route,
    { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' }, id: 'call_weather_1' }] },
    { text: WEATHER_ANSWER },
  );
}

/** openai-node 6: `chat.completions.runTools` streaming, over Chat Completions. */
export async function runOpenAINode(fetch: FetchFunction, baseURL: string): Promise<WeatherRun> {
  const client = new OpenAI({ apiKey: API_KEY, baseURL, fetch, maxRetries: 0 });
  const run: WeatherRun = { text: '', deltas: 0, toolInput: undefined };
  const runner = client.chat.completions.runTools({
    model: 'gpt-4o-mini',
    stream: true,
    messages: [{ role: 'user', content: PROMPT }],
    tools: [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'The current weather in a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          parse: (args: string): unknown => JSON.parse(args),
          function: (input: unknown) => {
            run.toolInput = input;
            return WEATHER_TOOL_OUTPUT;
          },
        },
      },
    ],
  });
  runner.on('content', (delta) => {
    run.deltas++;
    run.text += delta;
  });
  await runner.done();
  return run;
}

/** The AI SDK 6 with `@ai-sdk/openai` 3: `streamText` with a tool, over Chat Completions. */
export async function runAISdk(fetch: FetchFunction, baseURL: string): Promise<WeatherRun> {
  const openai = createOpenAI({ apiKey: API_KEY, baseURL, fetch });
  const run: WeatherRun = { text: '', deltas: 0, toolInput: undefined };
  const result = streamText({
    model: openai.chat('gpt-4o-mini'),
    prompt: PROMPT,
    maxRetries: 0,
    stopWhen: stepCountIs(3),
    tools: {
      get_weather: tool({
        description: 'The current weather in a city',
        inputSchema: z.object({ city: z.string() }),
        execute: async (input) => {
          run.toolInput = input;
          return WEATHER_TOOL_OUTPUT;
        },
      }),
    },
  });
  for await (const delta of result.textStream) {
    run.deltas++;
    run.text += delta;
  }
  return run;
}

/** The OpenAI Agents SDK: a streamed `Runner.run` of an agent with a tool, over the Responses API. */
export async function runAgentsSdk(fetch: FetchFunction, baseURL: string): Promise<WeatherRun> {
  // Traces would otherwise be exported to api.openai.com.
  setTracingDisabled(true);
  const client = new OpenAI({ apiKey: API_KEY, baseURL, fetch, maxRetries: 0 });
  const runner = new Runner({
    modelProvider: new OpenAIProvider({ openAIClient: client, useResponses: true }),
    tracingDisabled: true,
  });
  const run: WeatherRun = { text: '', deltas: 0, toolInput: undefined };
  const getWeather = agentTool({
    name: 'get_weather',
    description: 'The current weather in a city',
    parameters: z.object({ city: z.string() }),
    execute: async (input) => {
      run.toolInput = input;
      return WEATHER_TOOL_OUTPUT;
    },
  });
  const agent = new Agent({
    name: 'weather',
    instructions: 'Answer about the weather.',
    model: 'gpt-4o-mini',
    tools: [getWeather],
  });
  const result = await runner.run(agent, PROMPT, { stream: true });
  for await (const delta of result.toTextStream()) {
    run.deltas++;
    run.text += delta;
  }
  await result.completed;
  return run;
}
