// pnpm test:runtimes — the packages on every runtime a transport is picked for:
//   Node 20 (the one running this), 22 and 24: the full suites of core, transport-fetch, transport-undici
//   and openai-client; transport-undici against undici 7.0.0 (Node 20) and 8 (Node 24) besides the newest
//   7.x, transport-axios against axios 1.7.0 besides the newest 1.x;
//   Bun and Deno: apps/runtime-smoke/smoke.mjs with the runtime's own fetch (Deno twice: by its package.json
//   resolution, and by `npm:` specifiers);
//   headless Chromium: a bundle of openai-client + transport-fetch streaming from the mock server;
//   workerd (through miniflare 4, on node24) and Vercel's edge-runtime (on this Node): apps/runtime-smoke/
//   edge-smoke.mjs bundles worker-entry.js (openai-client + transport-fetch + sessions) for the runtime's export
//   conditions with no Node built-in allowed, and runs its checks.
// The runtimes come from the npm registry (tools/runtimes); Chromium is Debian's package (.ci/run installs it).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTally, runCommand } from './lib/checks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runtimes = join(root, 'tools', 'runtimes');
const bin = (name) =>
  join(runtimes, 'node_modules', ...(name.startsWith('node') ? [name, 'bin', 'node'] : ['.bin', name]));
const { check, finish } = createTally('runtimes');

async function run(label, command, args, options = {}) {
  console.log(`\n== ${label}`);
  const { status } = await runCommand(command, args, options);
  return check(label, status === 0, `exit ${status}`);
}

// A package's whole vitest suite on one Node, optionally against another version of a peer.
const suite = ([node, executable], pkg, peer = { name: '', env: {} }) =>
  run(
    `${pkg}${peer.name && ` with ${peer.name}`} on ${node}`,
    executable,
    ['node_modules/vitest/vitest.mjs', 'run'],
    {
      cwd: join(root, 'packages', pkg),
      env: peer.env,
    },
  );

// The runtimes, exactly as the lockfile says.
await run('install the runtimes', 'npm', ['ci', '--no-audit', '--no-fund', '--prefix', runtimes]);
await run(
  'build the packages',
  'pnpm',
  ['exec', 'turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'],
  { cwd: root },
);

// Node 20 is the Node running this script (the repo's engines floor); 22 and 24 come from tools/runtimes.
const nodes = [
  [`node ${process.version}`, process.execPath],
  ...['node22', 'node24'].map((name) => [name, bin(name)]),
];
for (const node of nodes) {
  for (const pkg of ['core', 'transport-fetch', 'transport-undici', 'openai-client']) await suite(node, pkg);
}
// Each end of the peer ranges (the newest 7.x and 1.x above): undici 7.0.0 and axios 1.7.0 on Node 20,
// the newest undici 8 on Node 24 (it needs Node >= 22.19).
await suite(nodes[0], 'transport-undici', { name: 'undici 7.0.0', env: { WIREAI_UNDICI: 'undici-floor' } });
await suite(nodes[0], 'transport-axios', { name: 'axios 1.7.0', env: { WIREAI_AXIOS: 'axios-floor' } });
await suite(nodes[2], 'transport-undici', { name: 'undici 8', env: { WIREAI_UNDICI: 'undici8' } });

// Bun and Deno, against the mock server this process starts.
const smokeDir = join(root, 'apps', 'runtime-smoke');
const { startSmokeServer } = await import(pathToFileURL(join(smokeDir, 'smoke-server.mjs')).href);
const server = await startSmokeServer();
try {
  for (const [label, command, args] of [
    ['smoke on bun', bin('bun'), ['smoke.mjs']],
    ['smoke on deno', bin('deno'), ['run', '--allow-net', '--allow-env', '--allow-read', 'smoke.mjs']],
    // The same smoke through `npm:` specifiers resolved by Deno's own npm support, offline: the import map
    // sends @wireai/openai-client to npm:@wireai/openai-client, found in this app's node_modules (pnpm's links
    // to the workspace packages' built dist) with --node-modules-dir=manual.
    [
      'smoke on deno (npm: specifiers)',
      bin('deno'),
      [
        'run',
        '--import-map=deno-npm-imports.json',
        '--node-modules-dir=manual',
        '--allow-net',
        '--allow-env',
        '--allow-read',
        'smoke.mjs',
      ],
    ],
  ]) {
    server.arm();
    if (await run(label, command, args, { cwd: smokeDir, env: { MOCK_URL: server.url } }))
      check(`${label}: the server saw the retried request`, server.retried());
  }
  for (const [label, command, target] of [
    ['smoke in workerd (miniflare, node24)', bin('node24'), 'workerd'],
    [`smoke in edge-runtime (node ${process.version})`, process.execPath, 'edge-runtime'],
  ]) {
    server.armEdge();
    if (
      await run(label, command, ['edge-smoke.mjs', target], { cwd: smokeDir, env: { MOCK_URL: server.url } })
    )
      check(`${label}: the server saw the retried request`, server.retried());
  }
  await browserCheck(server.url);
} finally {
  await server.close();
}

async function browserCheck(mockURL) {
  console.log('\n== a streamed chat completion in headless Chromium');
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (!chromium) {
    check('Chromium is installed (apt-get install -y chromium; .ci/run does it)', false);
    return;
  }
  const require = createRequire(join(smokeDir, 'package.json'));
  const esbuild = require('esbuild');
  const { chromium: playwright } = require('playwright-core');
  const bundle = await esbuild.build({
    entryPoints: [join(smokeDir, 'browser-entry.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  const page =
    '<!doctype html><meta charset="utf-8"><title>wireai</title><script type="module" src="/bundle.js"></script>';
  const site = createServer((req, res) => {
    if (req.url === '/bundle.js')
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.outputFiles[0].text);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  const browser = await playwright.launch({
    executablePath: chromium,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${site.address().port}/`);
    await tab.waitForFunction(() => typeof window.runSmoke === 'function');
    const result = await tab.evaluate((url) => window.runSmoke(url), mockURL);
    check(
      'a stream in Chromium over the fetch transport',
      result.text === 'Echo: hello from the browser' && result.chunks > 3 && result.transport === 'fetch',
      JSON.stringify(result),
    );
  } catch (error) {
    check('a stream in Chromium over the fetch transport', false, error.message);
  } finally {
    await browser.close();
    site.close();
  }
}

finish();
