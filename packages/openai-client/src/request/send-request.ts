import { type Sink, type Source, sinks, TransportError, type TransportResponse } from '@wireai/core';
import { APIConnectionError, APITimeoutError, APIUserAbortError, ValidationError } from '../errors.js';
import { resultError } from '../result/unwrap.js';
import { type EventStreamSpec, eventStreamSink, type StreamState } from '../streaming/event-sink.js';
import type { StreamFraming } from '../streaming/sse-framing.js';
import type { Result } from '../types.js';
import { encodeJson } from '../validation/json.js';
import {
  checkCallOptions,
  type Issue,
  isHeaderSafe,
  isRecord,
  isToken,
  shown,
} from '../validation/options.js';
import { throwIssues } from '../validation/validate.js';
import { attemptLimit } from './attempt-limit.js';
import type { ClientCore } from './client-core.js';
import { type HeaderLayer, mergeHeaders } from './headers.js';
import { type NonJsonBody, parseBody } from './parse-body.js';
import { retryDelayMs, shouldRetryFailure, shouldRetryStatus, sleep } from './retry.js';

/** Per-call options every method accepts. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** Milliseconds per attempt (finite, > 0, ≤ 2³¹−1); overrides the client's `timeout`. */
  timeout?: number | undefined;
  /** An integer ≥ 0; overrides the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /**
   * Extra headers for this call. They win over the client's (the auth header included), by name whatever
   * its case; `null` removes one the client would send.
   */
  headers?: HeaderLayer | undefined;
  /** Overrides the client's `maxBodyBytes` (largest non-streaming body, decoded bytes). */
  maxBodyBytes?: number | undefined;
  /** Overrides the client's `maxEventSize` (longest stream line or event, characters). */
  maxEventSize?: number | undefined;
  /** Overrides the client's `sseFraming` (how a streamed reply is split into events). */
  sseFraming?: StreamFraming | undefined;
  /**
   * Query parameters added to the URL (after the client's `defaultQuery`, winning over it by name): strings,
   * finite numbers or booleans; `undefined` leaves one out. An endpoint's own parameters (a list's `after`)
   * are merged under these.
   */
  query?: Record<string, string | number | boolean | undefined> | undefined;
  /**
   * Overrides the client's `throwOnError`: `true` rejects a non-2xx answer with its `APIError` subclass
   * (`RateLimitError`, `NotFoundError`…) instead of resolving `{ ok: false }`, and narrows the result's
   * type to the ok branch.
   */
  throwOnError?: boolean | undefined;
}

/** The public low-level request, lua-openai's `_request`: one path for every endpoint. */
export interface RequestOptions<E = unknown> extends CallOptions {
  method: string;
  /** Below the base URL, e.g. `/chat/completions`. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** A body that is not JSON (multipart): its bytes or chunks and content type. */
  rawBody?: { source: Source; contentType: string };
  /** Makes it a streaming request: each event of the reply, parsed once, as it arrives. */
  onEvent?: EventStreamSpec<E>['onEvent'];
  /** With `onEvent`: which event ends the stream normally (besides `[DONE]`). */
  isTerminal?: EventStreamSpec<E>['isTerminal'];
  /** With `onEvent`: why an event cannot be used, or `undefined`; a problem rejects with `MalformedResponseError`. */
  eventProblem?: EventStreamSpec<E>['eventProblem'];
}

/**
 * How a `ValidationError` names what the caller passed. `request()` takes one object: `timeout`,
 * `body.temperature`. An endpoint method takes the body's fields as arguments and its call options last:
 * `temperature`, `call.timeout`.
 */
export interface ErrorPaths {
  readonly call: string;
  readonly body: string;
}

const REQUEST_PATHS: ErrorPaths = { call: '', body: 'body' };

/**
 * Sends one request with retries. Resolves every HTTP status as a `Result` (2xx `ok`), unless the call's or
 * the client's `throwOnError` makes a non-2xx one reject with its `APIError` subclass; rejects with
 * `APIConnectionError`/`APITimeoutError`/`APIUserAbortError` when no answer came, and with the stream
 * errors when a stream fails midway; rejects with `ValidationError` (nothing sent, no transport loaded)
 * when an option is wrong or the body holds what JSON cannot carry. A JSON body is encoded once and
 * reused by each attempt. A 2xx body that is not JSON rejects with `MalformedResponseError`, or is
 * returned as text with `nonJsonBody: 'text'` (`request()`; see `parse-body.ts`).
 *
 * Headers, by name whatever its case, later winning: the client's defaults (its preset's included), what
 * the request itself sets (`accept`, the body's `content-type`), the auth header, then the call's.
 */
