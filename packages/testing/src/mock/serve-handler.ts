import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isResetConnection } from './faults.js';
import { type MockHandler, mockRequest, normaliseResponse } from './mock-handler.js';

export interface ServeOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Let the server and its idle sockets not keep the process alive (default false). */
  unref?: boolean;
}

/** A mock handler served over real HTTP on loopback. */
export interface HandlerServer {
  readonly origin: string;
  readonly server: Server;
  url(path: string): string;
  /** Sockets accepted since the start. */
  readonly connectionCount: number;
  /** Closes the server and every connection. */
  close(): Promise<void>;
}

/**
 * Serves `handler` on a real HTTP server. Response bodies are written with backpressure (the next chunk
 * is taken from the handler's iterable only when the socket drained), and a client that goes away stops
 * the iterable (its `finally` runs) and fires the request's `signal`.
 */
export async function serveHandler(handler: MockHandler, options: ServeOptions = {}): Promise<HandlerServer> {
  let connectionCount = 0;
  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    void respond(handler, req, res);
  });
  server.on('connection', (socket: Socket) => {
    connectionCount++;
    if (options.unref) socket.unref();
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  if (options.unref) server.unref();
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    server,
    url: (path) => `${origin}${path}`,
    get connectionCount() {
      return connectionCount;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function respond(handler: MockHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const request = mockRequest(
      {
        method: req.method ?? 'GET',
        url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
        headers,
        body: Buffer.concat(chunks),
      },
      gone.signal,
    );
    const response = normaliseResponse(await handler(request), request.method);
    res.writeHead(response.status, response.headers.flat());
    if (response.body) {
      for await (const chunk of response.body) {
        if (gone.signal.aborted) break; // leaving the loop runs the iterable's finally
        if (!res.write(chunk)) await drainedOrGone(res, gone.signal);
      }
    }
    res.end();
  } catch (error) {
    if (isResetConnection(error)) req.socket.resetAndDestroy();
    else if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { message: `mock handler failed: ${String(error)}`, type: 'server_error' } }),
      );
    } else res.destroy();
  }
}

function drainedOrGone(res: ServerResponse, gone: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      gone.removeEventListener('abort', done);
      resolve();
    };
    res.once('drain', done);
    gone.addEventListener('abort', done, { once: true });
  });
}
