import type { MockOpenAIServer } from '@wireai/testing';

// What a snippet's hidden set-up and checks may use from the harness (src/run-snippets.test.ts). Kept on
// globalThis so every copy of this module a test run loads sees the same state.

interface SnippetRun {
  mock: MockOpenAIServer;
  output: string[];
}

const KEY = Symbol.for('@wireai/readme-snippets:run');

export function beginRun(mock: MockOpenAIServer): SnippetRun {
  const run: SnippetRun = { mock, output: [] };
  (globalThis as Record<symbol, unknown>)[KEY] = run;
  return run;
}

export function endRun(): void {
  delete (globalThis as Record<symbol, unknown>)[KEY];
}

function current(): SnippetRun {
  const run = (globalThis as Record<symbol, unknown>)[KEY] as SnippetRun | undefined;
  if (!run) throw new Error('a README snippet runs only under src/run-snippets.test.ts');
  return run;
}

/** The harness's mock server, which OPENAI_BASE_URL points at: script replies or read its requests. */
export function mockServer(): MockOpenAIServer {
  return current().mock;
}

/** What the snippet printed so far (console.log, console.error, process.stdout.write). */
export function printed(): string {
  return current().output.join('');
}
