import { setTimeout as sleep } from 'node:timers/promises';
import { resetConnection } from '../mock/faults.js';
import type { MockHandler, MockRequest, MockResponseInit } from '../mock/mock-handler.js';
import { type HandlerServer, type ServeOptions, serveHandler } from '../mock/serve-handler.js';
import { redactHeaders, redactUrlSecrets } from '../redact.js';
import { MAX_JSON_DEPTH, type ReadBody, readJsonBody } from './json-body.js';
import { EndpointError, openaiError } from './openai-error.js';
import { DEFAULT_REQUEST_LOG_SIZE, RingBuffer } from './request-log.js';
import type {
  EndpointContext,
  EndpointRequest,
  Fault,
  MockStore,
  RouteResult,
  ScriptedReply,
} from './route-result.js';
import {
  createAssistant,
  createThread,
  createThreadMessage,
  deleteThread,
  getThread,
  listAssistants,
  listThreadMessages,
  listThreads,
} from './routes/assistants.js';
import { createChatCompletion } from './routes/chat-completions.js';
import { createCompletion } from './routes/completions.js';
import { createEmbedding } from './routes/embeddings.js';
import { deleteFile, getFile, listFiles, uploadFile } from './routes/files.js';
import { createImage } from './routes/images.js';
import { getModel, listModels } from './routes/models.js';
import { createModeration } from './routes/moderations.js';
import { cancelResponse, createResponse, deleteResponse, getResponse } from './routes/responses.js';
import { jsonEvent, serialiseEvent } from './sse-out.js';

type Endpoint = (
  request: EndpointRequest,
  context: EndpointContext,
  scripted?: ScriptedReply,
) => RouteResult | Promise<RouteResult>;

/** The endpoints, keyed `METHOD /path` below `/v1`, `:name` for a path parameter. */
const ENDPOINTS: Record<string, Endpoint> = {
  'POST /chat/completions': createChatCompletion,
  'POST /responses': createResponse,
  'GET /responses/:id': getResponse,
  'DELETE /responses/:id': deleteResponse,
  'POST /responses/:id/cancel': cancelResponse,
  'POST /completions': createCompletion,
  'POST /embeddings': createEmbedding,
  'POST /moderations': createModeration,
  'GET /models': listModels,
  'GET /models/:model': getModel,
  'GET /files': listFiles,
  'POST /files': uploadFile,
  'GET /files/:id': getFile,
  'DELETE /files/:id': deleteFile,
  'POST /images/generations': createImage,
  'GET /assistants': listAssistants,
  'POST /assistants': createAssistant,
  'GET /threads': listThreads,
  'POST /threads': createThread,
  'GET /threads/:id': getThread,
  'DELETE /threads/:id': deleteThread,
  'GET /threads/:id/messages': listThreadMessages,
  'POST /threads/:id/messages': createThreadMessage,
};

/** A route key as `script()` and `handle()` take it, e.g. `'POST /chat/completions'` or `'GET /files/:id'`. */
export type RouteKey = keyof typeof ENDPOINTS | (string & {});

/** A request the mock received, with secrets redacted, for assertions. */
export interface RecordedOpenAIRequest {
  method: string;
  /** The path below the origin, e.g. `/v1/chat/completions`. */
  path: string;
  /** The route it matched, e.g. `POST /files/:id`; undefined for an unknown path. */
  route: string | undefined;
  /** Lower-case names; `authorization`, `api-key` and other secrets are `[redacted]`. */
  headers: Record<string, string>;
  /** The parsed JSON body; for a multipart upload, its fields and file names; else the text. */
  body: unknown;
}

/** A custom answer for a route: a scripted reply, a raw response, or `undefined` for the default. */
export type RouteHandler = (
  request: EndpointRequest,
) => ScriptedReply | MockResponseInit | undefined | Promise<ScriptedReply | MockResponseInit | undefined>;

/** Options of `createMockOpenAI` and `startMockOpenAI`. */
export interface MockOpenAIOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (or `api-key`), else 401 as the API answers. */
  apiKey?: string;
  /** Wait this long before answering every request. */
  latencyMs?: number;
  /** Wait this long between stream events. */
  chunkDelayMs?: number;
  /** Answer CORS preflights and allow every origin (default true), so browser tests can call it. */
  cors?: boolean;
  /**
   * How many requests `requests` keeps: the last `size` (default 1000), so a long-running mock does not
   * keep every body. `0` keeps none, `Infinity` every one.
   */
  requestLog?: { size?: number };
  /**
   * What the mock waits with (latency, fault delays, chunk pacing): a test passes a `sleep` that records
   * the delays and returns at once, to assert them as values. Default: a real timer.
   */
  clock?: MockClock;
}

