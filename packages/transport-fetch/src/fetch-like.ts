/**
 * The part of WHATWG fetch the transport uses, typed structurally so that the runtime's global fetch
 * (Node, Deno, Bun, workers, browsers) and node-fetch v3 both fit without `typeof fetch`.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/**
 * What the transport passes as `init`. `body`, when there is one, is a string, a `Uint8Array` or (with
 * `streamRequestBody`) a `ReadableStream<Uint8Array>`. It is left to the index signature on purpose: a
 * declared `body` would have to fit every fetch's own body type, and node-fetch's types list `Buffer`
 * but not `Uint8Array` or WHATWG streams (its code takes both), so node-fetch would not fit without a cast.
 */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  redirect: 'manual' | 'follow';
  signal?: AbortSignal;
  /** Required by WHATWG fetch for a streamed request body. */
  duplex?: 'half';
  /** `body`, and anything else the fetch accepts (`dispatcher` for undici's fetch, `agent` for node-fetch). */
  [extra: string]: unknown;
}

/** The part of a fetch `Response` the transport reads; the global fetch's and node-fetch's both fit. */
export interface FetchResponseLike {
  readonly status: number;
  readonly statusText: string;
  /** `"opaqueredirect"` where a browser hides a manual redirect. */
  readonly type?: string;
  /** The response headers; only `forEach` is used, which both `Headers` implementations have. */
  readonly headers: {
    /** Calls `callback` with each header's value and name. */
    forEach(callback: (value: string, name: string) => void): void;
  };
  /**
   * A WHATWG stream (global fetch) or a Node stream (node-fetch, typed as yielding strings or Buffers;
   * strings are encoded as UTF-8); `null` for no body.
   */
  readonly body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | null;
}