export async function sendRequest<T, E = unknown>(
  core: ClientCore,
  options: RequestOptions<E>,
  paths: ErrorPaths = REQUEST_PATHS,
  nonJsonBody: NonJsonBody = 'error',
): Promise<Result<T>> {
  checkRequestOptions(options, paths);
  const { source, contentType, replayable } = encodeBody(options, paths.body);
  const url = buildUrl(core, options);
  const headers = mergeHeaders(
    core.defaultHeaders,
    { accept: options.onEvent ? 'text/event-stream' : 'application/json', 'content-type': contentType },
    core.authHeaders(),
    options.headers,
  );
  const maxRetries = options.maxRetries ?? core.maxRetries;
  const timeout = options.timeout ?? core.timeout;
  const maxBodyBytes = options.maxBodyBytes ?? core.maxBodyBytes;
  const maxEventSize = options.maxEventSize ?? core.maxEventSize;
  const sseFraming = options.sseFraming ?? core.sseFraming;
  // A signal already fired: nothing is sent, not even a transport loaded.
  if (options.signal?.aborted)
    throw new APIUserAbortError('Request was aborted', { cause: options.signal.reason });
  const transport = await core.transport();
  const where = `${options.method} ${options.path}`;

  for (let attempt = 0; ; attempt++) {
    // A token provider is asked for each attempt; the call's own headers still win over its header.
    const attemptHeaders = core.attemptAuthHeaders
      ? mergeHeaders(headers, await core.attemptAuthHeaders(), options.headers)
      : headers;
    const limit = attemptLimit(transport, options.signal, timeout);
    const state: StreamState = { delivered: false, terminal: false };
    let collector: ReturnType<typeof sinks.collect> | undefined;
    let sink: Sink | undefined;
    let head: TransportResponse;
    const started = Date.now();
    core.logger?.debug?.(`→ ${where}${attempt > 0 ? ` (retry ${attempt})` : ''}`);
    try {
      head = await transport.request({
        url,
        method: options.method,
        headers: attemptHeaders,
        ...(source === undefined ? {} : { source }),
        ...limit.fields, // the caller's signal and the time limit (see attempt-limit.ts)
        // A stream is bounded per event (below); any other body as a whole.
        ...(options.onEvent ? {} : { maxBodyBytes }),
        onHeaders: (response) => {
          const ok = response.status >= 200 && response.status < 300;
          // A failed stream request answers with a JSON error body: it is read whole, like any JSON reply.
          if (options.onEvent && ok) {
            sink = eventStreamSink(
              {
                onEvent: options.onEvent,
                ...(options.isTerminal ? { isTerminal: options.isTerminal } : {}),
                ...(options.eventProblem ? { eventProblem: options.eventProblem } : {}),
              },
              {
                status: response.status,
                headers: response.headers,
                requestId: response.headers['x-request-id'],
              },
              state,
              maxEventSize,
              sseFraming,
            );
          } else {
            collector = sinks.collect({ maxBytes: maxBodyBytes, limitName: 'maxBodyBytes' });
            sink = collector.sink;
          }
        },
        sink: (chunk) => sink?.(chunk),
      });
    } catch (error) {
      limit.dispose();
      if (options.signal?.aborted) throw new APIUserAbortError('Request was aborted', { cause: error });
      if (!TransportError.isInstance(error)) throw error; // a stream error or the caller's own
      const timedOut = limit.timedOut(error);
      const failure = timedOut
        ? new APITimeoutError(`Request timed out after ${timeout} ms (${where})`, error)
        : new APIConnectionError(`Connection error: ${error.message}`, error);
      const retryable = (timedOut || shouldRetryFailure(error.code)) && !state.delivered && replayable;
      if (!retryable || attempt >= maxRetries) throw failure;
      const delay = retryDelayMs(attempt + 1, {}, core.clock);
      core.logger?.warn?.(
        `${where} failed (${timedOut ? 'timeout' : error.code}); retrying in ${delay} ms (attempt ${attempt + 2} of ${maxRetries + 1})`,
      );
      await wait(core, delay, options.signal);
      continue;
    }
    limit.dispose();

    const requestId = head.headers['x-request-id'];
    core.logger?.debug?.(
      `← ${where} ${head.status} in ${Date.now() - started} ms${requestId ? ` (${requestId})` : ''}`,
    );
    const ok = head.status >= 200 && head.status < 300;
    if (!ok && shouldRetryStatus(head.status, head.headers) && replayable && attempt < maxRetries) {
      const delay = retryDelayMs(attempt + 1, head.headers, core.clock);
      core.logger?.warn?.(
        `${where} answered ${head.status}; retrying in ${delay} ms (attempt ${attempt + 2} of ${maxRetries + 1})`,
      );
      await wait(core, delay, options.signal);
      continue;
    }
    const body = collector ? parseBody(collector.text(), ok, where, nonJsonBody) : undefined;
    const result = { ok, status: head.status, body, headers: head.headers, requestId } as Result<T>;
    if (!result.ok && (options.throwOnError ?? core.throwOnError)) throw resultError(result);
    return result;
  }
}

