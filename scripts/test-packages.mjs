// pnpm test:packages — every public package publishable on its own, proven on the tarballs:
//   1. `pnpm pack` each public package; no tarball holds tests, fixtures, JavaScript source maps or `workspace:`
//      ranges, and each declaration map points to source shipped beside it;
//   2. the consumers in tools/consumers, each in a scratch directory outside the workspace, install only
//      the tarballs they list (npm), then `require` each package, type-check consumer.ts with tsc, and run
//      smoke.mjs against the mock server;
//   3. in a temporary copy of the repo, a changeset for transport-axios alone: `changeset status` and
//      `changeset version` bump transport-axios and nothing else.
import { execFileSync } from 'node:child_process';
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
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { copyWorkTree, createRunner, createTally, listPublicPackages } from './lib/checks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'wireai-packages-'));
const keep = process.argv.includes('--keep');
const { check, finish } = createTally('packages');
const run = createRunner(check);

const publicPackages = listPublicPackages(root);

console.log('== build and pack');
execFileSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const tarballs = join(scratch, 'tarballs');
mkdirSync(tarballs);
const tarballOf = {};
for (const pkg of publicPackages) {
  const before = new Set(readdirSync(tarballs));
  execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: pkg.dir, stdio: 'ignore' });
  tarballOf[pkg.short] = join(
    tarballs,
    readdirSync(tarballs).find((file) => !before.has(file)),
  );
  checkTarball(pkg, tarballOf[pkg.short]);
}

// What a user downloads: the build, its declaration maps and the source they point to (so "go to definition"
// lands in the TypeScript), and the manifest; nothing the tests need, and no JavaScript source maps.
function checkTarball(pkg, tarball) {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
  const stray = files.filter(
    (file) =>
      /\.test\.|\.test-d\.|test-support|__fixtures__|fixtures\/|cassettes\/|\.tsbuildinfo$/.test(file) ||
      (file.endsWith('.map') && !file.endsWith('.d.ts.map')),
  );
  check(
    `${pkg.manifest.name}: ${files.length} files, no tests, fixtures or JavaScript source maps`,
    stray.length === 0,
    stray.join(', '),
  );
  const shipped = new Set(files);
  const maps = files.filter((file) => file.endsWith('.d.ts.map'));
  const unpacked = mkdtempSync(join(scratch, 'unpacked-'));
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  const unresolved = maps.flatMap((map) => {
    const { sources } = JSON.parse(readFileSync(join(unpacked, map), 'utf8'));
    return sources
      .map((source) => posix.join(posix.dirname(map), source))
      .filter((source) => !shipped.has(source));
  });
  check(
    `${pkg.manifest.name}: ${maps.length} declaration maps, each pointing to shipped source`,
    maps.length > 0 && unresolved.length === 0,
    unresolved.join(', '),
  );
  const manifest = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  const workspace = manifest.match(/"[^"]+":\s*"workspace:[^"]*"/g) ?? [];
  check(`${pkg.manifest.name}: no workspace: ranges`, workspace.length === 0, workspace.join(', '));
  const mapped = execFileSync('tar', ['-xzOf', tarball, '--wildcards', 'package/dist/*.js'], {
    encoding: 'utf8',
  });
  check(`${pkg.manifest.name}: no sourceMappingURL`, !mapped.includes('sourceMappingURL'));
}

