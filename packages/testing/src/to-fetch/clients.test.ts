import { type Transport, toFetch } from '@wireai/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockTransport } from '../mock/mock-transport.js';
import { createMockOpenAI, type MockOpenAIServer, startMockOpenAI } from '../openai/mock-openai.js';
import { TRANSPORTS } from '../test-support/transports.js';
import {
  runAgentsSdk,
  runAISdk,
  runOpenAINode,
  scriptWeather,
  WEATHER_ANSWER,
  WEATHER_TOOL_OUTPUT,
  type WeatherRun,
} from '../test-support/weather-runs.js';

let mock: MockOpenAIServer;
beforeAll(async () => {
  mock = await startMockOpenAI();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

/** What a user of any of the clients sees: the tool ran with the model's arguments, the answer streamed. */
function expectWeatherRun(run: WeatherRun) {
  expect(run.toolInput).toEqual({ city: 'Paris' });
  expect(run.text).toBe(WEATHER_ANSWER);
  expect(run.deltas).toBeGreaterThan(1);
}

/** The second model call carried the tool's output back, as the client sent it over the transport. */
function toolOutputSent(): boolean {
  const second = mock.requests[1];
  return JSON.stringify(second?.body ?? null).includes(WEATHER_TOOL_OUTPUT);
}

describe.each(TRANSPORTS)('third-party clients through toFetch over %s', (_name, create) => {
  // Counts what goes through the transport: a client that ignored `fetch` would reach the mock all the same.
  let sent: string[] = [];
  beforeEach(() => {
    sent = [];
  });
  const createTransport = (): Transport => {
    const inner = create();
    return {
      name: inner.name,
      request: (request) => {
        sent.push(new URL(request.url).pathname);
        return inner.request(request);
      },
    };
  };

  it('openai-node runs a streamed tool call (chat.completions.runTools)', async () => {
    scriptWeather(mock, 'POST /chat/completions');
    expectWeatherRun(await runOpenAINode(toFetch(createTransport()), mock.baseURL));
    expect(mock.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions']);
    expect(toolOutputSent()).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it('the AI SDK runs a streamed tool call (streamText)', async () => {
    scriptWeather(mock, 'POST /chat/completions');
    expectWeatherRun(await runAISdk(toFetch(createTransport()), mock.baseURL));
    expect(mock.requests).toHaveLength(2);
    expect(toolOutputSent()).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it('the Agents SDK runs a streamed tool call (Runner.run, Responses API)', async () => {
    scriptWeather(mock, 'POST /responses');
    expectWeatherRun(await runAgentsSdk(toFetch(createTransport()), mock.baseURL));
    expect(mock.requests.map((r) => r.path)).toEqual(['/v1/responses', '/v1/responses']);
    expect(toolOutputSent()).toBe(true);
    expect(sent).toHaveLength(2);
  });
});

describe('third-party clients through toFetch over the in-memory mock transport', () => {
  it('each completes its streamed tool call with no socket at all', async () => {
    const memory = createMockOpenAI();
    const fetch = toFetch(createMockTransport(memory.handler));
    const baseURL = 'http://mock.invalid/v1'; // never resolved: the handler answers in memory
    scriptWeather(memory, 'POST /chat/completions');
    expectWeatherRun(await runOpenAINode(fetch, baseURL));
    scriptWeather(memory, 'POST /chat/completions');
    expectWeatherRun(await runAISdk(fetch, baseURL));
    scriptWeather(memory, 'POST /responses');
    expectWeatherRun(await runAgentsSdk(fetch, baseURL));
    expect(memory.requestCount).toBe(6);
  });
});
