import { describe, expect, it } from 'vitest';
import { codeBlocks, coveredReadmes, problemsOf } from './harness/readme-blocks.js';

// The README side of the snippet tests: every TypeScript/JavaScript block is a tested file here, shown
// as it is, or says why it is not run. (src/harness/readme-blocks.ts describes the mechanism.)

const readmes = coveredReadmes();

describe('README code blocks', () => {
  it('covers the root README and every package README', () => {
    expect(readmes).toEqual(
      expect.arrayContaining([
        'README.md',
        'packages/core/README.md',
        'packages/openai-client/README.md',
        'packages/sessions/README.md',
        'packages/testing/README.md',
        'packages/transport-axios/README.md',
        'packages/transport-fetch/README.md',
        'packages/transport-undici/README.md',
      ]),
    );
  });

  it.each(readmes)('%s: every block is its snippet file, or says why it is not run', (readme) => {
    expect(codeBlocks(readme).flatMap(problemsOf)).toEqual([]);
  });
});
