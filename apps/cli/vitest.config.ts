import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Many tests start `node bin/wireai.js` (or a root script, which runs turbo first): on a busy machine
    // that takes seconds, not the default 5 s budget.
    testTimeout: 30_000,
    // One file at a time: the root-script tests run turbo, which rebuilds dist/ when src/ changed, and the
    // spawned bin of a file running alongside would load a half-written dist/.
    fileParallelism: false,
  },
});
