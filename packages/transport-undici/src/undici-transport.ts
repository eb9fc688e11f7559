import { Readable } from 'node:stream';
import {
  formatStatusLine,
  type HopRequest,
  type OpenedResponse,
  runExchange,
  type Source,
  type Transport,
  toHeaderRecord,
} from '@wireai/core';
import { Agent, type Dispatcher, ProxyAgent, request as undiciRequest } from 'undici';
import { decodeBody } from './decode-body.js';

/** Options of `createUndiciTransport`. */
export interface UndiciTransportOptions {
  /**
   * Your own dispatcher (Agent, Pool, ProxyAgent…); `proxy`, `connections`, `keepAliveTimeout`, `allowH2` and
   * `connect` are then ignored.
   */
  dispatcher?: Dispatcher;
  /** An HTTP(S) proxy URL, or undici `ProxyAgent` options. */
  proxy?: string | ProxyAgent.Options;
  /** Most connections per origin (default: unlimited). */
  connections?: number;
  /** How long an idle connection stays in the pool, in ms (undici's default: 4 s). */
  keepAliveTimeout?: number;
  /** Most redirects followed when a request asks for `redirect: true` (default 20). */
  maxRedirections?: number;
  /**
   * Speak HTTP/2 to https origins that offer it (ALPN) (default `false`: HTTP/1.1, as undici). With
   * `connections: 1` every request to an origin is multiplexed on one connection; without it undici's pool
   * opens a connection per concurrent request, each carrying one stream at a time.
   */
  allowH2?: boolean;
  /** TLS and socket options of each connection (undici's `connect`): `ca` to trust a private certificate, say. */
  connect?: Agent.Options['connect'];
}

/** The undici transport: a `Transport` with the dispatcher it sends through, and `close()` for its pool. */
export interface UndiciTransport extends Transport {
  /** The dispatcher requests go through. */
  readonly dispatcher: Dispatcher;
  /** Closes the pool this transport created (a dispatcher you passed in stays yours to close). */
  close(): Promise<void>;
}

// The contract leaves time limits to the caller (its `timeout` or signal): a reasoning model may think
// for minutes, so the pool sets none of its own.
const noLibraryTimeouts = { headersTimeout: 0, bodyTimeout: 0 } as const;

/** A transport on `undici.request` with a pooled dispatcher of its own (or yours). */
export function createUndiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const owned = options.dispatcher === undefined;
  const dispatcher = options.dispatcher ?? createDispatcher(options);
  const exchange = { maxRedirects: options.maxRedirections ?? 20 };
  const openHop = (hop: HopRequest) => open(hop, dispatcher, options.allowH2 === true);

  return {
    name: 'undici',
    supportsTimeout: true,
    dispatcher,
    request: (request) => runExchange(request, openHop, exchange),
    async close() {
      if (owned) await dispatcher.close();
    },
  };
}

function createDispatcher(options: UndiciTransportOptions): Dispatcher {
  if (options.proxy !== undefined) {
    const proxy = typeof options.proxy === 'string' ? { uri: options.proxy } : options.proxy;
    return new ProxyAgent({ ...noLibraryTimeouts, ...proxy });
  }
  return new Agent({
    ...noLibraryTimeouts,
    ...(options.allowH2 === undefined ? {} : { allowH2: options.allowH2 }),
    ...(options.connect === undefined ? {} : { connect: options.connect }),
    ...(options.connections === undefined ? {} : { connections: options.connections }),
    ...(options.keepAliveTimeout === undefined ? {} : { keepAliveTimeout: options.keepAliveTimeout }),
  });
}

// The library-specific half of the contract: one undici request per hop; runExchange keeps the rules.
async function open(hop: HopRequest, dispatcher: Dispatcher, allowH2: boolean): Promise<OpenedResponse> {
  const response = await undiciRequest(hop.url, {
    method: hop.method as Dispatcher.HttpMethod,
    headers: withAcceptEncoding(hop.headers),
    body: toBody(hop.source, allowH2 && !PAYLOAD_METHODS.has(hop.method.toUpperCase())),
    // undici takes any EventTarget-like signal: the exchange's `cancel` stops it on abort and at the
    // deadline, even while connecting, and costs no AbortController.
    signal: (hop.cancel ?? null) as AbortSignal | null,
    dispatcher,
    // The request's own time limit, natively: undici stops waiting for headers, or for a stalled body,
    // by itself (the exchange keeps the overall deadline, which a trickling body would not trip).
    headersTimeout: hop.timeout ?? 0,
    bodyTimeout: hop.timeout ?? 0,
  });
  // Destroying the body emits 'error' once nothing reads it any more; the reader saw the real one.
  response.body.on('error', ignore);
  const { statusCode: status } = response;
  const headers = toHeaderRecord(response.headers);
  const bodiless = hop.method.toUpperCase() === 'HEAD' || status === 204 || status === 304;
  const body = decodeBody(response.body, headers['content-encoding'], bodiless);
  return {
    status,
    headers,
    statusLine: formatStatusLine(status),
    body,
    close() {
      body.destroy();
      response.body.destroy();
    },
  };
}

function ignore(): void {}

// undici.request, unlike fetch and axios, asks for no compression; large JSON (embeddings, long
// completions) would cross the network as is. The request's own accept-encoding, any case, wins.
const ACCEPT_ENCODING = 'gzip, deflate, br';
function withAcceptEncoding(headers: Readonly<Record<string, string>>): Record<string, string> {
  for (const name in headers)
    if (name.length === 15 && name.toLowerCase() === 'accept-encoding')
      return headers as Record<string, string>;
  return { ...headers, 'accept-encoding': ACCEPT_ENCODING };
}

// undici's HTTP/2 client sends a sized body only for these methods (it asserts on a DELETE's string body).
const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);

// Strings and bytes go as they are (undici sets content-length); an async iterable streams, chunked. With
// HTTP/2 allowed, a body on another method streams too, the one form undici's HTTP/2 client sends for it.
function toBody(source: Source | undefined, stream: boolean): string | Uint8Array | Readable | null {
  if (source === undefined) return null;
  if (!stream && (typeof source === 'string' || source instanceof Uint8Array)) return source;
  return Readable.from(typeof source === 'string' || source instanceof Uint8Array ? [source] : source, {
    objectMode: false,
  });
}
