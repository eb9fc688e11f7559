/** A request as a mock handler sees it: the body already read, headers with lower-case names. */
export interface MockRequest {
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  /** The path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** The body as UTF-8 text. */
  text(): string;
  /** The body parsed as JSON; throws a `SyntaxError` when it is not JSON. */
  json<T = unknown>(): T;
  /** Fires when the client goes away (aborts, or its connection closes) before the response ended. */
  readonly signal: AbortSignal;
}

/** A response body: text, bytes, a value sent as JSON, or chunks sent as they are produced (streaming). */
export type MockBody =
  | string
  | Uint8Array
  | ArrayBuffer
  | AsyncIterable<Uint8Array | string>
  | object
  | null
  | undefined;

/** What a `MockHandler` answers: status, headers and body, each optional. */
export interface MockResponseInit {
  /** Default 200. */
  status?: number;
  /** A record, or a list of pairs to send one header several times or keep a name's case. */
  headers?: Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>;
  /** An object (not bytes, not an iterable) is sent as JSON with `content-type: application/json`. */
  body?: MockBody;
}

/** Answers one request; thrown `resetConnection()` faults drop the connection instead of answering. */
export type MockHandler = (request: MockRequest) => MockResponseInit | Promise<MockResponseInit>;

/** A response ready to send: header pairs, and the body as chunks (or nothing). */
export interface NormalisedResponse {
  status: number;
  headers: Array<[string, string]>;
  body: AsyncIterable<Uint8Array> | undefined;
}

const encoder = new TextEncoder();

export function normaliseResponse(init: MockResponseInit, method: string): NormalisedResponse {
  const status = init.status ?? 200;
  const headers: Array<[string, string]> = Array.isArray(init.headers)
    ? init.headers.map(([name, value]) => [name, value])
    : Object.entries(init.headers ?? {});
  const has = (name: string) => headers.some(([key]) => key.toLowerCase() === name);
  let body: AsyncIterable<Uint8Array> | undefined;
  const value = init.body instanceof ArrayBuffer ? new Uint8Array(init.body) : init.body;
  if (value === undefined || value === null) body = undefined;
  else if (typeof value === 'string' || value instanceof Uint8Array) {
    const bytes = typeof value === 'string' ? encoder.encode(value) : value;
    if (!has('content-length')) headers.push(['content-length', String(bytes.byteLength)]);
    body = once(bytes);
  } else if (Symbol.asyncIterator in value) {
    body = encodeChunks(value as AsyncIterable<Uint8Array | string>);
  } else {
    const bytes = encoder.encode(JSON.stringify(value));
    if (!has('content-type')) headers.push(['content-type', 'application/json']);
    if (!has('content-length')) headers.push(['content-length', String(bytes.byteLength)]);
    body = once(bytes);
  }
  if (method.toUpperCase() === 'HEAD' || status === 204 || status === 304) body = undefined;
  return { status, headers, body };
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  if (bytes.byteLength > 0) yield bytes;
}

async function* encodeChunks(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/** Builds the request a handler receives. */
export function mockRequest(
  init: { method: string; url: string; headers: Readonly<Record<string, string>>; body: Uint8Array },
  signal: AbortSignal,
): MockRequest {
  const parsed = new URL(init.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers)) headers[name.toLowerCase()] = value;
  let text: string | undefined;
  return {
    method: init.method.toUpperCase(),
    url: init.url,
    path: parsed.pathname,
    query: parsed.searchParams,
    headers,
    body: init.body,
    text: () => {
      text ??= new TextDecoder().decode(init.body);
      return text;
    },
    json<T>() {
      return JSON.parse(this.text()) as T;
    },
    signal,
  };
}
