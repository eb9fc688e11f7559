/**
 * The part of WHATWG fetch the transport uses, typed structurally so that the runtime's global fetch
 * (Node, Deno, Bun, workers, browsers) and node-fetch v3 both fit without `typeof fetch`.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  redirect: 'manual' | 'follow';
  signal: AbortSignal;
  /** Required by WHATWG fetch for a streamed request body. */
  duplex?: 'half';
  /** Anything else the fetch accepts (`dispatcher` for undici's fetch, `agent` for node-fetch). */
  [extra: string]: unknown;
}

export interface FetchResponseLike {
  readonly status: number;
  readonly statusText: string;
  /** `"opaqueredirect"` where a browser hides a manual redirect. */
  readonly type?: string;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  /** A WHATWG stream (global fetch) or a Node stream (node-fetch); `null` for no body. */
  readonly body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null;
}
