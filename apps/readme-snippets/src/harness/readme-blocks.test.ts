import { describe, expect, it } from 'vitest';
import { codeBlocks, problemsOf, shownPart } from './readme-blocks.js';

// The parser behind the README checks, on made-up READMEs: what counts as a block, and what is reported.
const readme = [
  '# x',
  '```sh',
  'npm install x',
  '```',
  '```ts',
  'unmarked();',
  '```',
  '<!-- snippet: not run because it needs a browser -->',
  '',
  '```js',
  'skipped();',
  '```',
  '<!-- snippet: not run -->',
  '```typescript',
  'noReason();',
  '```',
  '<!-- snippet: apps/readme-snippets/src/nowhere.ts -->',
  '~~~ts',
  'missing();',
  '~~~',
].join('\n');

describe('codeBlocks() and problemsOf()', () => {
  it('finds the TypeScript and JavaScript blocks only, with the marker before each', () => {
    const blocks = codeBlocks('X.md', readme);
    expect(blocks.map((block) => [block.line, block.language, block.text, block.marker?.kind])).toEqual([
      [5, 'ts', 'unmarked();', undefined],
      [10, 'js', 'skipped();', 'not-run'],
      [14, 'typescript', 'noReason();', 'invalid'],
      [18, 'ts', 'missing();', 'file'],
    ]);
  });

  it('reports an unmarked block, a "not run" without a reason and a missing file; accepts a reason', () => {
    expect(codeBlocks('X.md', readme).map(problemsOf)).toEqual([
      [expect.stringMatching(/^X\.md:5: a ```ts block with no "<!-- snippet: <file> -->"/)],
      [],
      [expect.stringMatching(/^X\.md:14: "not run" gives no reason/)],
      [
        expect.stringMatching(
          /^X\.md:18: the snippet file apps\/readme-snippets\/src\/nowhere\.ts does not exist/,
        ),
      ],
    ]);
  });
});

describe('shownPart()', () => {
  it('is the region without its blank edges, or the whole file', () => {
    const file = "import 'a';\n\n// #region readme\n\nshown();\n// #endregion readme\n\nhidden();\n";
    expect(shownPart('f.ts', file)).toBe('shown();');
    expect(shownPart('f.ts', 'all();\n\n')).toBe('all();');
    expect(() => shownPart('f.ts', '// #region readme\nopen();\n')).toThrow(
      /without "\/\/ #endregion readme"/,
    );
  });
});
