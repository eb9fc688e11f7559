// Builds a workspace package and what it depends on, quietly: turbo's output is kept back and shown (on
// stderr) only when the build fails, so the stdout of a script that then runs the package is the package's.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runCommand } from './checks.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const turbo = createRequire(import.meta.url).resolve('turbo/bin/turbo');

/** Resolves true when `name` and its dependencies are built; on failure prints the build's output to stderr. */
export async function buildQuietly(name) {
  const { status, output } = await runCommand(
    process.execPath,
    [turbo, 'run', 'build', `--filter=${name}...`, '--output-logs=errors-only'],
    { capture: true, cwd: root },
  );
  if (status === 0) return true;
  process.stderr.write(output);
  process.stderr.write(`\nThe build of ${name} failed (turbo exited ${status}).\n`);
  return false;
}
