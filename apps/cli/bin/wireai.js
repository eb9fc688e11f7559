#!/usr/bin/env node
// Exists before the build so package managers can link it; the code is in dist (`pnpm build`).
import { runCli } from '../dist/main.js';

// A reader that stops early (`wireai models | head -1`) is no failure: stop quietly, as Unix tools do,
// instead of a stack trace about EPIPE.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

process.exitCode = await runCli(process.argv.slice(2));
