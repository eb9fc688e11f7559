import { bundleSize, ENTRIES, importCost } from './bundle-bench.js';

/** Where a section of the report goes: lines, markdown tables and target verdicts (main.ts's). */
export interface ReportSink {
  out(line?: string): void;
  table(header: string[], rows: Array<Array<string | number>>): void;
  target(name: string, ok: boolean, measured: string): void;
}

/**
 * Section 7 of `pnpm bench`: the browser bundle (minified, gzip, bytes per package) and the import cost
 * of wireai's client + fetch transport beside openai-node's, with their targets; `runs` import timings
 * per side.
 */
export async function bundleReport({ out, table, target }: ReportSink, runs: number): Promise<void> {
  const get = (map: Map<string, number>, name: string) => map.get(name) ?? Number.NaN;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  out('\n### 7. Browser/edge bundle and import cost (client + fetch transport)\n');
  out(
    'esbuild `--bundle --minify --format=esm --platform=browser` on each entry below; gzip at level 9. Import cost: the same entry in a fresh `node` process, minus a bare `node -e 0`, median of ' +
      `${runs} interleaved runs.\n`,
  );
  for (const [side, entry] of Object.entries(ENTRIES)) out(`- ${side}: \`${entry.replaceAll('\n', ' ')}\``);
  out();
  const wireBundle = await bundleSize(ENTRIES.wireai);
  const openaiBundle = await bundleSize(ENTRIES['openai-node']);
  const imports = importCost(runs);
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  table(
    ['measure', 'wireai', 'openai-node', 'wireai ÷ openai-node'],
    [
      [
        'minified (KiB)',
        kib(wireBundle.minified),
        kib(openaiBundle.minified),
        ratio(wireBundle.minified, openaiBundle.minified),
      ],
      ['gzip (KiB)', kib(wireBundle.gzip), kib(openaiBundle.gzip), ratio(wireBundle.gzip, openaiBundle.gzip)],
      [
        'import cost (ms over bare node)',
        get(imports, 'wireai').toFixed(0),
        get(imports, 'openai-node').toFixed(0),
        ratio(get(imports, 'wireai'), get(imports, 'openai-node')),
      ],
    ],
  );
  out('\nMinified bytes per package (esbuild metafile, grouped by package):\n');
  table(
    ['bundle', 'package', 'minified (KiB)', 'share'],
    (
      [
        ['wireai', wireBundle],
        ['openai-node', openaiBundle],
      ] as const
    ).flatMap(([side, bundle]) =>
      [...bundle.byPackage]
        .filter(([, bytes]) => bytes > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([name, bytes]) => [side, name, kib(bytes), `${((bytes / bundle.minified) * 100).toFixed(0)}%`]),
    ),
  );
  target(
    'bundle: wireai gzip ≤ 0.5× openai-node (goal ⅓)',
    wireBundle.gzip <= 0.5 * openaiBundle.gzip,
    `${kib(wireBundle.gzip)} vs ${kib(openaiBundle.gzip)} KiB (${ratio(wireBundle.gzip, openaiBundle.gzip)}×)`,
  );
  target(
    'import cost: wireai ≤ 0.5× openai-node',
    get(imports, 'wireai') <= 0.5 * get(imports, 'openai-node'),
    `${get(imports, 'wireai').toFixed(0)} vs ${get(imports, 'openai-node').toFixed(0)} ms (${ratio(get(imports, 'wireai'), get(imports, 'openai-node'))}×)`,
  );
}
