import { sseLinearity } from './sse-linearity.js';

// One entry point for `pnpm bench`; the client, streaming and soak benchmarks join it as they land.
const table = (header: string[], rows: string[][]): string =>
  [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');

console.log(`wireai bench: Node ${process.version}, ${process.platform}/${process.arch}\n`);
console.log('SSE decoder, one large event in 64 KiB chunks (linear time: both rates within 2x)\n');
const { rows, ratio } = sseLinearity();
console.log(table(['case', 'median ms', 'MB/s', 'floor MB/s', 'vs floor'], rows));
console.log(`\nrate ratio 3 MiB : 30 MiB = ${ratio.toFixed(2)}x (${ratio <= 2 ? 'linear' : 'NOT linear'})`);
if (ratio > 2) process.exitCode = 1;
