import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The transports devDepend on this package (for the conformance suite), so this package cannot depend on
// them back: turbo refuses the cycle. The suites that drive real clients through `toFetch` over each
// transport import the transports' sources instead, by these aliases (tsconfig.json maps the same paths
// for the type-checker). Their own imports (undici, axios) resolve from their package folders.
const transport = (name: string) =>
  fileURLToPath(new URL(`../transport-${name}/src/index.ts`, import.meta.url));
export default defineConfig({
  test: {
    alias: {
      '@wireai/transport-undici': transport('undici'),
      '@wireai/transport-axios': transport('axios'),
      '@wireai/transport-fetch': transport('fetch'),
    },
  },
});
