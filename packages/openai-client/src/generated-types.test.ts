import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { generate } from '../scripts/generate-types.mjs';

describe('generated types', () => {
  it('are what `pnpm generate:types` makes from the official description (commit the regenerated file)', {
    timeout: 60_000,
  }, async () => {
    const committed = readFileSync(new URL('./generated/openai.ts', import.meta.url), 'utf8');
    expect(
      (await generate()) === committed,
      'src/generated/openai.ts is out of date: run `pnpm --filter @wireai/openai-client generate:types`',
    ).toBe(true);
  });
});
