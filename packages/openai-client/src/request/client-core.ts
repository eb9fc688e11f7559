import type { Transport } from '@wireai/core';
import type { TransportName } from '../resolve-transport.js';

/** Where the client logs: any console-like object. Lines name method, path, status and timing, never headers or bodies. */
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

export interface ClientConfig {
  /** The HTTP stack: a `Transport`, or the name of a wireai transport package, loaded on first use. */
  transport?: Transport | TransportName;
  /** Default `https://api.openai.com/v1`, or `OPENAI_BASE_URL`. */
  baseURL?: string;
  /** Sent as `OpenAI-Organization`. */
  organization?: string;
  /** Sent as `OpenAI-Project`. */
  project?: string;
  /** Headers on every request (a call's own headers win). */
  defaultHeaders?: Record<string, string>;
  /** Query parameters on every request (Azure's `api-version`). */
  defaultQuery?: Record<string, string>;
  /** The model when a call names none. Default `gpt-4.1`, as lua-openai. */
  defaultModel?: string;
  /** Milliseconds per attempt before `APITimeoutError` (default 10 minutes). */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  logger?: Logger;
  /** How the key is sent: `Authorization: Bearer` (default), Azure's `api-key` header, or not at all. */
  auth?: 'bearer' | 'api-key' | 'none';
}

/** What the request pipeline needs of a client; the key stays inside it. */
export interface ClientCore {
  readonly baseURL: string;
  readonly defaultHeaders: Readonly<Record<string, string>>;
  readonly defaultQuery: Readonly<Record<string, string>>;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly logger: Logger | undefined;
  transport(): Promise<Transport>;
  /** The authentication headers (never logged). */
  authHeaders(): Record<string, string>;
}
