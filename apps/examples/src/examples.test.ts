import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, OpenAI } from '@wireai/openai-client';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Example, Provider } from './support/example.js';

type Main = (example: Example, ...rest: never[]) => Promise<void>;

// Every ported example, run against the mock server, with what its output must show.
const EXAMPLES: Array<[file: string, provider: Provider, expected: Array<string | RegExp>]> = [
  ['chat-completions/basic', 'openai', ['Echo: tell me a joke']],
  ['chat-completions/streaming', 'openai', ['(20 characters streamed)']],
  [
    'chat-completions/session',
    'openai',
    ['Echo: Hello!', 'Echo: What did I just say?', 'history: 4 messages'],
  ],
  ['chat-completions/function-calling', 'openai', ['model called sqrt(42)', /^The tool returned: 6\.48/]],
  [
    'chat-completions/tools',
    'openai',
    [
      '  - Function: add_numbers',
      '    Arguments: {"a":42,"b":42}',
      /^\nFinal response: The tool returned: \{"sum":84/,
    ],
  ],
  ['chat-completions/vision', 'openai', ['Echo: Describe this image']],
  ['embeddings', 'openai', ['3 embeddings of 16 dimensions', /^similarity\(0, 1\) = -?\d\.\d{3}$/]],
  ['image-generation', 'openai', [/^Saved 70 bytes to /]],
  [
    'responses/basic',
    'openai',
    [
      /^Response resp_\w+: Echo: Say hello in French$/,
      'First: Echo: Name a primary colour',
      'Second (streamed): Echo: Name another one',
      'Chained: true',
    ],
  ],
  [
    'responses/structured-output',
    'openai',
    [
      'Parsed structured data:',
      '  Age: 42',
      '  Employed: Yes',
      /^Dish: dish_name \(1 ingredients, 1 steps\)$/,
    ],
  ],
  [
    'responses/tools',
    'openai',
    [
      'called get_weather({"location":"Paris"})',
      /^Answer: The tool returned: \{"location":"Paris","temperature":"22°C"/,
    ],
  ],
  ['responses/vision', 'openai', ['Echo: What is in this image?']],
  ['gemini/chat-session', 'gemini', ['Model: gemini-2.5-flash', 'Echo: Hello! What can you do?']],
  ['gemini/embedding', 'gemini', [/^Embedding with 16 dimensions: \[/]],
  ['gemini/list-models', 'gemini', [/^\d+ models:$/, '  gpt-4.1']],
  ['gemini/structured-output', 'gemini', ['Event: name on date with participants']],
  ['openrouter/basic', 'openrouter', ['Model: openai/gpt-4.1', 'Echo: Write a haiku about the ocean.']],
];

let server: MockOpenAIServer;
beforeAll(async () => {
  server = await startMockOpenAI();
});
afterAll(() => server.close());

describe('every lua-openai example, ported', () => {
  it.each(EXAMPLES)('%s', async (file, provider, expected) => {
    const { main } = (await import(`./${file}.js`)) as { main: Main };
    const lines: string[] = [];
    const client = createClient(provider, 'sk-mock', { baseURL: server.baseURL });
    await main({ client, log: (...parts) => lines.push(parts.map(String).join(' ')), mock: true });
    for (const line of expected) {
      if (typeof line === 'string') expect(lines).toContain(line);
      else
        expect(
          lines.some((candidate) => line.test(candidate)),
          `no line matches ${line}:\n${lines.join('\n')}`,
        ).toBe(true);
    }
  });

  it('writes the generated image where it says', async () => {
    const { main } = (await import('./image-generation.js')) as {
      main: (example: Example, out: string) => Promise<void>;
    };
    const out = join(tmpdir(), `wireai-example-${process.pid}.png`);
    await main(
      { client: new OpenAI('sk-mock', { baseURL: server.baseURL }), log: () => undefined, mock: true },
      out,
    );
    expect(existsSync(out) && readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
  });
});
