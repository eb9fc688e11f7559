import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FetchFunction, toFetch } from '@wireai/core';
import { createUndiciTransport } from '@wireai/transport-undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTransport } from '../cassette/record-transport.js';
import { replayTransport } from '../cassette/replay-transport.js';
import { startMockOpenAI } from '../openai/mock-openai.js';
import {
  runAgentsSdk,
  runAISdk,
  runOpenAINode,
  scriptWeather,
  WEATHER_ANSWER,
  type WeatherRun,
} from '../test-support/weather-runs.js';

type Client = (fetch: FetchFunction, baseURL: string) => Promise<WeatherRun>;
const CLIENTS: Array<[name: string, run: Client, route: 'POST /chat/completions' | 'POST /responses']> = [
  ['openai-node', runOpenAINode, 'POST /chat/completions'],
  ['the AI SDK', runAISdk, 'POST /chat/completions'],
  ['the Agents SDK', runAgentsSdk, 'POST /responses'],
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wireai-tofetch-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(CLIENTS)(
  '%s replays a recorded tool-calling run offline through toFetch',
  (name, run, route) => {
    it('records once against the mock server, then replays with no server', async () => {
      const file = join(dir, `${name.replaceAll(' ', '-')}.json`);
      const mock = await startMockOpenAI();
      const { baseURL } = mock;
      scriptWeather(mock, route);
      const live = await run(toFetch(recordTransport(createUndiciTransport(), file)), baseURL);
      await mock.close();
      expect(live.text).toBe(WEATHER_ANSWER);
      expect(await readFile(file, 'utf8')).not.toContain('sk-wireai-test-not-a-key');

      // Nothing listens at baseURL any more: every answer comes from the cassette.
      const replay = replayTransport(file);
      const replayed = await run(toFetch(replay), baseURL);
      expect(replayed).toEqual(live);
      expect(replayed.toolInput).toEqual({ city: 'Paris' });
      expect(replayed.deltas).toBeGreaterThan(1);
      expect(replay.remaining).toBe(0);
    });
  },
);
