import type { Writable } from 'node:stream';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner on a terminal until the first token arrives; nothing at all when the stream is not a TTY. */
export function startSpinner(stream: Writable & { isTTY?: boolean }, label = 'thinking'): () => void {
  if (!stream.isTTY) return () => undefined;
  let frame = 0;
  const timer = setInterval(() => stream.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label}`), 80);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    stream.write(`\r${' '.repeat(label.length + 2)}\r`);
  };
}
