// `pnpm mock-server --port 8787 …` from the repository: builds @wireai/testing quietly, then runs its
// wireai-mock-openai bin in this process (it serves until Ctrl-C).
import { buildQuietly } from './lib/build-quietly.mjs';

if (await buildQuietly('@wireai/testing')) await import('../packages/testing/bin/wireai-mock-openai.js');
else process.exitCode = 1;
