import { defineConfig } from 'vitest/config';

// The suite runs against each end of the peer range: WIREAI_UNDICI=undici-floor (7.0.0) or undici8 (the
// newest 8.x, which needs Node >= 22.19); unset, the newest 7.x. `pnpm test:runtimes` runs them all.
const undici = process.env.WIREAI_UNDICI;
export default defineConfig({
  test: {
    alias: undici ? { undici } : {},
  },
});
