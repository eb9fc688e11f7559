import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, spawnNode } from './test-support/harness.js';

// The root package.json runs `node scripts/wireai.mjs` for `pnpm -s wireai …` and `node
// scripts/mock-server.mjs` for `pnpm mock-server …`: each builds with turbo first, which must not show.

/** The environment of this process, less turbo's own variables (set when the tests run under turbo). */
const env = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith('TURBO_'),
    ),
  );

describe('from the repository root', () => {
  it('`node scripts/wireai.mjs ask --json` prints the JSON and nothing else on stdout', async () => {
    const run = spawnNode(['--mock', 'ask', '--json', 'hi'], env(), join(repoRoot, 'scripts/wireai.mjs'));
    run.child.stdin.end();
    const { code, stdout, stderr } = await run.exited;
    expect(code).toBe(0);
    expect(JSON.parse(stdout).choices[0].message.content).toBe('Echo: hi');
    expect(stderr).toMatch(/^wireai: --mock given, so talking to the embedded mock server at .*\n$/);
  }, 120_000);

  it('passes the exit code through', async () => {
    const run = spawnNode(['--bogus'], env(), join(repoRoot, 'scripts/wireai.mjs'));
    run.child.stdin.end();
    expect(await run.exited).toEqual({
      code: 2,
      stdout: '',
      stderr: "wireai: unknown option '--bogus'\nsee wireai --help\n",
    });
  }, 120_000);

  it('shows the build’s output, on stderr only, when the build fails', async () => {
    const script =
      "import { buildQuietly } from './scripts/lib/build-quietly.mjs'; process.exitCode = (await buildQuietly('@wireai/nope')) ? 0 : 1;";
    const run = spawnNode(['--input-type=module', '-e', script], env(), null);
    run.child.stdin.end();
    const { code, stdout, stderr } = await run.exited;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain("No package found with name '@wireai/nope'");
    expect(stderr).toContain('The build of @wireai/nope failed');
  }, 120_000);

  it('`node scripts/mock-server.mjs` serves, with the key in its curl hint', async () => {
    const run = spawnNode(
      ['--port', '0', '--api-key', 'sk-root'],
      env(),
      join(repoRoot, 'scripts/mock-server.mjs'),
    );
    try {
      await run.waitFor('try: curl');
      const [listening = '', hint = ''] = run.stdout().split('\n');
      const baseURL = /listening on (\S+)/.exec(listening)?.[1] ?? '';
      expect(hint).toContain('-H "Authorization: Bearer sk-root"');
      const denied = await fetch(`${baseURL}/models`);
      expect(denied.status).toBe(401);
      const allowed = await fetch(`${baseURL}/models`, { headers: { authorization: 'Bearer sk-root' } });
      expect(allowed.status).toBe(200);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect((await run.exited).code).toBe(0);
  }, 120_000);
});
