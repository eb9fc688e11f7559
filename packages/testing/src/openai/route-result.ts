import type { MockRequest } from '../mock/mock-handler.js';

/** One server-sent event as the mock writes it. */
export interface SseOut {
  event?: string;
  data: string;
}

/** What an endpoint answers, before faults and serialisation. */
export type RouteResult =
  | { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
  | {
      kind: 'sse';
      events: SseOut[];
      /** Index of the first terminal event (`[DONE]`, `response.completed`): a truncated stream stops before it. */
      terminalFrom: number;
      /** The event a mid-stream `error` fault injects. */
      errorEvent: (message: string) => SseOut;
    };

/** A scripted reply: what the next request to a route answers instead of the default. */
export type ScriptedReply = (ScriptedContent & { fault?: Fault }) | { fault: Fault };

/** What a scripted reply answers with, one of these shapes, each rendered in the route's own format. */
export type ScriptedContent =
  /** Assistant text (chat, Responses, completions); streamed word by word when the request streams. */
  | { text: string; finishReason?: string }
  /** Tool calls (chat `tool_calls`, Responses `function_call` items). */
  | { toolCalls: Array<{ name: string; arguments: string | object; id?: string }> }
  /** A legacy chat `function_call`. */
  | { functionCall: { name: string; arguments: string | object } }
  /** A raw JSON body. */
  | { json: unknown; status?: number; headers?: Record<string, string> }
  /** A raw event stream. */
  | { events: Array<{ event?: string; data: string | object }> }
  /** An OpenAI-shaped error. */
  | {
      error: { status: number; message: string; type?: string; code?: string | null; param?: string | null };
      headers?: Record<string, string>;
    };

/**
 * A fault injected into one response. Several fields combine (a delay, then a 429 with `Retry-After`).
 */
export interface Fault {
  /** Answer with this status and an OpenAI error body (the endpoint is not run). */
  status?: number;
  /** The error message, type and code for `status` (defaults per status). */
  message?: string;
  type?: string;
  code?: string | null;
  /** `Retry-After` in seconds and `retry-after-ms`, on any response. */
  retryAfter?: number;
  retryAfterMs?: number;
  /** Sets `x-should-retry`. */
  shouldRetry?: boolean;
  /** Wait before sending the headers. */
  delayMs?: number;
  /** Wait between stream events (or body chunks). */
  chunkDelayMs?: number;
  /** Drop the connection before the headers, or after this many body bytes. */
  reset?: 'before-headers' | { afterBytes: number };
  /** End a stream before its terminal event; end a JSON body halfway. */
  truncate?: boolean;
  /** Send an `error` event after this many events of a stream, then end. */
  errorEvent?: { afterEvents: number; message?: string };
  /** Answer 200 with a body that is not valid JSON. */
  malformedJson?: boolean;
  /** Answer with an HTML error page (a proxy's), with `status` or 502. */
  html?: boolean;
  /** Answer 200 with a JSON body of about this many bytes. */
  hugeBody?: number;
}

/** The parsed request an endpoint receives. */
export interface EndpointRequest {
  readonly raw: MockRequest;
  /** The JSON body (an empty object for bodiless requests). */
  readonly body: Record<string, unknown>;
  /** Path parameters, e.g. `{ id }` for `/files/{id}`. */
  readonly params: Readonly<Record<string, string>>;
}

/** What endpoints share: ids and the in-memory store of the mock. */
export interface EndpointContext {
  id(prefix: string): string;
  now(): number;
  readonly store: MockStore;
}

export interface MockStore {
  responses: Map<string, Record<string, unknown>>;
  files: Map<string, Record<string, unknown>>;
  assistants: Map<string, Record<string, unknown>>;
  threads: Map<string, Record<string, unknown>>;
  messages: Map<string, Array<Record<string, unknown>>>;
}