/** The mock's waits; `sleep` settles early (and quietly) when `signal` fires: the client went away. */
export interface MockClock {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: MockClock = {
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : {}).catch(() => undefined),
};

/** The largest request body `startMockOpenAI` accepts by default: 32 MiB (a larger one gets 413). */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** An in-memory mock of the OpenAI API: scriptable replies and faults, and a log of the requests. */
export interface MockOpenAI {
  /** The mock as a handler: serve it over HTTP (`startMockOpenAI`) or in memory (`createMockTransport`). */
  readonly handler: MockHandler;
  /**
   * The requests received, oldest first: the last `requestLog.size` (default 1000) since the start or
   * `reset()`. Each read returns a fresh copy.
   */
  readonly requests: readonly RecordedOpenAIRequest[];
  /** How many requests were received since the start or `reset()`, whether `requests` still keeps them. */
  readonly requestCount: number;
  /**
   * Queues replies for a route, used one per request in order; the default reply resumes after. A request
   * failed by a queued `fault()` does not use one up: it stays for the retry.
   */
  script(route: RouteKey, ...replies: ScriptedReply[]): this;
  /** Answers a route with `handler` until `reset()`; returning `undefined` falls back to the default. */
  handle(route: RouteKey, handler: RouteHandler): this;
  /**
   * Queues faults for the next requests, whatever their route: one fault per request, in order. A fault
   * that fails the request (an error status, a reset, a cut or broken body) leaves the route's scripted
   * reply queued; one that only delays or adds headers delivers it.
   */
  fault(...faults: Fault[]): this;
  /** Forgets scripts, handlers, faults, recorded requests (and their count) and stored objects. */
  reset(): void;
}

/** The mock OpenAI API served over HTTP on loopback, as `startMockOpenAI` resolves it. */
export interface MockOpenAIServer extends MockOpenAI, HandlerServer {
  /** The base URL to give a client: `http://127.0.0.1:<port>/v1`. */
  readonly baseURL: string;
}

const PROCESSING_MS = '12';

