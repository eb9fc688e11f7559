import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { beginRun, endRun } from './harness/context.js';
import { blockNetwork } from './harness/no-network.js';
import { REPO_ROOT, snippetFiles } from './harness/readme-blocks.js';

// Runs every README snippet file (importing it runs it: its hidden checks throw when it goes wrong)
// against one mock server. The key and base URL reach the snippets the way a user's would, through
// OPENAI_API_KEY and OPENAI_BASE_URL; the mock checks the key. Anything but loopback is refused.
// Snippets named *.test.ts are vitest files of their own (vitest collects them) and are not run here.

const KEY = 'sk-readme-snippets';

/** Snippets run more than once, with these variables: record against the mock, then replay offline. */
const RUNS: Record<string, Array<Record<string, string>>> = {
  'apps/readme-snippets/src/testing/record-replay.ts': [{ RECORD: '1' }, {}],
  'apps/readme-snippets/src/testing/openai-node-offline.ts': [{ RECORD: '1' }, {}],
};

const snippets = snippetFiles().filter(({ file }) => !file.endsWith('.test.ts'));

let mock: MockOpenAIServer;
let network: ReturnType<typeof blockNetwork>;
beforeAll(async () => {
  mock = await startMockOpenAI({ apiKey: KEY });
  network = blockNetwork();
});
afterAll(async () => {
  network?.restore();
  await mock?.close();
});

describe('every README snippet runs against the mock server', () => {
  it('finds the snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(18);
  });

  it.each(snippets.map(({ file, block }) => [file, block.readme, block.line] as const))(
    '%s (%s:%i)',
    async (file) => {
      const directory = mkdtempSync(join(tmpdir(), 'readme-snippet-'));
      try {
        for (const [index, variables] of (RUNS[file] ?? [{}]).entries()) {
          await runSnippet(file, index, variables, directory);
        }
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  );
});

/** Imports the snippet once (a fresh module per run), in `directory`, with its output captured. */
async function runSnippet(file: string, index: number, variables: Record<string, string>, directory: string) {
  mock.reset();
  const run = beginRun(mock);
  const environment = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: mock.baseURL, RECORD: undefined, ...variables };
  const restoreEnvironment = setEnvironment(environment);
  const cwd = process.cwd();
  const capture = (chunk: unknown) => {
    run.output.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk as Uint8Array));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    ...(['log', 'info', 'error', 'warn'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        capture(`${format(...args)}\n`);
      }),
    ),
  ];
  process.chdir(directory);
  try {
    await import(`${pathToFileURL(join(REPO_ROOT, file)).href}?run=${index}`);
  } catch (error) {
    const printed = run.output.join('');
    throw new Error(
      `${file} failed${index > 0 ? ` (run ${index + 1})` : ''}: ${(error as Error).message}` +
        (printed ? `\n--- it printed ---\n${printed}` : ''),
      { cause: error },
    );
  } finally {
    process.chdir(cwd);
    for (const spy of spies) spy.mockRestore();
    restoreEnvironment();
    endRun();
  }
  expect(network.attempts, 'connections to anything but loopback').toEqual([]);
}

function setEnvironment(values: Record<string, string | undefined>): () => void {
  const saved = Object.entries(values).map(([name]) => [name, process.env[name]] as const);
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
