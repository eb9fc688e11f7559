import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coveredReadmes, REPO_ROOT, syncedReadme } from './readme-blocks.js';

// `pnpm readme:sync`: copies each snippet file's shown part into the README block that names it.
for (const readme of coveredReadmes()) {
  const path = join(REPO_ROOT, readme);
  const synced = syncedReadme(readme);
  if (synced !== readFileSync(path, 'utf8')) {
    writeFileSync(path, synced);
    console.log(`updated ${readme}`);
  }
}
