import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // *.test-d.ts files are type tests: tsc checks them as part of the run (they promise, for one, that
    // node-fetch fits `FetchLike` without a cast).
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