async function wait(core: ClientCore, ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await (core.clock?.sleep ?? sleep)(ms, signal);
  } catch (error) {
    throw new APIUserAbortError('Request was aborted', { cause: error });
  }
}

function buildUrl(core: ClientCore, options: Pick<RequestOptions, 'method' | 'path' | 'query'>): string {
  const path = core.routePath ? core.routePath(options.method, options.path) : options.path;
  // The common case, no query parameters, needs no URL object.
  if (!options.query && Object.keys(core.defaultQuery).length === 0) return `${core.baseURL}${path}`;
  const url = new URL(`${core.baseURL}${path}`);
  for (const [name, value] of Object.entries({ ...core.defaultQuery, ...options.query })) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.href;
}

/** Everything but the body (encoding checks that): throws one `ValidationError` listing each problem. */
function checkRequestOptions<E>(options: RequestOptions<E>, paths: ErrorPaths): void {
  const issues: Issue[] = [];
  if (!isRecord(options))
    throw new ValidationError([{ path: 'options', message: `expected an object, got ${shown(options)}` }]);
  if (typeof options.method !== 'string' || !isToken(options.method))
    issues.push({ path: 'method', message: `expected an HTTP method, got ${shown(options.method)}` });
  if (typeof options.path !== 'string' || !options.path.startsWith('/'))
    issues.push({ path: 'path', message: `expected a path starting with '/', got ${shown(options.path)}` });
  // `query` is a call option too: checkCallOptions checks it below.
  if (options.rawBody !== undefined) {
    if (options.body !== undefined)
      issues.push({ path: 'rawBody', message: 'give a body or a rawBody, not both' });
    const contentType = (options.rawBody as { contentType?: unknown } | null)?.contentType;
    if (typeof contentType !== 'string' || !isHeaderSafe(contentType))
      issues.push({
        path: 'rawBody.contentType',
        message: `expected a content type, got ${shown(contentType)}`,
      });
  }
  for (const name of ['onEvent', 'isTerminal'] as const)
    if (options[name] !== undefined && typeof options[name] !== 'function')
      issues.push({ path: name, message: `expected a function, got ${shown(options[name])}` });
  checkCallOptions(options, paths.call, issues);
  throwIssues(issues);
}

function encodeBody(
  options: Pick<RequestOptions, 'body' | 'rawBody'>,
  bodyPath: string,
): {
  source?: Source;
  contentType?: string;
  replayable: boolean;
} {
  if (options.rawBody) {
    const { source, contentType } = options.rawBody;
    // A stream can be read once: such a request is never retried.
    return { source, contentType, replayable: typeof source === 'string' || source instanceof Uint8Array };
  }
  if (options.body === undefined) return { replayable: true };
  return {
    source: new TextEncoder().encode(encodeJson(options.body, bodyPath)),
    contentType: 'application/json',
    replayable: true,
  };
}
