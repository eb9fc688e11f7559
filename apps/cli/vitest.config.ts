import { defineConfig } from 'vitest/config';

// Many tests start `node bin/wireai.js` (or the root script, which runs turbo first): on a busy machine
// that takes seconds, not the default 5 s budget.
export default defineConfig({
  test: {
    testTimeout: 30_000,
  },
});
