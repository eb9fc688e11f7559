import type { ClientRequest, IncomingMessage } from 'node:http';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import {
  formatStatusLine,
  type HopRequest,
  type OpenedResponse,
  rawHeaderPairs,
  runExchange,
  type Source,
  type Transport,
  toHeaderRecord,
} from '@wireai/core';
import axios, { type AxiosInstance, type AxiosProxyConfig } from 'axios';

/** Options of `createAxiosTransport`. */
export interface AxiosTransportOptions {
  /** The axios instance to send with (default: a new one); its interceptors and defaults apply. */
  axios?: AxiosInstance;
  /** An HTTP proxy: a URL such as `http://user:pass@proxy:8080`, or axios' proxy object. Default: none. */
  proxy?: string | AxiosProxyConfig;
  /** Agents for the pool; default: keep-alive agents owned by this transport (`close()` destroys them). */
  httpAgent?: HttpAgent;
  httpsAgent?: HttpsAgent;
  /** Most redirects followed when a request asks for `redirect: true` (default 20). */
  maxRedirects?: number;
}

/** The axios transport: a `Transport` with the axios instance it sends with, and `close()` for its agents. */
export interface AxiosTransport extends Transport {
  /** The axios instance requests go through. */
  readonly axios: AxiosInstance;
  /** Destroys the keep-alive agents this transport created (agents you passed in stay yours). */
  close(): Promise<void>;
}

/** A transport on axios with the Node http adapter and streamed responses. */
export function createAxiosTransport(options: AxiosTransportOptions = {}): AxiosTransport {
  const instance = options.axios ?? axios.create();
  const ownAgents: Array<HttpAgent | HttpsAgent> = [];
  const httpAgent =
    options.httpAgent ?? instance.defaults.httpAgent ?? own(new HttpAgent({ keepAlive: true }));
  const httpsAgent =
    options.httpsAgent ?? instance.defaults.httpsAgent ?? own(new HttpsAgent({ keepAlive: true }));
  const proxy = options.proxy === undefined ? false : toProxyConfig(options.proxy);
  const maxRedirects = options.maxRedirects ?? 20;

  function own<T extends HttpAgent | HttpsAgent>(agent: T): T {
    ownAgents.push(agent);
    return agent;
  }

  // The library-specific half of the contract: one axios request per hop; runExchange keeps the rules
  // (axios never follows redirects itself: the one redirect policy does).
  async function open(hop: HopRequest): Promise<OpenedResponse> {
    const response = await instance.request<Readable>({
      url: hop.url,
      method: hop.method,
      headers: { ...hop.headers },
      data: toData(hop.source),
      responseType: 'stream',
      adapter: 'http',
      decompress: true,
      validateStatus: () => true, // every status resolves at this layer
      maxRedirects: 0,
      // The request's time limit, natively (axios counts it until the response starts; the exchange
      // keeps the deadline for the body); clarified, a timeout is ETIMEDOUT, not ECONNABORTED.
      timeout: hop.timeout ?? 0,
      transitional: { clarifyTimeoutError: true },
      maxBodyLength: Number.POSITIVE_INFINITY,
      maxContentLength: Number.POSITIVE_INFINITY,
      proxy,
      httpAgent,
      httpsAgent,
      transformRequest: [(data) => data],
      transformResponse: [(data) => data],
      // axios takes any EventTarget-like signal: the exchange's `cancel` stops it on abort and at the
      // deadline, even while connecting.
      ...(hop.cancel ? { signal: hop.cancel } : {}),
    });
    const body = response.data;
    // axios' `request` is the last ClientRequest; its `res` is the IncomingMessage with the raw header lines.
    const message = (response.request as { res?: IncomingMessage } | undefined)?.res;
    // axios drops content-encoding once it decoded; the raw lines keep the headers as the server sent them.
    const headers = message
      ? toHeaderRecord(rawHeaderPairs(message.rawHeaders))
      : toHeaderRecord(Object.entries(response.headers));
    return {
      status: response.status,
      headers,
      statusLine: formatStatusLine(
        response.status,
        message?.statusMessage ?? response.statusText,
        message?.httpVersion,
      ),
      body,
      close() {
        // A response abandoned before its end never returns its socket to the pool: close the socket too.
        body.destroy();
        (response.request as ClientRequest | undefined)?.destroy();
      },
    };
  }

  const exchange = { maxRedirects };

  return {
    name: 'axios',
    supportsTimeout: true,
    axios: instance,
    request: (request) => runExchange(request, open, exchange),
    async close() {
      for (const agent of ownAgents) agent.destroy();
    },
  };
}

function toData(source: Source | undefined): string | Buffer | Readable | undefined {
  if (source === undefined || typeof source === 'string') return source;
  if (source instanceof Uint8Array) return Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return Readable.from(source, { objectMode: false });
}

function toProxyConfig(proxy: string | AxiosProxyConfig): AxiosProxyConfig {
  if (typeof proxy !== 'string') return proxy;
  const url = new URL(proxy);
  return {
    protocol: url.protocol.replace(/:$/, ''),
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    ...(url.username
      ? { auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } }
      : {}),
  };
}
