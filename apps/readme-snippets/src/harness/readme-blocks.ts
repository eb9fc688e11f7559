import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// How README code stays true: every ```ts/```js block of the root README and the package READMEs is a
// file under apps/readme-snippets/src/, named by an HTML comment on the line before the block:
//
//   <!-- snippet: apps/readme-snippets/src/openai-client/chat-completions.ts -->
//
// The block must equal the file (or the part between `// #region readme` and `// #endregion readme`; the
// rest sets up what the README leaves out and checks what the snippet did). tsc type-checks the files and
// src/run-snippets.test.ts runs them against the mock server; src/readmes.test.ts fails when a block and
// its file differ (`pnpm readme:sync` copies the files into the READMEs). A block that cannot run says why:
//
//   <!-- snippet: not run because … -->
//
// apps/cli/README.md is not covered: its shell transcripts are the CLI's own tests' business.

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Languages whose blocks must be tested; shell, JSON and unlabelled blocks are not run. */
const CODE_LANGUAGES = new Set(['ts', 'typescript', 'mts', 'tsx', 'js', 'javascript', 'mjs', 'jsx']);
const MARKER = /^<!--\s*snippet:\s*(.*?)\s*-->$/;
const NOT_RUN = /^not run because\s+\S/;
const REGION_START = '// #region readme';
const REGION_END = '// #endregion readme';

export interface CodeBlock {
  /** The README, relative to the repository root. */
  readme: string;
  /** 1-based line of the opening fence. */
  line: number;
  language: string;
  /** The block's text, without the fences. */
  text: string;
  /** Index of the first and one past the last line of the text, in the README's lines. */
  start: number;
  end: number;
  /** The marker on the line before the fence, if any. */
  marker:
    | { kind: 'file'; path: string }
    | { kind: 'not-run'; reason: string }
    | { kind: 'invalid'; text: string }
    | undefined;
}

/** The READMEs whose code is tested: the root one and every package's. */
export function coveredReadmes(): string[] {
  const packages = readdirSync(join(REPO_ROOT, 'packages'), { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(REPO_ROOT, 'packages', entry.name, 'README.md')),
    )
    .map((entry) => `packages/${entry.name}/README.md`)
    .sort();
  return ['README.md', ...packages];
}

/** The TypeScript and JavaScript blocks of a README, with their markers. */
export function codeBlocks(
  readme: string,
  source = readFileSync(join(REPO_ROOT, readme), 'utf8'),
): CodeBlock[] {
  const lines = source.split('\n');
  const blocks: CodeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(`{3,}|~{3,})\s*([^`\s]*)/.exec(lines[index] ?? '');
    if (!open) continue;
    const fence = open[1] as string;
    const language = (open[2] ?? '').toLowerCase();
    let close = index + 1;
    while (close < lines.length && !isClosingFence(lines[close] ?? '', fence)) close++;
    if (CODE_LANGUAGES.has(language)) {
      blocks.push({
        readme,
        line: index + 1,
        language,
        text: lines.slice(index + 1, close).join('\n'),
        start: index + 1,
        end: close,
        marker: markerBefore(lines, index),
      });
    }
    index = close;
  }
  return blocks;
}

function isClosingFence(line: string, fence: string): boolean {
  const trimmed = line.trimEnd();
  return trimmed.startsWith(fence) && new RegExp(`^${fence[0] === '`' ? '`' : '~'}+$`).test(trimmed);
}

function markerBefore(lines: string[], fenceIndex: number): CodeBlock['marker'] {
  let index = fenceIndex - 1;
  while (index >= 0 && (lines[index] ?? '').trim() === '') index--;
  const match = MARKER.exec((lines[index] ?? '').trim());
  if (!match) return undefined;
  const value = match[1] ?? '';
  if (value.startsWith('not run')) {
    return NOT_RUN.test(value) ? { kind: 'not-run', reason: value } : { kind: 'invalid', text: value };
  }
  return { kind: 'file', path: value };
}

/**
 * The part of a snippet file the README shows: its `#region readme`, or the whole file, without leading
 * or trailing blank lines. (A blank line after `// #region readme` keeps Biome from sorting the file's
 * own imports into the region's.)
 */
export function shownPart(file: string, source = readFileSync(join(REPO_ROOT, file), 'utf8')): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.trim() === REGION_START);
  const end = lines.findIndex((line, index) => index > start && line.trim() === REGION_END);
  if (start !== -1 && end === -1) throw new Error(`${file}: "${REGION_START}" without "${REGION_END}"`);
  const shown = start === -1 ? lines : lines.slice(start + 1, end);
  return shown
    .join('\n')
    .replace(/^(\s*\n)+/, '')
    .trimEnd();
}

/** What is wrong with a block: no marker, a file that does not exist, or text that differs from it. */
export function problemsOf(block: CodeBlock): string[] {
  const where = `${block.readme}:${block.line}`;
  const { marker } = block;
  if (!marker) {
    return [
      `${where}: a \`\`\`${block.language} block with no "<!-- snippet: <file> -->" (or "<!-- snippet: not run because … -->") before it`,
    ];
  }
  if (marker.kind === 'invalid') return [`${where}: "${marker.text}" gives no reason ("not run because …")`];
  if (marker.kind === 'not-run') return [];
  if (!marker.path.startsWith('apps/readme-snippets/src/') || !existsSync(join(REPO_ROOT, marker.path))) {
    return [`${where}: the snippet file ${marker.path} does not exist under apps/readme-snippets/src/`];
  }
  const shown = shownPart(marker.path);
  if (shown !== block.text) {
    return [
      `${where}: the block differs from ${marker.path} (run \`pnpm readme:sync\` after editing the file)`,
    ];
  }
  return [];
}

/** Every snippet file a README block names, as paths relative to the repository root. */
export function snippetFiles(): Array<{ file: string; block: CodeBlock }> {
  return coveredReadmes()
    .flatMap((readme) => codeBlocks(readme))
    .flatMap((block) => (block.marker?.kind === 'file' ? [{ file: block.marker.path, block }] : []));
}

/** The README with every named block replaced by its file's shown part. */
export function syncedReadme(readme: string): string {
  const source = readFileSync(join(REPO_ROOT, readme), 'utf8');
  const lines = source.split('\n');
  // From the last block up, so earlier line indexes stay valid.
  for (const block of codeBlocks(readme, source).reverse()) {
    if (block.marker?.kind !== 'file' || !existsSync(join(REPO_ROOT, block.marker.path))) continue;
    lines.splice(block.start, block.end - block.start, ...shownPart(block.marker.path).split('\n'));
  }
  return lines.join('\n');
}
