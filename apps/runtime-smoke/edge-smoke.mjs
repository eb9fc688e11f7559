// The edge smoke: bundles worker-entry.js the way a user's bundler does for the runtime (esbuild, the
// packages' public exports, the runtime's export conditions, no Node built-in allowed), then runs it in
//   workerd:      a module worker given as a script to miniflare (`new Miniflare({ modules: true, script })`);
//                 miniflare 4 needs Node >= 22, so scripts/test-runtimes.mjs runs this with tools/runtimes' node24;
//   edge-runtime: Vercel's edge runtime (a `fetch` event listener), served on 127.0.0.1.
// Usage: MOCK_URL=<mock server> node edge-smoke.mjs workerd|edge-runtime   (exits non-zero on a failed check)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'package.json'));
const runtimes = createRequire(join(here, '..', '..', 'tools', 'runtimes', 'package.json'));

/** The export conditions each runtime's bundler sets (wrangler for workerd; Next.js/Vercel for edge-light). */
export const TARGETS = {
  workerd: { entry: 'worker-entry.js', format: 'esm', conditions: ['workerd', 'worker', 'browser'] },
  'edge-runtime': { entry: 'edge-entry.js', format: 'iife', conditions: ['edge-light', 'worker', 'browser'] },
};

/**
 * Builds the worker for a runtime. `platform: 'neutral'` with nothing external: an import of a Node built-in
 * (`node:*`, `buffer`, ...) anywhere in the bundled packages fails the build. A dynamic module specifier left in
 * the output fails it too (workerd refuses a module worker that has one).
 */
export async function bundleWorker(target, { entry = TARGETS[target].entry } = {}) {
  const esbuild = require('esbuild');
  const { format, conditions } = TARGETS[target];
  const result = await esbuild.build({
    entryPoints: [join(here, entry)],
    bundle: true,
    write: false,
    format,
    platform: 'neutral',
    conditions,
    mainFields: ['module', 'main'],
    external: [],
    target: 'es2022',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  // import(<an expression>) left in the code (a string-literal one is bundled away; comments do not count).
  const dynamic = code.match(/\bimport\s*\(\s*(?![\s'"`)])[^)]*\)/);
  if (dynamic) throw new Error(`the ${target} bundle still has a dynamic module specifier: ${dynamic[0]}`);
  return code;
}

async function startWorkerd(script) {
  const { Miniflare } = runtimes('miniflare');
  const mf = new Miniflare({ modules: true, script, compatibilityDate: '2025-09-01' });
  await mf.ready;
  const version = `workerd ${runtimes('workerd/package.json').version} (miniflare ${runtimes('miniflare/package.json').version}, node ${process.version})`;
  return {
    version,
    call: (path, init) => mf.dispatchFetch(`http://worker.test${path}`, init),
    close: () => mf.dispose(),
  };
}

async function startEdgeRuntime(script) {
  const { EdgeRuntime, runServer } = runtimes('edge-runtime');
  const runtime = new EdgeRuntime({ initialCode: script });
  const server = await runServer({ runtime, host: '127.0.0.1', port: 0 });
  const version = `edge-runtime ${runtimes('edge-runtime/package.json').version} (node ${process.version})`;
  return {
    version,
    call: (path, init) => fetch(new URL(path, server.url), init),
    close: () => server.close(),
  };
}

// Reads a streamed answer; the first chunk must come while the stream is still open (not buffered).
async function readStream(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const started = Date.now();
  const first = await reader.read();
  const firstAt = Date.now() - started;
  let text = first.done ? '' : decoder.decode(first.value, { stream: true });
  let chunks = first.done ? 0 : 1;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    text += decoder.decode(next.value, { stream: true });
    chunks++;
  }
  return { text, chunks, firstAt, endAt: Date.now() - started };
}

async function main() {
  const target = process.argv[2];
  if (!TARGETS[target]) throw new Error(`usage: node edge-smoke.mjs ${Object.keys(TARGETS).join('|')}`);
  const mockURL = process.env.MOCK_URL;
  const script = await bundleWorker(target);
  const worker = await (target === 'workerd' ? startWorkerd : startEdgeRuntime)(script);
  let passed = 0;
  const check = (name, ok, detail = '') => {
    if (!ok) throw new Error(`${worker.version}: ${name} failed ${detail}`);
    passed++;
    console.log(`ok ${passed} ${name}`);
  };
  const call = async (path) => {
    const response = await worker.call(path, { headers: { 'x-mock-url': mockURL } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  try {
    console.log(`${worker.version}: a ${Math.round(script.length / 1024)} KiB bundle, no dynamic import`);
    const byDefault = await (await call('/default')).json();
    check(
      'the default transport is fetch (no Node module in the bundle)',
      byDefault.ok && byDefault.transport === 'fetch',
      JSON.stringify(byDefault),
    );
    const models = await (await call('/json')).json();
    check('a JSON call', models.ok && models.count > 0, JSON.stringify(models));
    for (const form of ['stream-callback', 'stream-iterate']) {
      const read = await readStream(await call(`/${form}`));
      check(
        `${form}: streamed to the caller as it arrives`,
        read.text === 'streamed to the caller as it arrives' &&
          read.chunks > 3 &&
          read.endAt - read.firstAt >= 300,
        JSON.stringify(read),
      );
    }
    const aborted = await (await call('/abort')).json();
    check('an abort mid-stream', aborted.aborted && aborted.ms < 2000, JSON.stringify(aborted));
    const retried = await (await call('/retry')).json();
    check('a retry after a 503', retried.ok, JSON.stringify(retried));
    const session = await (await call('/session')).json();
    check(
      'a ChatSession tool round trip',
      session.answer === 'The tool returned: {"location":"Paris","forecast":"sunny","celsius":22}' &&
        session.roles.join() === 'user,assistant,tool,assistant',
      JSON.stringify(session),
    );
    const undici = await (await call('/undici')).json();
    check(
      "'undici' is refused here",
      /not available in this runtime: pass a Transport/.test(undici.message),
      undici.message,
    );
    console.log(`${worker.version}: ${passed} passed, 0 failed`);
  } finally {
    await worker.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