// The consumers, against a mock server this process starts from the workspace's build.
const { startMockOpenAI } = await import(
  pathToFileURL(join(root, 'packages', 'testing', 'dist', 'index.js')).href
);
const server = await startMockOpenAI();
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
try {
  const consumers = join(root, 'tools', 'consumers');
  for (const name of readdirSync(consumers, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const dir = join(scratch, name.name);
    cpSync(join(consumers, name.name), dir, { recursive: true });
    const spec = JSON.parse(readFileSync(join(dir, 'consumer.json'), 'utf8'));
    const dependencies = { ...spec.dependencies };
    for (const short of spec.tarballs) dependencies[`@wireai/${short}`] = `file:${tarballOf[short]}`;
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: `consumer-${name.name}`, private: true, type: 'module', dependencies }, null, 2),
    );
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
    console.log(`\n== consumer ${name.name}: ${spec.tarballs.join(', ')}`);
    if (
      (await run(
        'npm install (the tarballs, their dependencies from the registry)',
        'npm',
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--no-package-lock',
          '--install-links',
          '@types/node@^20.19.0',
        ],
        { cwd: dir },
      )) === null
    )
      continue;
    const installed = readdirSync(join(dir, 'node_modules', '@wireai')).sort();
    check(
      `only the listed packages are installed: ${installed.join(', ')}`,
      installed.join() === [...spec.tarballs].sort().join(),
    );
    await run('require() of each package', process.execPath, ['require.cjs'], { cwd: dir });
    await run('tsc type-checks consumer.ts', process.execPath, [tsc, '-p', '.'], { cwd: dir });
    await run('smoke.mjs against the mock server', process.execPath, ['smoke.mjs'], {
      cwd: dir,
      env: { MOCK_URL: server.baseURL },
    });
  }
} finally {
  await server.close();
}

// Independent versions: a change to transport-axios alone releases transport-axios alone.
console.log('\n== changesets: a transport-axios change in a temporary copy');
const copy = join(scratch, 'repo');
copyWorkTree(root, copy);
const git = (...args) => execFileSync('git', args, { cwd: copy, encoding: 'utf8' });
const changeset = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
for (const file of readdirSync(join(copy, '.changeset'))) {
  if (file.endsWith('.md') && file !== 'README.md') rmSync(join(copy, '.changeset', file));
}
// The copy resolves the changelog generator and the CLI's own imports from the workspace's install.
symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
git('init', '-q', '-b', 'main');
git('-c', 'user.name=ci', '-c', 'user.email=ci@localhost', 'add', '-A');
git('-c', 'user.name=ci', '-c', 'user.email=ci@localhost', 'commit', '-qm', 'base');
git('checkout', '-qb', 'axios-change');
writeFileSync(
  join(copy, '.changeset', 'axios-only.md'),
  "---\n'@wireai/transport-axios': minor\n---\n\nA change.\n",
);
git('-c', 'user.name=ci', '-c', 'user.email=ci@localhost', 'add', '-A');
git('-c', 'user.name=ci', '-c', 'user.email=ci@localhost', 'commit', '-qm', 'axios change');
const versions = () =>
  Object.fromEntries(
    publicPackages.map((pkg) => [
      pkg.manifest.name,
      JSON.parse(readFileSync(join(copy, 'packages', pkg.short, 'package.json'), 'utf8')).version,
    ]),
  );
const before = versions();
if (
  (await run(
    'changeset status',
    process.execPath,
    [changeset, 'status', '--output', join(scratch, 'status.json')],
    { cwd: copy },
  )) !== null
) {
  const status = JSON.parse(readFileSync(join(scratch, 'status.json'), 'utf8'));
  const releases = status.releases
    .filter((release) => release.type !== 'none')
    .map((release) => `${release.name}@${release.type}`);
  check(
    `changeset status releases only transport-axios: ${releases.join(', ')}`,
    releases.join() === '@wireai/transport-axios@minor',
  );
}
if ((await run('changeset version', process.execPath, [changeset, 'version'], { cwd: copy })) !== null) {
  const after = versions();
  const bumped = Object.keys(after).filter((name) => after[name] !== before[name]);
  check(
    `changeset version bumps only transport-axios: ${bumped.map((name) => `${name} ${before[name]} → ${after[name]}`).join(', ')}`,
    bumped.join() === '@wireai/transport-axios',
  );
  const touched = git('status', '--porcelain')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  const outside = touched.filter(
    (file) => !file.startsWith('packages/transport-axios/') && !file.startsWith('.changeset/'),
  );
  check('no file outside transport-axios changes', outside.length === 0, outside.join(', '));
}

if (!keep) rmSync(scratch, { recursive: true, force: true });
else console.log(`\nkept ${scratch}`);
finish();
