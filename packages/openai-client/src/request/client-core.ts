import type { Transport } from '@wireai/core';
import type { TransportName } from '../resolve-transport.js';
import type { StreamFraming } from '../streaming/sse-framing.js';
import type { HeaderLayer } from './headers.js';
import type { RetryClock } from './retry.js';
import type { TokenProvider } from './token-provider.js';

/** Where the client logs: any console-like object. Lines name method, path, status and timing, never headers or bodies. */
export interface Logger {
  /** Each request as it is sent, and its status, timing and request ID when it answers. */
  debug?(message: string): void;
  /** Informational lines; the client writes none today, but any console-like object fits. */
  info?(message: string): void;
  /** A failed attempt or a retryable status, and the delay before the next retry. */
  warn?(message: string): void;
  /** Errors; the client writes none today (it returns or throws failures), but a console-like object fits. */
  error?(message: string): void;
}

/** The options of `new OpenAI(apiKey, config)`; one left out comes from the provider preset or a default. */
export interface ClientConfig {
  /** The HTTP stack: a `Transport`, or the name of a wireai transport package, loaded on first use. */
  transport?: Transport | TransportName;
  /** Default `https://api.openai.com/v1`, or `OPENAI_BASE_URL` (the OpenAI and Azure presets). */
  baseURL?: string;
  /** Sent as `OpenAI-Organization`; default `OPENAI_ORG_ID` (the OpenAI and Azure presets). */
  organization?: string;
  /** Sent as `OpenAI-Project`; default `OPENAI_PROJECT_ID` (the OpenAI and Azure presets). */
  project?: string;
  /**
   * Azure: the resource endpoint, `https://<resource>.openai.azure.com` (default `AZURE_OPENAI_ENDPOINT`
   * with the Azure preset). The base URL becomes `<endpoint>/openai/v1`, or `<endpoint>/openai` with a
   * `deployment`. Not together with `baseURL`.
   */
  endpoint?: string;
  /**
   * Azure: a model deployment. A `POST` to a deployment-scoped operation (chat completions, completions,
   * embeddings, audio, image generations, batches) goes to `/deployments/<deployment>/…`, as openai-node's
   * `deployment` option. Requires `apiVersion` (or `OPENAI_API_VERSION`).
   */
  deployment?: string;
  /** Sent as the `api-version` query parameter; default `OPENAI_API_VERSION` with the Azure preset. */
  apiVersion?: string;
  /**
   * Returns a bearer token, asked before each attempt (Microsoft Entra ID for Azure, or any rotating
   * token) and sent as `Authorization: Bearer`, in place of the key. Not together with an `apiKey`.
   */
  tokenProvider?: TokenProvider;
  /**
   * Headers on every request. Names match whatever their case: these win over the preset's, a call's own
   * win over these; `null` removes one (a preset's, say).
   */
  defaultHeaders?: HeaderLayer;
  /** Query parameters on every request (Azure's `api-version`). */
  defaultQuery?: Record<string, string>;
  /** The model when a call names none. Default `gpt-4.1`, as lua-openai. */
  defaultModel?: string;
  /** Milliseconds per attempt before `APITimeoutError`: finite, > 0, ≤ 2³¹−1 (default 10 minutes). */
  timeout?: number;
  /** Retries after the first attempt: an integer ≥ 0 (default 2). */
  maxRetries?: number;
  /**
   * The largest non-streaming response body, in bytes after decompression (default 256 MiB). Past it the
   * request stops at once with a `LimitExceededError`; a gzip bomb stops there too.
   */
  maxBodyBytes?: number;
  /**
   * The longest line, and the longest data of one event, of a streamed response, in characters (default
   * 64 Mi). Past it the stream stops with a `LimitExceededError`; a stream within it is unaffected however long.
   */
  maxEventSize?: number;
  /**
   * How streamed replies are split into events: `'strict'` (WHATWG, the default unless the preset says
   * otherwise) or `'lenient'`, for servers that end each `data:` line with one line break and send no
   * blank line between events (see `StreamFraming`). A call's `sseFraming` wins over this.
   */
  sseFraming?: StreamFraming;
  /**
   * Where to log requests and retries (see `Logger`). Without one, `OPENAI_LOG` (`error`, `warn`, `info`,
   * `debug`) logs to the console at that level; unset, nothing is logged.
   */
  logger?: Logger;
  /**
   * The clock retries read and wait with: `now` (to read a `Retry-After` date), `random` (the backoff's
   * jitter) and `sleep`. Each one left out is the real one. A test injects a `sleep` that records the
   * scheduled delays and returns at once, so retries are asserted as values without waiting.
   */
  clock?: Partial<RetryClock>;
  /** How the key is sent: `Authorization: Bearer` (default), Azure's `api-key` header, or not at all. */
  auth?: 'bearer' | 'api-key' | 'none';
  /**
   * `true`: every call rejects a non-2xx answer with its `APIError` subclass (`RateLimitError`,
   * `NotFoundError`…) instead of resolving `{ ok: false }`. Default `false`: every status resolves a
   * `Result`, as lua-openai returns it. A call's own `throwOnError` wins.
   */
  throwOnError?: boolean;
}

/** What the request pipeline needs of a client; the key stays inside it. */
export interface ClientCore {
  readonly baseURL: string;
  readonly defaultHeaders: Readonly<Record<string, string>>;
  readonly defaultQuery: Readonly<Record<string, string>>;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly maxBodyBytes: number;
  readonly maxEventSize: number;
  /** Absent: `'strict'`. */
  readonly sseFraming?: StreamFraming;
  readonly logger: Logger | undefined;
  transport(): Promise<Transport>;
  /** The authentication headers (never logged). */
  authHeaders(): Record<string, string>;
  /** The client's `throwOnError`: a non-2xx answer rejects unless the call says otherwise. */
  readonly throwOnError?: boolean;
  /** Authentication asked for before each attempt (a token provider's bearer token); never logged. */
  attemptAuthHeaders?(): Promise<Record<string, string>>;
  /** Rewrites a request's path before the URL is built (Azure's deployments). */
  routePath?(method: string, path: string): string;
  /** The clock retries wait with; tests inject one so no test sleeps on real time. */
  readonly clock?: Partial<RetryClock>;
}
