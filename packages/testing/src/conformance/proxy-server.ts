import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';

/** A forward HTTP proxy on 127.0.0.1 (the `proxy` package), and what it was asked for. */
export interface ProxyServer {
  /** `http://127.0.0.1:<port>`: what a transport's proxy option takes. */
  readonly url: string;
  /** Each request the proxy forwarded, in order: an absolute URL, or `CONNECT host:port` for a tunnel. */
  readonly seen: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts a real forward proxy on port 0, so a transport's proxy option is tested through one. Libraries
 * differ in how they use it (a tunnel, or the absolute URL), which `seen` shows.
 */
export async function startProxy(): Promise<ProxyServer> {
  const seen: string[] = [];
  const proxy = createProxy(createServer());
  proxy.on('request', (req) => seen.push(req.url ?? ''));
  proxy.on('connect', (req) => seen.push(`CONNECT ${req.url ?? ''}`));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    seen,
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    async close() {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}
