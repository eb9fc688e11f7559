import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io.js';
import { runCli } from '../main.js';

export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
export const bin = fileURLToPath(new URL('../../bin/wireai.js', import.meta.url));

/**
 * Resolves once `text()` includes `wanted`, checked each time `stream` delivers data (no polling, no
 * sleeping); rejects after `ms` with what arrived, so a test fails instead of hanging.
 */
export function waitForText(
  stream: Readable,
  text: () => string,
  wanted: string,
  ms = 15_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!text().includes(wanted)) return;
      done();
      resolve();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`"${wanted}" never appeared in:\n${text()}`));
    }, ms);
    const done = () => {
      clearTimeout(timer);
      stream.off('data', check);
    };
    stream.on('data', check);
    check();
  });
}

/** Collects everything a stream delivers, as text (the listener comes first, so waitForText sees it). */
function collect(stream: Readable): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

/** The CLI in this process with captured streams; `stdin` is piped to it. */
export function harness(env: Record<string, string | undefined> = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: Io = { stdin, stdout, stderr, env };
  const signals = new EventEmitter();
  return {
    stdin,
    signals,
    run: (argv: string[]) => runCli(argv, io, signals),
    out,
    err,
    waitFor: (text: string) => waitForText(stdout, out, text),
  };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A real process: `node <script> …args` (the bin by default; `null`: node's own arguments only) with only
 * PATH and `env` in its environment, so a key in the developer's shell cannot change what a test sees.
 */
export function spawnNode(args: string[], env: Record<string, string> = {}, script: string | null = bin) {
  const child = spawn(process.execPath, script ? [script, ...args] : args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: 'pipe',
  });
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  const exited = new Promise<Finished>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout: stdout(), stderr: stderr() })),
  );
  return {
    child,
    exited,
    stdout,
    stderr,
    waitFor: (text: string) => waitForText(child.stdout, stdout, text),
  };
}

/** Runs the bin to its end with `input` piped to its stdin. */
export function runBin(args: string[], env: Record<string, string> = {}, input = ''): Promise<Finished> {
  const run = spawnNode(args, env);
  run.child.stdin.end(input);
  return run.exited;
}
