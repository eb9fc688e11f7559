#!/usr/bin/env node
// Exists before the build so package managers can link it; the code is in dist (`pnpm build`).
import { runCli } from '../dist/main.js';

process.exitCode = await runCli(process.argv.slice(2));
