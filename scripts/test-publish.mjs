// pnpm test:publish — a release cut and installed the way users will get it, against a real npm registry:
//   1. a Verdaccio (tools/registry) on 127.0.0.1, storage and config in a temporary folder, no uplink;
//   2. in a temporary git copy of the repo, `changeset version` and `changeset publish` to it;
//   3. each tarball as published: its files (no tests, fixtures, dangling source maps), every path its
//      `exports`, `types` and `bin` name, `engines`, `peerDependencies` and dependency ranges,
//      `repository` and `license`;
//   4. the consumers in tools/consumers, in scratch projects outside the workspace, installed by name and
//      range with npm and with pnpm (`@wireai` from the local registry, the rest from the default one):
//      require(), tsc against the published declarations, a smoke against the mock server, and the
//      `wireai-mock-openai` bin of @wireai/testing started and stopped;
//   5. a patch changeset for transport-axios alone, versioned and published: only it gets a new version, a
//      fresh install resolves it with the unchanged siblings, and `npm update` / `pnpm update` of an
//      existing lockfile moves that one package and nothing else.
// WIREAI_BREAK=1 deletes transport-axios' dist/index.js (named in its `exports`) in the copy before the
// first publish, to show the checks catch a broken tarball.
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { copyWorkTree, createRunner, createTally, listPublicPackages, runCommand } from './lib/checks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'wireai-publish-'));
const keep = process.argv.includes('--keep');
const breakTarball = process.env.WIREAI_BREAK === '1';
const { check, finish } = createTally('publish');
const run = createRunner(check);
const started = Date.now();

const publicPackages = listPublicPackages(root);
const rootEngines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines;

console.log('== the registry tool and the build');
const registryTool = join(root, 'tools', 'registry');
if (
  (await run('npm ci --prefix tools/registry', 'npm', [
    'ci',
    '--no-audit',
    '--no-fund',
    '--prefix',
    registryTool,
  ])) === null
)
  finish();
const semver = createRequire(join(registryTool, 'package.json'))('semver');
execFileSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'],
  { cwd: root, stdio: 'inherit' },
);

// A free port on loopback: the OS picks one, it is released, Verdaccio binds it.
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const portOpen = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() || true));
    socket.once('error', () => resolve(false));
  });

