import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsx = ['--import', 'tsx'];

/**
 * Starts a bench server in its own process; resolves what it prints after `READY` (its origin, or a JSON
 * description) once it listens.
 */
export async function startBenchServer(
  script = './bench-server.ts',
): Promise<{ origin: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, [...tsx, fileURLToPath(new URL(script, import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs a bench script in a fresh process (clean memory readings); resolves the JSON it prints last. */
export async function runChild<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, ...tsx, fileURLToPath(new URL(script, import.meta.url)), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  const last = out.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as T;
}