/** The OpenAI API, mocked in memory: deterministic defaults, scripted replies and fault injection. */
export function createMockOpenAI(options: MockOpenAIOptions = {}): MockOpenAI {
  const requests = new RingBuffer<RecordedOpenAIRequest>(
    options.requestLog?.size ?? DEFAULT_REQUEST_LOG_SIZE,
  );
  const scripts = new Map<string, ScriptedReply[]>();
  const handlers = new Map<string, RouteHandler>();
  const faults: Fault[] = [];
  let store = emptyStore();
  let counter = 0;
  const cors = options.cors ?? true;
  const context: EndpointContext = {
    id: (prefix) => `${prefix}_${(++counter).toString(36).padStart(8, '0')}mock`,
    now: () => Math.floor(Date.now() / 1000),
    get store() {
      return store;
    },
  };

  const clock = options.clock ?? realClock;
  const handler: MockHandler = async (raw) => {
    const requestId = `req_${(++counter).toString(16).padStart(12, '0')}`;
    const common: Array<[string, string]> = [
      ['x-request-id', requestId],
      ['openai-version', '2020-10-01'],
      ['openai-processing-ms', PROCESSING_MS],
    ];
    if (cors) {
      common.push(
        ['access-control-allow-origin', '*'],
        ['access-control-expose-headers', 'x-request-id, openai-processing-ms, retry-after, retry-after-ms'],
      );
    }
    if (raw.method === 'OPTIONS' && cors) {
      return {
        status: 204,
        headers: [
          ...common,
          ['access-control-allow-methods', 'GET, POST, DELETE, OPTIONS'],
          ['access-control-allow-headers', raw.headers['access-control-request-headers'] ?? '*'],
          ['access-control-max-age', '600'],
        ],
      };
    }

    const path = raw.path.startsWith('/v1/') ? raw.path.slice(3) : undefined;
    const routing = path === undefined ? undefined : matchRoute(raw.method, path);
    const match = routing && 'key' in routing ? routing : undefined;
    const multipart = isMultipart(raw);
    const read = multipart ? undefined : readJsonBody(raw.body, () => raw.text());
    const redacted = new URL(redactUrlSecrets(raw.url));
    requests.push({
      method: raw.method,
      path: redacted.pathname + (raw.query.size > 0 ? redacted.search : ''),
      route: match?.key,
      headers: redactHeaders(raw.headers),
      body: await recordedBody(raw, read),
    });

    const queuedFault = faults.shift();
    const replies = match ? scripts.get(match.key) : undefined;
    // A scripted reply is used up only by a request that delivers it: a queued fault that fails the
    // request leaves it queued, so the client's retry gets it (a cut body still shows its start).
    const scripted = queuedFault && failsRequest(queuedFault) ? replies?.[0] : replies?.shift();
    const fault = queuedFault ?? scripted?.fault;
    const delay = (options.latencyMs ?? 0) + (fault?.delayMs ?? 0);
    if (delay > 0) await clock.sleep(delay, raw.signal);
    // The client left during the delay: answer nobody, and do not run a route (or a test's handler) for it.
    if (raw.signal.aborted) return { status: 499 };

    let result: RouteResult | MockResponseInit;
    try {
      if (fault?.reset === 'before-headers') throw resetConnection();
      const early = faultResponse(fault);
      if (early) result = early;
      else if (!authorised(raw, options.apiKey)) result = unauthorised(raw);
      else if (!match) result = unrouted(raw, routing);
      else result = await run(match, raw, read, scripted);
    } catch (error) {
      if (error instanceof EndpointError) result = error.result;
      else throw error;
    }
    return respond(result, common, fault, options.chunkDelayMs ?? 0, raw.signal, clock);
  };

  async function run(
    match: { key: string; params: Record<string, string> },
    raw: MockRequest,
    read: ReadBody | undefined,
    scripted: ScriptedReply | undefined,
  ): Promise<RouteResult | MockResponseInit> {
    // Uploads read their multipart body themselves.
    const body = match.key === 'POST /files' ? {} : parseBody(raw, read);
    const request: EndpointRequest = { raw, body, params: match.params };
    const custom = await handlers.get(match.key)?.(request);
    const reply = custom ?? scripted;
    if (reply && isResponseInit(reply)) return reply;
    if (reply && 'json' in reply)
      return { kind: 'json', status: reply.status ?? 200, body: reply.json, headers: reply.headers ?? {} };
    if (reply && 'error' in reply) {
      const { status, message, type, code, param } = reply.error;
      const result = openaiError(status, message, {
        ...(type ? { type } : {}),
        code: code ?? null,
        param: param ?? null,
      });
      return { ...result, headers: reply.headers ?? {} };
    }
    if (reply && 'events' in reply) {
      const events = reply.events.map(({ event, data }) =>
        typeof data === 'string' ? { ...(event ? { event } : {}), data } : jsonEvent(data, event),
      );
      return {
        kind: 'sse',
        events,
        terminalFrom: events.length,
        errorEvent: (message) => jsonEvent({ error: { message } }, 'error'),
      };
    }
    const endpoint = ENDPOINTS[match.key] as Endpoint;
    return endpoint(request, context, reply as ScriptedReply | undefined);
  }

  return {
    handler,
    get requests() {
      return requests.toArray();
    },
    get requestCount() {
      return requests.total;
    },
    script(route, ...replies) {
      const key = normaliseKey(route);
      scripts.set(key, [...(scripts.get(key) ?? []), ...replies]);
      return this;
    },
    handle(route, routeHandler) {
      handlers.set(normaliseKey(route), routeHandler);
      return this;
    },
    fault(...more) {
      faults.push(...more);
      return this;
    },
    reset() {
      requests.clear();
      scripts.clear();
      handlers.clear();
      faults.length = 0;
      store = emptyStore();
    },
  };
}

