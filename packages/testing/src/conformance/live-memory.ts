import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

// A full collection before each reading, so the figure is what is still referenced (buffered), not
// garbage a busy transport has not had collected yet. `--expose-gc` is set on first use, not at import:
// importing the package has no side effects.
function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/** Bytes of JavaScript heap and buffers still in use, after a full garbage collection. */
export function liveMemory(): number {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
