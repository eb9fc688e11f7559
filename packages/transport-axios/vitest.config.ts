import { defineConfig } from 'vitest/config';

// The suite runs against each end of the peer range: WIREAI_AXIOS=axios-floor (1.7.0); unset, the newest
// 1.x. `pnpm test:runtimes` runs both.
const axios = process.env.WIREAI_AXIOS;
export default defineConfig({
  test: {
    alias: axios ? { axios } : {},
  },
});
