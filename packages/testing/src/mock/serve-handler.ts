import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createSecureServer,
  type Http2SecureServer,
  constants as http2Constants,
  type ServerHttp2Session,
} from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { isResetConnection } from './faults.js';
import { type MockHandler, mockRequest, normaliseResponse } from './mock-handler.js';

/** Options of `serveHandler` (and of `startMockOpenAI`). */
export interface ServeOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Let the server and its idle sockets not keep the process alive (default false). */
  unref?: boolean;
  /**
   * The largest request body accepted, in bytes: a larger one (by its `Content-Length`, or counted as a
   * chunked body arrives) is answered 413 and its connection closed, without reading the rest. Default:
   * no limit for `serveHandler`, 32 MiB for `startMockOpenAI`.
   */
  maxBodyBytes?: number;
  /**
   * Serve HTTP/2 over TLS (`https://`) with this key and certificate (PEM) instead of plain HTTP/1.1; a
   * client that does not speak HTTP/2 is refused at the TLS handshake (ALPN `h2` only).
   */
  http2?: { key: string; cert: string };
}

/** A mock handler served over real HTTP on loopback. */
export interface HandlerServer {
  /** The server's origin, e.g. `http://127.0.0.1:54321`. */
  readonly origin: string;
  /** The Node HTTP server (an HTTP/2 secure server when `http2` was given). */
  readonly server: Server | Http2SecureServer;
  /** The absolute URL of `path` (which starts with `/`) on this server. */
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
 *
 * A request the handler cannot be given is answered by the server itself, in OpenAI's error shape
 * (`{ "error": { "message", "type", "param", "code" } }`): HTTP that does not parse (400, 431 for
 * headers past Node's limit), a bad or missing `Host` or request target (400), a body over `maxBodyBytes`
 * (413), an `Expect` other than `100-continue` (417). A handler that throws answers 500 in the same shape.
 */
export async function serveHandler(handler: MockHandler, options: ServeOptions = {}): Promise<HandlerServer> {
  if (options.http2) return serveHttp2(handler, options, options.http2);
  const maxBodyBytes = checkMaxBodyBytes(options.maxBodyBytes);
  let connectionCount = 0;
  // The response each socket is answering: a parse error after its headers went out cannot be answered.
  const answering = new WeakMap<Duplex, ServerResponse>();
  const server = createServer(
    // Host is checked below, so a request without one gets an answer in the same shape.
    { keepAliveTimeout: 5_000, requireHostHeader: false },
    (req, res) => void respond(handler, req, res, maxBodyBytes, answering),
  );
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    // Refuse an over-limit body before the client sends it.
    if (declaredLength(req) > maxBodyBytes) return void tooLarge(req, res, maxBodyBytes);
    res.writeContinue();
    void respond(handler, req, res, maxBodyBytes, answering);
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    sendError(res, 417, `Unsupported Expect header: '${req.headers.expect}'.`, 'expectation_failed', true);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable || answering.get(socket)?.headersSent)
      return void socket.destroy();
    const [status, code] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'request_header_fields_too_large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request_timeout']
          : [400, 'invalid_http_request'];
    const body = errorJson(`The request is not valid HTTP (${error.code}: ${error.message}).`, code);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.on('connection', (socket: Socket) => {
    connectionCount++;
    if (options.unref) socket.unref();
  });
  return listen(
    server,
    'http',
    options,
    () => connectionCount,
    () => server.closeAllConnections(),
  );
}

/**
 * The same handler over HTTP/2 with TLS, through Node's compatibility API (whose request and response
 * behave like HTTP/1's for what `respond` uses). A reset is the stream's, the way an HTTP/2 server fails
 * one request without the others on its connection.
 */
async function serveHttp2(
  handler: MockHandler,
  options: ServeOptions,
  tls: { key: string; cert: string },
): Promise<HandlerServer> {
  const maxBodyBytes = checkMaxBodyBytes(options.maxBodyBytes);
  let connectionCount = 0;
  const sessions = new Set<ServerHttp2Session>();
  const answering = new WeakMap<Duplex, ServerResponse>();
  const server = createSecureServer({ key: tls.key, cert: tls.cert, allowHTTP1: false }, (req, res) => {
    void respond(
      handler,
      req as unknown as IncomingMessage,
      res as unknown as ServerResponse,
      maxBodyBytes,
      answering,
    );
  });
  server.on('session', (session) => {
    connectionCount++;
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
    if (options.unref) session.socket?.unref();
  });
  return listen(
    server,
    'https',
    options,
    () => connectionCount,
    () => {
      for (const session of sessions) session.destroy();
    },
  );
}