/** Starts the mock on a real HTTP server (127.0.0.1, port 0 unless given). */
export async function startMockOpenAI(
  options: MockOpenAIOptions & ServeOptions = {},
): Promise<MockOpenAIServer> {
  const mock = createMockOpenAI(options);
  const served = await serveHandler(mock.handler, {
    ...options,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  return Object.assign(mock, {
    origin: served.origin,
    server: served.server,
    url: served.url,
    baseURL: `${served.origin}/v1`,
    close: served.close,
    get connectionCount() {
      return served.connectionCount;
    },
  });
}

function emptyStore(): MockStore {
  return {
    responses: new Map(),
    files: new Map(),
    assistants: new Map(),
    threads: new Map(),
    messages: new Map(),
  };
}

function normaliseKey(route: string): string {
  const [method = '', path = ''] = route.trim().split(/\s+/);
  return `${method.toUpperCase()} ${path.replace(/^\/v1(?=\/)/, '')}`;
}

type Routing =
  | { key: string; params: Record<string, string> }
  | { badEncoding: true }
  | { allowed: string[] }
  | undefined;

/** The route of `METHOD /path` (below `/v1`), else why there is none. */
function matchRoute(method: string, path: string): Routing {
  let parts: string[];
  try {
    parts = path
      .split('/')
      .filter(Boolean)
      .map((part) => decodeURIComponent(part));
  } catch {
    return { badEncoding: true }; // `%E0%A4%A`, `%zz`: not a URL any client should send
  }
  const allowed: string[] = [];
  for (const key of Object.keys(ENDPOINTS)) {
    const [routeMethod = '', pattern = ''] = key.split(' ');
    const expected = pattern.split('/').filter(Boolean);
    if (expected.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const same = expected.every((segment, index) => {
      const actual = parts[index] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = actual;
        return true;
      }
      return segment === actual;
    });
    if (!same) continue;
    if (routeMethod === method) return { key, params };
    allowed.push(routeMethod);
  }
  return allowed.length > 0 ? { allowed } : undefined;
}

/** The answer to a request no route takes: a bad URL (400), a known path's other method (405), else 404. */
function unrouted(raw: MockRequest, routing: Routing): RouteResult {
  if (routing && 'badEncoding' in routing) {
    return openaiError(400, `Invalid URL (${raw.method} ${raw.path}): malformed percent-encoding.`, {
      code: 'invalid_url',
    });
  }
  if (routing && 'allowed' in routing) {
    const allow = routing.allowed.join(', ');
    return {
      ...openaiError(405, `Method not allowed (${raw.method} ${raw.path}); this path takes ${allow}.`, {
        code: 'method_not_allowed',
      }),
      headers: { allow },
    };
  }
  return openaiError(404, `Invalid URL (${raw.method} ${raw.path})`);
}

function isMultipart(raw: MockRequest): boolean {
  return (raw.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** `application/json`, `application/merge-patch+json` and the like. */
function isJsonType(contentType: string): boolean {
  const media = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return media === 'application/json' || media.endsWith('+json');
}

/** The JSON object a JSON endpoint expects, else the 400 the API answers. */
function parseBody(raw: MockRequest, read: ReadBody | undefined): Record<string, unknown> {
  if (raw.body.byteLength === 0) return {};
  const contentType = raw.headers['content-type'];
  // A body without a type is read as JSON, as the API does.
  if (read === undefined || (contentType !== undefined && !isJsonType(contentType))) {
    throw new EndpointError(
      openaiError(
        400,
        `Unsupported content type: '${contentType}'. This API method only accepts 'application/json' requests, but you specified the header 'Content-Type: ${contentType}'. Please try again with a supported content type.`,
        { code: 'unsupported_content_type' },
      ),
    );
  }
  if (read.kind === 'empty') return {};
  if (read.kind === 'too-deep') {
    throw new EndpointError(
      openaiError(400, `The JSON body of your request nests deeper than ${MAX_JSON_DEPTH} levels.`, {
        code: 'json_too_deep',
      }),
    );
  }
  if (read.kind === 'invalid-json') {
    throw new EndpointError(
      openaiError(
        400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
      ),
    );
  }
  const value = read.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EndpointError(openaiError(400, 'The request body must be a JSON object.'));
  }
  return value as Record<string, unknown>;
}

async function recordedBody(raw: MockRequest, read: ReadBody | undefined): Promise<unknown> {
  if (raw.body.byteLength === 0) return undefined;
  const type = raw.headers['content-type'] ?? '';
  if (read === undefined) {
    try {
      const form = await new Response(raw.body, { headers: { 'content-type': type } }).formData();
      const fields: Record<string, unknown> = {};
      form.forEach((value, name) => {
        fields[name] =
          typeof value === 'string' ? value : { filename: value.name, size: value.size, type: value.type };
      });
      return fields;
    } catch {
      return raw.text();
    }
  }
  return read.kind === 'json' ? read.value : raw.text();
}

function authorised(raw: MockRequest, apiKey: string | undefined): boolean {
  if (apiKey === undefined) return true;
  return raw.headers.authorization === `Bearer ${apiKey}` || raw.headers['api-key'] === apiKey;
}

function unauthorised(raw: MockRequest): RouteResult {
  if (!raw.headers.authorization && !raw.headers['api-key']) {
    return openaiError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    );
  }
  // The real API echoes a masked key; the mock names none, so no secret reaches a test log.
  return openaiError(401, 'Incorrect API key provided.', { code: 'invalid_api_key' });
}

// A raw response (what a MockHandler returns) rather than a scripted reply: it has no scripted-reply key.
function isResponseInit(value: object): value is MockResponseInit {
  return (
    !('json' in value) && !('error' in value) && ('body' in value || 'status' in value || 'headers' in value)
  );
}

/** Whether a fault keeps a reply from arriving whole: an error status, a reset, a cut or broken body. */
function failsRequest(fault: Fault): boolean {
  return (
    (fault.status !== undefined && fault.status >= 300) ||
    fault.reset !== undefined ||
    fault.truncate === true ||
    fault.errorEvent !== undefined ||
    fault.malformedJson === true ||
    fault.html === true ||
    fault.hugeBody !== undefined
  );
}

function faultResponse(fault: Fault | undefined): RouteResult | MockResponseInit | undefined {
  if (!fault) return undefined;
  if (fault.html) {
    const status = fault.status ?? 502;
    return {
      status,
      headers: { 'content-type': 'text/html' },
      body: `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`,
    };
  }
  if (fault.status !== undefined && fault.status >= 300) {
    return openaiError(fault.status, fault.message, {
      ...(fault.type ? { type: fault.type } : {}),
      ...(fault.code !== undefined ? { code: fault.code } : {}),
    });
  }
  if (fault.malformedJson) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"id": "chatcmpl-broken", "object": "chat.completion", "choices": [',
    };
  }
  if (fault.hugeBody !== undefined) {
    const size = fault.hugeBody;
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: (async function* () {
        yield '{"object":"padding","data":"';
        for (let left = size; left > 0; left -= 65_536) yield 'A'.repeat(Math.min(65_536, left));
        yield '"}';
      })(),
    };
  }
  return undefined;
}

