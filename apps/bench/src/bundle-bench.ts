import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// The browser/edge cost of the client: what a bundler ships for the minimal "client + fetch" program,
// and what importing it costs a fresh Node process. Both sides are measured the same way in one run.

const here = fileURLToPath(new URL('..', import.meta.url));

/** The entry each side is measured on: a client that can send, in a browser (fetch). */
export const ENTRIES = {
  wireai: [
    "import { OpenAI } from '@wireai/openai-client';",
    "import { createFetchTransport } from '@wireai/transport-fetch';",
    "export const client = new OpenAI('sk-bench', { transport: createFetchTransport() });",
  ].join('\n'),
  'openai-node': [
    "import OpenAI from 'openai';",
    "export const client = new OpenAI({ apiKey: 'sk-bench', dangerouslyAllowBrowser: true });",
  ].join('\n'),
} as const;

export type Side = keyof typeof ENTRIES;

export interface BundleSize {
  minified: number;
  gzip: number;
  /** Minified bytes each package contributes (esbuild's metafile, grouped by package). */
  byPackage: Map<string, number>;
}

/** `esbuild --bundle --minify --format=esm --platform=browser` on `entry`, as a user's bundler would. */
export async function bundleSize(entry: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entry, resolveDir: here, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const byPackage = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs))
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
    }
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, byPackage };
}

/** `../../node_modules/.pnpm/zod@4/node_modules/zod/v4/core/x.js` → `zod`; `../../packages/core/…` → `@wireai/core`. */
export function packageOf(path: string): string {
  const modules = path.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const [scope, name] = path.slice(modules + 'node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? path);
  }
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(path);
  if (workspace) return `@wireai/${workspace[1]}`;
  return path === 'entry.js' ? '(entry)' : path;
}

const IMPORTS: Record<Side | 'bare', string> = {
  bare: '',
  wireai: ENTRIES.wireai,
  'openai-node': ENTRIES['openai-node'].replace(', dangerouslyAllowBrowser: true', ''),
};

/**
 * Import cost: each side's entry in a fresh `node` process, minus a bare one (`node -e` with nothing to
 * import), interleaved run by run; medians in ms. A process is spawned per run so nothing is cached.
 */
export function importCost(runs: number): Map<Side | 'bare', number> {
  const times = new Map<Side | 'bare', number[]>();
  const run = (code: string) => {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code || '0'], {
      cwd: here,
      stdio: 'ignore',
    });
    if (child.status !== 0) throw new Error(`import of ${code} exited with ${child.status}`);
    return performance.now() - started;
  };
  for (const code of Object.values(IMPORTS)) run(code); // warm the file system cache
  for (let round = 0; round < runs; round++)
    for (const [side, code] of Object.entries(IMPORTS) as Array<[Side | 'bare', string]>)
      times.set(side, [...(times.get(side) ?? []), run(code)]);
  const medians = new Map<Side | 'bare', number>();
  for (const [side, list] of times) {
    list.sort((a, b) => a - b);
    medians.set(side, list[Math.floor(list.length / 2)] as number);
  }
  const bare = medians.get('bare') ?? 0;
  for (const side of ['wireai', 'openai-node'] as const)
    medians.set(side, (medians.get(side) ?? Number.NaN) - bare);
  return medians;
}
