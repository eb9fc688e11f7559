// What the test:* scripts share: a tally of checks, commands run asynchronously (each script serves a
// mock server from its own process, which a synchronous spawn would starve).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * The `run(label, command, args, options)` of a tally: runs a command with its output captured, checks
 * that it exited 0 (showing its last lines when not), and resolves its output, or `null` when it failed.
 */
export function createRunner(check) {
  return async (label, command, args, options = {}) => {
    const { status, output } = await runCommand(command, args, { ...options, capture: true });
    const lastLines = output.trim().split('\n').slice(-25).join('\n   ');
    return check(label, status === 0, `exit ${status}\n   ${lastLines}`) ? output : null;
  };
}

/** The workspace's public packages: folder name, folder path and manifest. */
export function listPublicPackages(root) {
  return readdirSync(join(root, 'packages'))
    .map((short) => ({ short, dir: join(root, 'packages', short) }))
    .map((pkg) => ({ ...pkg, manifest: JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) }))
    .filter((pkg) => !pkg.manifest.private);
}

/**
 * Copies what git tracks in `root` (and untracked files it does not ignore), as they are in the work
 * tree, into `destination`: a repository a script may version, commit in and publish from.
 */
export function copyWorkTree(root, destination) {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of files.split('\0').filter(Boolean)) {
    try {
      cpSync(join(root, file), join(destination, file));
    } catch {
      // a file deleted in the working tree but not yet in the index
    }
  }
}
