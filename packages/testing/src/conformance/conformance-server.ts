import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

/** What `/echo` answers: what the server received. */
export interface EchoReply {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  bodyLength: number;
  bodySha256: string;
  /** The body as text when it is at most 64 KiB. */
  body: string | undefined;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

/** A loopback HTTP server with the routes the conformance suite needs, counting its sockets. */
export interface ConformanceServer {
  readonly origin: string;
  url(path: string): string;
  /** Sockets accepted since the start (keep-alive reuse keeps this low). */
  readonly connectionCount: number;
  /** Sockets currently open on the server side. */
  readonly openSockets: number;
  /** Requests received since the start. */
  readonly requestCount: number;
  /** Registers a one-off route; returns its path. */
  route(handler: Handler): string;
  close(): Promise<void>;
}

const encoders: Record<string, (body: Buffer) => Buffer> = {
  gzip: (body) => gzipSync(body),
  deflate: (body) => deflateSync(body),
  br: (body) => brotliCompressSync(body),
};

/** The fixed routes; tests add one-off routes with `route()`. */
function fixedRoutes(): Map<string, Handler> {
  return new Map<string, Handler>([
    [
      '/echo',
      async (req, res) => {
        const hash = createHash('sha256');
        const kept: Buffer[] = [];
        let length = 0;
        for await (const chunk of req as AsyncIterable<Buffer>) {
          hash.update(chunk);
          length += chunk.length;
          if (length <= 65_536) kept.push(chunk);
        }
        const reply: EchoReply = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          bodyLength: length,
          bodySha256: hash.digest('hex'),
          body: length <= 65_536 ? Buffer.concat(kept).toString('utf8') : undefined,
        };
        const body = JSON.stringify(reply);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
    ],
    [
      '/status',
      (req, res, url) => {
        const status = Number(url.searchParams.get('code') ?? '200');
        const body = url.searchParams.get('body') ?? '';
        req.resume();
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 204 || status === 304 ? undefined : body);
      },
    ],
    [
      '/headers',
      (req, res) => {
        req.resume();
        // Mixed-case names and repeated headers, as raw lines on the wire.
        res.writeHead(200, [
          ['X-Mixed-Case', 'Value'],
          ['X-Repeated', 'first'],
          ['X-Repeated', 'second'],
          ['Set-Cookie', 'a=1'],
          ['Set-Cookie', 'b=2'],
          ['Content-Length', '2'],
        ]);
        res.end('ok');
      },
    ],
    [
      '/encoded',
      (req, res, url) => {
        req.resume();
        const encoding = url.searchParams.get('encoding') ?? 'gzip';
        const encode = encoders[encoding];
        if (!encode) throw new Error(`unknown encoding ${encoding}`);
        const body = encode(Buffer.from('decoded body '.repeat(1000)));
        res.writeHead(200, { 'content-encoding': encoding, 'content-length': body.length });
        res.end(body);
      },
    ],
    [
      '/redirect',
      (req, res, url) => {
        req.resume();
        res.writeHead(Number(url.searchParams.get('status') ?? '302'), {
          location: url.searchParams.get('to') ?? '/echo',
          'content-type': 'text/plain',
        });
        res.end('redirecting');
      },
    ],
    [
      '/id',
      (req, res, url) => {
        req.resume();
        const id = url.searchParams.get('id') ?? '';
        // A small random delay shuffles completion order among parallel requests.
        setTimeout(() => res.end(`id=${id}`), Math.floor(Math.random() * 5));
      },
    ],
    [
      '/hang-headers',
      (req) => {
        req.resume(); // never answers; the client must give up
      },
    ],
    [
      '/hang-body',
      (req, res) => {
        req.resume();
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first chunk');
      },
    ],
    [
      '/reset-before-headers',
      (req) => {
        req.socket.resetAndDestroy();
      },
    ],
    [
      '/reset-mid-body',
      (req, res) => {
        req.resume();
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
        res.write('x'.repeat(1000), () => setTimeout(() => req.socket.resetAndDestroy(), 20));
      },
    ],
  ]);
}

export async function startConformanceServer(): Promise<ConformanceServer> {
  const routes = fixedRoutes();
  const sockets = new Set<Socket>();
  let connectionCount = 0;
  let requestCount = 0;
  let nextRoute = 0;

  const server: Server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    requestCount++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handler = routes.get(url.pathname);
    if (!handler) {
      res.writeHead(404).end('no such route');
      return;
    }
    Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    });
  });
  // Server-side handles are unref'd so the suite sees only what the transport keeps alive.
  server.unref();
  server.on('connection', (socket) => {
    socket.unref();
    connectionCount++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    url: (path) => `${origin}${path}`,
    get connectionCount() {
      return connectionCount;
    },
    get openSockets() {
      return sockets.size;
    },
    get requestCount() {
      return requestCount;
    },
    route(handler) {
      const path = `/route-${nextRoute++}`;
      routes.set(path, handler);
      return path;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