/** Whether `port` is still accepting after `ms`: false as soon as it refuses. */
async function portStaysOpen(port, ms) {
  const deadline = Date.now() + ms;
  while (await portOpen(port)) {
    if (Date.now() > deadline) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

const port = await freePort();
const registry = `http://127.0.0.1:${port}/`;
const registryDir = join(scratch, 'registry');
mkdirSync(registryDir);
// No `uplinks` and no `proxy`: the registry serves what was published to it and nothing else.
writeFileSync(
  join(registryDir, 'config.yaml'),
  [
    `storage: ${join(registryDir, 'storage')}`,
    'auth:',
    '  htpasswd:',
    `    file: ${join(registryDir, 'htpasswd')}`,
    '    max_users: -1',
    'uplinks: {}',
    'packages:',
    "  '@wireai/*':",
    '    access: $all',
    '    publish: $all',
    "  '**':",
    '    access: $all',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n'),
);
let verdaccio;
let registryLog = '';
const stopRegistry = async () => {
  if (!verdaccio || verdaccio.exitCode !== null || verdaccio.signalCode !== null) return;
  const exited = new Promise((resolve) => verdaccio.once('exit', resolve));
  verdaccio.kill('SIGTERM');
  const timer = setTimeout(() => verdaccio.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
};
process.once('SIGINT', () => stopRegistry().then(() => process.exit(130)));

const rounds = [];
try {
  console.log(`\n== Verdaccio on ${registry} (storage in ${registryDir})`);
  verdaccio = spawn(
    process.execPath,
    [
      join(registryTool, 'node_modules', 'verdaccio', 'bin', 'verdaccio'),
      '--config',
      join(registryDir, 'config.yaml'),
      '--listen',
      `127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  verdaccio.stdout.on('data', (chunk) => (registryLog += chunk));
  verdaccio.stderr.on('data', (chunk) => (registryLog += chunk));
  let up = false;
  for (let i = 0; i < 100 && !up && verdaccio.exitCode === null; i++) {
    up = await fetch(`${registry}-/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!check(`the registry answers on ${registry} (pid ${verdaccio.pid})`, up, registryLog))
    throw new Error('no registry');
  const undici = await fetch(`${registry}undici`);
  check(
    `the registry is offline: a package nobody published there is a ${undici.status}`,
    undici.status === 404,
  );

  // The copy: the tracked files, the builds, an .npmrc naming the registry; the CLI from the workspace.
  console.log('\n== a temporary git copy of the repository');
  const copy = join(scratch, 'repo');
  copyWorkTree(root, copy);
  for (const { short } of publicPackages)
    cpSync(join(root, 'packages', short, 'dist'), join(copy, 'packages', short, 'dist'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  // `pnpm publish` turns `workspace:^` into the version of the package it finds in node_modules: each
  // package's workspace dependencies are linked to the copy's own packages (their versioned manifests).
  for (const { short, manifest } of publicPackages) {
    const fields = [manifest.dependencies, manifest.devDependencies, manifest.optionalDependencies];
    const linked = new Set(
      fields
        .flatMap((deps) => Object.entries(deps ?? {}).filter(([, range]) => range.startsWith('workspace:')))
        .map(([dep]) => dep),
    );
    for (const dep of linked) {
      const link = join(copy, 'packages', short, 'node_modules', dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(copy, 'packages', dep.slice('@wireai/'.length)), link);
    }
  }
  const host = registry.replace(/^http:/, '');
  // Anonymous publish: npm wants a token before it sends anything; Verdaccio lets anyone publish @wireai/*.
  writeFileSync(join(copy, '.npmrc'), `registry=${registry}\n${host}:_authToken=anonymous\n`);
  if (breakTarball) {
    rmSync(join(copy, 'packages', 'transport-axios', 'dist', 'index.js'));
    console.log('WIREAI_BREAK=1: deleted packages/transport-axios/dist/index.js in the copy');
  }
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@localhost', ...args], {
      cwd: copy,
      encoding: 'utf8',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  const changeset = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
  const env = { npm_config_registry: registry };
  const versionsInCopy = () =>
    Object.fromEntries(
      publicPackages.map(({ short, manifest }) => [
        manifest.name,
        JSON.parse(readFileSync(join(copy, 'packages', short, 'package.json'), 'utf8')).version,
      ]),
    );
  const packument = async (name) => (await fetch(`${registry}${name.replace('/', '%2f')}`)).json();

  async function release(round) {
    console.log(`\n== round ${round}: changeset version, changeset publish`);
    const before = versionsInCopy();
    if (
      (await run('changeset version', process.execPath, [changeset, 'version'], { cwd: copy, env })) === null
    )
      return null;
    git('add', '-A');
    git('commit', '-qm', `version packages (round ${round})`);
    const after = versionsInCopy();
    const output = await run('changeset publish', process.execPath, [changeset, 'publish'], {
      cwd: copy,
      env,
    });
    if (output === null) return null;
    const published = {};
    for (const name of Object.keys(after)) {
      const document = await packument(name);
      if (document.versions?.[after[name]]) published[name] = after[name];
    }
    const bumped = Object.keys(after).filter((name) => after[name] !== before[name]);
    check(
      `every bumped package is on the registry at its new version: ${bumped.map((name) => `${name}@${after[name]}`).join(', ')}`,
      bumped.length > 0 && bumped.every((name) => published[name] === after[name]),
    );
    rounds.push({ round, bumped: bumped.map((name) => `${name}@${after[name]}`), versions: after });
    return { before, after, bumped };
  }

  // What a user downloads, as the registry serves it.
  async function checkTarballs(versions) {
    console.log('\n== the published tarballs');
    for (const { short, manifest: source } of publicPackages) {
      const name = source.name;
      const meta = (await packument(name)).versions?.[versions[name]];
      if (!check(`${name}@${versions[name]} is on the registry`, Boolean(meta))) continue;
      const tarball = join(scratch, 'tarballs', `${short}-${meta.version}.tgz`);
      mkdirSync(dirname(tarball), { recursive: true });
      writeFileSync(tarball, Buffer.from(await (await fetch(meta.dist.tarball)).arrayBuffer()));
      const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((file) => file.replace(/^package\//, ''));
      const has = new Set(files);
      const stray = files.filter((file) =>
        /\.test\.|\.test-d\.|test-support|__fixtures__|fixtures\/|cassettes\/|\.tsbuildinfo$|\.js\.map$|\.changeset\//.test(
          file,
        ),
      );
      check(
        `${name}: ${files.length} files, no tests, fixtures or JavaScript source maps`,
        stray.length === 0,
        stray.join(', '),
      );
      const unpacked = join(scratch, 'unpacked', short);
      mkdirSync(unpacked, { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
      const read = (file) => readFileSync(join(unpacked, 'package', file), 'utf8');
      // Declaration maps ship with the source they point to; no file points at a map or source not in the tarball.
      const dangling = [];
      for (const file of files.filter((f) => /\.(m?js|d\.ts|map)$/.test(f))) {
        const text = read(file);
        for (const [, url] of text.matchAll(/[#@] sourceMappingURL=(\S+)/g)) {
          const target = posix.join(posix.dirname(file), url);
          if (!url.startsWith('data:') && !has.has(target)) dangling.push(`${file} → ${url}`);
        }
        if (file.endsWith('.map'))
          for (const src of JSON.parse(text).sources ?? [])
            if (!has.has(posix.join(posix.dirname(file), src))) dangling.push(`${file} → ${src}`);
      }
      check(`${name}: no source map points at a missing file`, dangling.length === 0, dangling.join(', '));
      const manifest = JSON.parse(read('package.json'));
      const targets = [];
      const walk = (value, path) => {
        if (typeof value === 'string') targets.push([path, value]);
        else if (value && typeof value === 'object')
          for (const [k, v] of Object.entries(value)) walk(v, `${path}[${k}]`);
      };
      walk(manifest.exports, 'exports');
      walk(manifest.types, 'types');
      walk(manifest.main, 'main');
      walk(manifest.bin, 'bin');
      const missing = targets.filter(([, file]) => !has.has(posix.normalize(file)));
      check(
        `${name}: the ${targets.length} paths of exports/types/bin are in the tarball (${Object.keys(manifest.exports).join(' ')})`,
        missing.length === 0 && targets.length > 0,
        missing.map(([path, file]) => `${path}: ${file} is missing`).join(', '),
      );
      check(
        `${name}: engines.node ${manifest.engines?.node} (the repo's floor)`,
        manifest.engines?.node === rootEngines.node,
      );
      const problems = [];
      for (const [dep, range] of Object.entries(manifest.peerDependencies ?? {})) {
        if (!semver.validRange(range)) problems.push(`peer ${dep}: ${range} is not a range`);
        if (range !== source.peerDependencies[dep])
          problems.push(`peer ${dep}: ${range} ≠ ${source.peerDependencies[dep]}`);
        if (dep.startsWith('@wireai/') && !semver.satisfies(versions[dep], range))
          problems.push(`peer ${dep}: ${range} excludes the published ${versions[dep]}`);
      }
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
        if (!semver.validRange(range)) problems.push(`${dep}: ${range} is not a range`);
        if (dep.startsWith('@wireai/') && range !== `^${versions[dep]}`)
          problems.push(`${dep}: ${range}, not ^${versions[dep]}`);
      }
      const peers = Object.entries(manifest.peerDependencies ?? {}).map(([dep, range]) => `${dep} ${range}`);
      check(
        `${name}: ranges are valid, siblings at ^their published version${peers.length ? `; peers ${peers.join(', ')}` : ''}`,
        problems.length === 0,
        problems.join(', '),
      );
      check(
        `${name}: license ${manifest.license}, repository ${manifest.repository?.url} (${manifest.repository?.directory})`,
        manifest.license === 'MIT' &&
          /^git\+https:\/\//.test(manifest.repository?.url ?? '') &&
          manifest.repository?.directory === `packages/${short}`,
      );
    }
  }

  // The mock server from the workspace's build: the consumers' smokes talk to it.
  const { startMockOpenAI } = await import(
    pathToFileURL(join(root, 'packages', 'testing', 'dist', 'index.js')).href
  );
  const server = await startMockOpenAI();
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const consumers = join(root, 'tools', 'consumers');
  const installCommand = {
    npm: ['npm', ['install', '--no-audit', '--no-fund']],
    pnpm: ['pnpm', ['add', '--config.confirmModulesPurge=false']],
  };
  const installedVersions = (dir) =>
    Object.fromEntries(
      readdirSync(join(dir, 'node_modules', '@wireai')).map((short) => [
        `@wireai/${short}`,
        JSON.parse(readFileSync(join(dir, 'node_modules', '@wireai', short, 'package.json'), 'utf8')).version,
      ]),
    );

  // A scratch project outside the workspace: `@wireai` from the local registry, the rest from the default.
  async function consumer(pm, name, versions, suffix = '') {
    const dir = join(scratch, `${pm}-${name}${suffix}`);
    cpSync(join(consumers, name), dir, { recursive: true });
    const spec = JSON.parse(readFileSync(join(dir, 'consumer.json'), 'utf8'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }, null, 2),
    );
    writeFileSync(join(dir, '.npmrc'), `@wireai:registry=${registry}\n`);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          target: 'ES2023',
          strict: true,
          noEmit: true,
          types: ['node'],
        },
        files: ['consumer.ts'],
      }),
    );
    const wanted = spec.tarballs.map((short) => `@wireai/${short}@^${versions[`@wireai/${short}`]}`);
    const others = Object.entries(spec.dependencies).map(([dep, range]) => `${dep}@${range}`);
    console.log(`\n== ${pm} ${name}${suffix}: ${[...wanted, ...others].join(' ')}`);
    const [command, args] = installCommand[pm];
    const installed = await run(
      `${pm} installs by name and range`,
      command,
      [...args, ...wanted, ...others, '@types/node@^20.19.0'],
      {
        cwd: dir,
      },
    );
    if (installed === null) return null;
    const got = installedVersions(dir);
    const expected = Object.fromEntries(
      spec.tarballs.map((short) => [`@wireai/${short}`, versions[`@wireai/${short}`]]),
    );
    check(
      `resolved: ${Object.entries(got)
        .map(([dep, v]) => `${dep}@${v}`)
        .join(', ')}`,
      JSON.stringify(Object.entries(got).sort()) === JSON.stringify(Object.entries(expected).sort()),
      `expected ${JSON.stringify(expected)}`,
    );
    if (pm === 'npm') {
      // The lockfile's integrity of each @wireai package is the one the local registry serves.
      const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
      const elsewhere = [];
      for (const [path, entry] of Object.entries(lock.packages).filter(([p]) =>
        p.includes('node_modules/@wireai/'),
      )) {
        const name = path.slice(path.lastIndexOf('@wireai/'));
        const served = (await packument(name)).versions?.[entry.version]?.dist;
        if (
          !served ||
          served.integrity !== entry.integrity ||
          (entry.resolved && !entry.resolved.startsWith(registry))
        )
          elsewhere.push(`${path}@${entry.version} ${entry.resolved ?? ''}`);
      }
      check(
        'package-lock.json: every @wireai package is the tarball the local registry serves',
        elsewhere.length === 0,
        elsewhere.join(', '),
      );
    }
    await run('require() of each package', process.execPath, ['require.cjs'], { cwd: dir });
    await run(
      'tsc type-checks consumer.ts against the published declarations',
      process.execPath,
      [tsc, '-p', '.'],
      {
        cwd: dir,
      },
    );
    await run('smoke.mjs against the mock server', process.execPath, ['smoke.mjs'], {
      cwd: dir,
      env: { MOCK_URL: server.baseURL },
    });
    if (spec.tarballs.includes('testing')) await startBin(pm, dir);
    return dir;
  }

  // The bin of @wireai/testing, as `npm exec` / `pnpm exec` run it: it prints its URL, answers, stops.
  async function startBin(pm, dir) {
    const args =
      pm === 'npm'
        ? ['exec', '--no', '--', 'wireai-mock-openai', '--port', '0']
        : ['exec', 'wireai-mock-openai', '--port', '0'];
    const child = spawn(pm, args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), 15000);
      const onData = (chunk) => {
        output += chunk;
        const match = output.match(/listening on (http:\/\/\S+)/);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', () => resolve(null));
    });
    let answered = false;
    if (url) answered = (await fetch(`${url}/models`).catch(() => ({ ok: false }))).ok;
    const exited = new Promise((resolve) =>
      child.exitCode === null ? child.once('exit', resolve) : resolve(),
    );
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
    // The package manager exits first; the bin it started (same process group) closes its port a moment
    // later. Wait for that, bounded, rather than racing it.
    const stillUp = url ? await portStaysOpen(Number(new URL(url).port), 5_000) : false;
    check(
      `${pm} exec wireai-mock-openai --port 0: printed ${url}, answered GET /models, stopped`,
      Boolean(url) && answered && !stillUp,
      output.trim(),
    );
  }

  try {
    const first = await release(1);
    if (!first) throw new Error('round 1 did not publish');
    await checkTarballs(first.after);
    const kept = {};
    for (const pm of ['npm', 'pnpm'])
      for (const name of readdirSync(consumers, { withFileTypes: true }).filter((e) => e.isDirectory()))
        kept[`${pm}-${name.name}`] = await consumer(pm, name.name, first.after);

    // Round 2: transport-axios alone.
    writeFileSync(
      join(copy, '.changeset', 'axios-fix.md'),
      "---\n'@wireai/transport-axios': patch\n---\n\nA fix in transport-axios alone.\n",
    );
    git('add', '-A');
    git('commit', '-qm', 'a transport-axios fix');
    const second = await release(2);
    if (!second) throw new Error('round 2 did not publish');
    check(
      `round 2 bumps only transport-axios: ${second.bumped.map((n) => `${n} ${second.before[n]} → ${second.after[n]}`).join(', ')}`,
      second.bumped.join() === '@wireai/transport-axios',
    );
    const counts = {};
    for (const name of Object.keys(second.after))
      counts[name] = Object.keys((await packument(name)).versions).length;
    check(
      `the registry holds a second version of transport-axios only: ${Object.entries(counts)
        .map(([n, c]) => `${n.slice(8)} ${c}`)
        .join(', ')}`,
      Object.entries(counts).every(([name, count]) => count === (name === '@wireai/transport-axios' ? 2 : 1)),
    );
    for (const pm of ['npm', 'pnpm']) await consumer(pm, 'axios-sessions', second.after, '-fresh');

    // An existing lockfile: updating transport-axios moves it and nothing else.
    for (const pm of ['npm', 'pnpm']) {
      const dir = kept[`${pm}-axios-sessions`];
      if (!dir) continue;
      console.log(`\n== ${pm} update @wireai/transport-axios in the round-1 project`);
      const tree = async () => {
        const listed =
          pm === 'npm'
            ? JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages
            : Object.fromEntries(
                JSON.parse(
                  (
                    await runCommand('pnpm', ['list', '--json', '--depth', 'Infinity'], {
                      cwd: dir,
                      capture: true,
                    })
                  ).output,
                ).flatMap((project) => {
                  const rows = [];
                  const walk = (deps, path) => {
                    for (const [dep, info] of Object.entries(deps ?? {})) {
                      rows.push([`${path}${dep}`, { version: info.version }]);
                      if (path.split('>').length < 4) walk(info.dependencies, `${path}${dep}>`);
                    }
                  };
                  walk({ ...project.dependencies, ...project.devDependencies }, '');
                  return rows;
                }),
              );
        return Object.fromEntries(Object.entries(listed).map(([path, entry]) => [path, entry.version]));
      };
      const before = await tree();
      if (
        (await run(`${pm} update @wireai/transport-axios`, pm, ['update', '@wireai/transport-axios'], {
          cwd: dir,
        })) === null
      )
        continue;
      const after = await tree();
      const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
        (path) => before[path] !== after[path],
      );
      check(
        `the lockfile moves only transport-axios: ${changed.map((p) => `${p} ${before[p]} → ${after[p]}`).join(', ')}`,
        changed.length > 0 &&
          changed.every((path) => path.endsWith('@wireai/transport-axios')) &&
          changed.every((path) => after[path] === second.after['@wireai/transport-axios']),
      );
      await run('smoke.mjs after the update', process.execPath, ['smoke.mjs'], {
        cwd: dir,
        env: { MOCK_URL: server.baseURL },
      });
    }
  } finally {
    await server.close();
  }
} catch (error) {
  check(`test:publish ran to its end`, false, error instanceof Error ? error.message : String(error));
} finally {
  await stopRegistry();
  check(`the registry (pid ${verdaccio?.pid}) stopped and port ${port} is free`, !(await portOpen(port)));
}

console.log('\n== published');
for (const { round, bumped, versions } of rounds) {
  console.log(`round ${round}: ${bumped.join(', ')}`);
  if (round === 1) continue;
  const same = Object.entries(versions).filter(([name]) => !bumped.some((b) => b.startsWith(`${name}@`)));
  console.log(`  unchanged: ${same.map(([name, v]) => `${name}@${v}`).join(', ')}`);
}
console.log(`took ${Math.round((Date.now() - started) / 1000)} s`);
if (!keep) rmSync(scratch, { recursive: true, force: true });
else console.log(`\nkept ${scratch}`);
finish();
