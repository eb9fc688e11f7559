import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // *.test-d.ts files are type tests: tsc checks them as part of the run (`client.call()` accepts every
    // operation of the official description and types its parameters, body and result).
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
