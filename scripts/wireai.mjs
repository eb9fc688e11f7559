// `pnpm -s wireai …` from the repository: builds the CLI quietly, then runs it in this process, so stdout
// holds the command's output and nothing else, and its exit code is the command's.
import { buildQuietly } from './lib/build-quietly.mjs';

if (await buildQuietly('@wireai/cli')) await import('../apps/cli/bin/wireai.js');
else process.exitCode = 1;
