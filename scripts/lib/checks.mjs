// What the test:* scripts share: a tally of checks, and commands run asynchronously (each script serves a
// mock server from its own process, which a synchronous spawn would starve).
import { spawn } from 'node:child_process';

/** Counts and prints checks; `finish()` prints the totals and exits non-zero when one failed. */
export function createTally(name) {
  let passed = 0;
  let failed = 0;
  return {
    check(label, ok, detail = '') {
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? 'ok' : '!!'} ${label}${ok || !detail ? '' : `\n   ${detail}`}`);
      return ok;
    },
    finish() {
      console.log(`\n${name}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}

/** Runs a command to its end: its exit status, and its output when `capture` is set (else it is shown). */
export function runCommand(command, args, { capture = false, env, ...options } = {}) {
  const child = spawn(command, args, {
    stdio: capture ? 'pipe' : 'inherit',
    ...options,
    env: { ...process.env, ...env },
  });
  let output = '';
  if (capture) {
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
  }
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ status: -1, output: error.message }));
    child.on('close', (status) => resolve({ status, output }));
  });
}