/** Listens (port 0 and 127.0.0.1 by default) and describes the server; `dropConnections` runs on close. */
async function listen(
  server: Server | Http2SecureServer,
  scheme: 'http' | 'https',
  options: ServeOptions,
  connections: () => number,
  dropConnections: () => void,
): Promise<HandlerServer> {
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  if (options.unref) server.unref();
  const { port } = server.address() as AddressInfo;
  const origin = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    server,
    url: (path) => `${origin}${path}`,
    get connectionCount() {
      return connections();
    },
    async close() {
      dropConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Whether the request came over HTTP/2 (Node's compatibility request). */
function isHttp2(req: IncomingMessage): boolean {
  return req.httpVersionMajor === 2;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function checkMaxBodyBytes(value: number | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (value === Number.POSITIVE_INFINITY || (Number.isSafeInteger(value) && value >= 0)) return value;
  throw new RangeError(`maxBodyBytes must be a whole number of bytes (0 or more), got ${value}`);
}

async function respond(
  handler: MockHandler,
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  answering: WeakMap<Duplex, ServerResponse>,
): Promise<void> {
  const socket = req.socket;
  answering.set(socket, res);
  res.once('close', () => {
    if (answering.get(socket) === res) answering.delete(socket);
  });
  const gone = new AbortController();
  // Closed before the answer was complete: HTTP/1 says so with `writableFinished`; HTTP/2's compatibility
  // response reports a stream the client reset as finished, so there it is closed before `end()` was called.
  const http2 = isHttp2(req);
  let ended = false;
  res.on('close', () => {
    if (http2 ? !ended : !res.writableFinished) gone.abort();
  });
  const url = requestUrl(req);
  if (typeof url !== 'string') return sendError(res, 400, url.error, url.code, true);
  if (declaredLength(req) > maxBodyBytes) return tooLarge(req, res, maxBodyBytes);
  const body = await readBody(req, maxBodyBytes);
  if (body === 'gone') return;
  if (body === 'too-large') return tooLarge(req, res, maxBodyBytes);
  try {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      // HTTP/2's pseudo-headers (`:path`, `:authority`…) are the request line, not headers.
      if (value !== undefined && !name.startsWith(':'))
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const request = mockRequest({ method: req.method ?? 'GET', url, headers, body }, gone.signal);
    const response = normaliseResponse(await handler(request), request.method);
    res.writeHead(response.status, response.headers.flat());
    if (response.body) {
      for await (const chunk of response.body) {
        if (gone.signal.aborted) break; // leaving the loop runs the iterable's finally
        if (!res.write(chunk)) await drainedOrGone(res, gone.signal);
      }
    }
    ended = true;
    res.end();
  } catch (error) {
    if (isResetConnection(error)) {
      if (isHttp2(req))
        (res as unknown as { stream: { close(code: number): void } }).stream.close(
          http2Constants.NGHTTP2_INTERNAL_ERROR,
        );
      else socket.resetAndDestroy();
    } else if (!res.headersSent) {
      sendError(res, 500, `mock handler failed: ${String(error)}`, null, false, 'server_error');
    } else res.destroy();
  }
}

/** The absolute URL of a request, or why there is none: a bad `Host` or request target. */
function requestUrl(req: IncomingMessage): string | { error: string; code: string } {
  const target = req.url ?? '';
  const host = isHttp2(req) ? (req.headers[':authority'] as string | undefined) : req.headers.host;
  if (/^https?:\/\//i.test(target)) {
    // The absolute form (`GET http://host/path`): its authority wins over Host.
    return URL.canParse(target)
      ? new URL(target).href
      : { error: `Invalid request target: '${target}'.`, code: 'invalid_url' };
  }
  if (!target.startsWith('/')) return { error: `Invalid request target: '${target}'.`, code: 'invalid_url' };
  if (host === undefined) {
    if (req.httpVersion === '1.0') return `http://localhost${target}`;
    return { error: 'Missing Host header.', code: 'invalid_host' };
  }
  // A reg-name or an IP literal, and a port: anything else (a space, `/`, `@`) would change the URL.
  if (
    !/^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::\d{0,5})?$/.test(host) ||
    !URL.canParse(`http://${host}/`)
  )
    return { error: `Invalid Host header: '${host}'.`, code: 'invalid_host' };
  const url = `${isHttp2(req) ? 'https' : 'http'}://${host}${target}`;
  return URL.canParse(url) ? url : { error: `Invalid URL: '${target}'.`, code: 'invalid_url' };
}

function declaredLength(req: IncomingMessage): number {
  const value = req.headers['content-length'];
  return value === undefined ? 0 : Number(value);
}

/** Reads the body, stopping (without keeping more) as soon as it passes the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'gone'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (value: Buffer | 'too-large' | 'gone') => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onGone);
      req.off('error', onGone);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        chunks.length = 0;
        req.pause(); // no more reading: the socket is closed once the 413 is out
        settle('too-large');
      } else chunks.push(chunk);
    };
    const onEnd = () => settle(Buffer.concat(chunks));
    const onGone = () => settle('gone');
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onGone);
    req.once('error', onGone);
  });
}

function tooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  req.pause();
  sendError(
    res,
    413,
    `The request body is too large: the limit is ${limit} bytes.`,
    'request_body_too_large',
    true,
  );
}

/** An error body in OpenAI's shape. */
function errorJson(message: string, code: string | null, type = 'invalid_request_error'): string {
  return JSON.stringify({ error: { message, type, param: null, code } });
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string | null,
  close: boolean,
  type?: string,
): void {
  const body = errorJson(message, code, type);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    // The rest of a refused request is never read: the connection cannot be reused.
    ...(close && !isHttp2(res.req) ? { connection: 'close' } : {}),
  });
  res.end(body);
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
