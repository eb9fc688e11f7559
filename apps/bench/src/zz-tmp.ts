import { bundleReport } from './bundle-report.js';
const lines: string[] = [];
const verdicts: string[] = [];
const out = (line = '') => { lines.push(line); };
const table = (header: string[], rows: Array<Array<string | number>>) => {
  out(`| ${header.join(' | ')} |`);
  out(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) out(`| ${row.join(' | ')} |`);
};
await bundleReport({ out, table, target: (n, ok, m) => verdicts.push(`| ${n} | ${m} | ${ok ? 'yes' : '**no**'} |`) }, 15);
console.log(lines.join('\n')); console.log(verdicts.join('\n'));
