import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { activeHandles, waitForHandlesAtMost } from './handles.js';

describe('the resource check', () => {
  it('names a ref’d timer left behind, and passes once it is gone', async () => {
    const baseline = activeHandles();
    const timer = setTimeout(() => undefined, 10_000);
    await expect(waitForHandlesAtMost(baseline, 50)).rejects.toThrow('Timeout ×1');
    clearTimeout(timer);
    await waitForHandlesAtMost(baseline, 50);
  });

  it('ignores unref’d handles, which do not keep the process alive', async () => {
    const baseline = activeHandles();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await expect(waitForHandlesAtMost(baseline, 50)).rejects.toThrow('TCPServerWrap ×1');
    server.unref();
    await waitForHandlesAtMost(baseline, 50);
    server.close();
  });
});