function respond(
  result: RouteResult | MockResponseInit,
  common: Array<[string, string]>,
  fault: Fault | undefined,
  defaultChunkDelay: number,
  signal: AbortSignal,
  clock: MockClock,
): MockResponseInit {
  const headers: Array<[string, string]> = [...common];
  if (fault?.retryAfter !== undefined) headers.push(['retry-after', String(fault.retryAfter)]);
  if (fault?.retryAfterMs !== undefined) headers.push(['retry-after-ms', String(fault.retryAfterMs)]);
  if (fault?.shouldRetry !== undefined) headers.push(['x-should-retry', String(fault.shouldRetry)]);
  const chunkDelay = fault?.chunkDelayMs ?? defaultChunkDelay;

  if (!('kind' in result)) {
    const own = Array.isArray(result.headers) ? result.headers : Object.entries(result.headers ?? {});
    return { ...result, headers: [...headers, ...own] };
  }
  if (result.kind === 'json') {
    headers.push(['content-type', 'application/json'], ...Object.entries(result.headers ?? {}));
    const text = JSON.stringify(result.body);
    const cut = fault?.truncate ? text.slice(0, Math.floor(text.length / 2)) : text;
    if (!fault?.truncate && typeof fault?.reset !== 'object' && chunkDelay === 0) {
      return { status: result.status ?? 200, headers, body: text };
    }
    return { status: result.status ?? 200, headers, body: paced([cut], fault, chunkDelay, signal, clock) };
  }
  headers.push(['content-type', 'text/event-stream; charset=utf-8'], ['cache-control', 'no-cache']);
  let events = result.events;
  if (fault?.errorEvent) {
    const { afterEvents, message = 'The server had an error while processing your request.' } =
      fault.errorEvent;
    events = [...events.slice(0, afterEvents), result.errorEvent(message)];
  } else if (fault?.truncate) events = events.slice(0, result.terminalFrom);
  return { status: 200, headers, body: paced(events.map(serialiseEvent), fault, chunkDelay, signal, clock) };
}

/** Sends pieces with the fault's pacing; a reset after N bytes drops the connection there. */
async function* paced(
  pieces: string[],
  fault: Fault | undefined,
  delay: number,
  signal: AbortSignal,
  clock: MockClock,
): AsyncGenerator<string | Uint8Array> {
  const resetAfter = typeof fault?.reset === 'object' ? fault.reset.afterBytes : Number.POSITIVE_INFINITY;
  let sent = 0;
  for (const [index, piece] of pieces.entries()) {
    if (index > 0 && delay > 0) {
      await clock.sleep(delay, signal);
      if (signal.aborted) return;
    }
    const bytes = Buffer.byteLength(piece);
    if (sent + bytes > resetAfter) {
      const keep = Buffer.from(piece).subarray(0, resetAfter - sent);
      if (keep.length > 0) yield keep;
      await sleep(10); // let the bytes reach the client before the reset
      throw resetConnection();
    }
    sent += bytes;
    yield piece;
  }
}
