import { TransportError } from '../errors/transport-error.js';
import type { Transport, TransportResponse } from '../transport/contract.js';
import { type FetchRequestParts, toFetchRequestParts } from './fetch-request.js';
import { ConsumerCancelledError, sinkStream } from './response-stream.js';

/**
 * A WHATWG `fetch` function, the shape openai-node's `fetch` option, the AI SDK's `fetch` setting and most
 * other HTTP clients accept.
 */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

// Statuses whose response has no body; the Response constructor refuses a body for them.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * A `fetch` backed by a wireai transport, so a client written against fetch (openai-node, the AI SDK, the
 * OpenAI Agents SDK) sends through undici, axios, the runtime's fetch, the mock transport or a replayed
 * cassette: `new OpenAI({ fetch: toFetch(createUndiciTransport()) })`.
 *
 * - The promise resolves as soon as the status and headers arrive; `response.body` is a `ReadableStream`
 *   that receives each chunk as the transport's sink does, with backpressure: the transport is held until
 *   the consumer reads (at most one chunk waits in the stream). Cancelling the body aborts the request.
 * - Request bodies keep their kind: strings, bytes, `URLSearchParams`, `Blob` and `FormData` are sent whole
 *   (with the `content-type` fetch infers); a `ReadableStream` (or a `Request`'s body) is streamed, read
 *   only as the transport writes.
 * - `init.signal` or the `Request`'s signal aborts at any point: before the request, the promise rejects
 *   with `signal.reason` (an `AbortError` `DOMException` by default); mid-body, the body stream errors with it.
 * - A transport failure rejects with `TypeError('fetch failed', { cause })`, the `cause` being the
 *   `TransportError` (its `code` says why); mid-body, the stream errors with `TypeError('terminated', { cause })`.
 * - `redirect: 'follow'` (the default) asks the transport to follow, by the contract's policy (credential
 *   headers dropped across origins); `'manual'` answers the 3xx response itself; `'error'` rejects with a
 *   `TypeError` on a redirect status.
 * - Headers: names are lower-case; a header the server repeated arrives joined with `", "`, as the
 *   contract gives it. `set-cookie` is therefore one joined value, and `headers.getSetCookie()` returns that
 *   single string: a cookie whose `Expires` holds a comma cannot be split back reliably.
 * - `response.url` is the URL requested (the contract does not report where redirects led), and the body
 *   arrives with its `content-encoding` already undone, while the headers still name it (as fetch does).
 */
export function toFetch(transport: Transport): FetchFunction {
  return (input, init) => fetchThrough(transport, input, init);
}

async function fetchThrough(
  transport: Transport,
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<Response> {
  const parts = await toFetchRequestParts(input, init);
  const { signal } = parts;
  if (signal?.aborted) throw abortReason(signal);

  // One controller per call, so a body the consumer cancels can stop a transport still waiting on the network.
  const controller = new AbortController();
  const body = sinkStream((reason) => controller.abort(reason));
  // The body errors at the abort itself, as fetch's does, not when the transport gets round to noticing.
  const forwardAbort = () => {
    controller.abort(signal?.reason);
    if (signal) body.fail(abortReason(signal));
  };
  signal?.addEventListener('abort', forwardAbort, { once: true });

  return new Promise<Response>((resolve, reject) => {
    let answered = false;
    let refusedRedirect: TypeError | undefined;
    const onHeaders = (head: TransportResponse) => {
      if (parts.redirect === 'error' && REDIRECT_STATUSES.has(head.status)) {
        refusedRedirect = new TypeError('fetch failed', { cause: new TypeError('unexpected redirect') });
        throw refusedRedirect;
      }
      const response = toResponse(head, body.stream, parts);
      if (response.body === null) body.detach();
      answered = true;
      resolve(response);
    };
    transport
      .request({
        url: parts.url,
        method: parts.method,
        headers: parts.headers,
        ...(parts.source === undefined ? {} : { source: parts.source }),
        sink: body.sink,
        onHeaders,
        signal: controller.signal,
        redirect: parts.redirect === 'follow',
      })
      .then(
        () => undefined,
        (error: unknown) => {
          const mapped = error === refusedRedirect ? error : toFetchError(error, signal, answered);
          if (answered) body.fail(mapped);
          else reject(mapped);
        },
      )
      .finally(() => signal?.removeEventListener('abort', forwardAbort));
  });
}

function toResponse(
  head: TransportResponse,
  stream: ReadableStream<Uint8Array>,
  parts: FetchRequestParts,
): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(head.headers)) headers.append(name, value);
  const noBody = NULL_BODY_STATUSES.has(head.status) || parts.method === 'HEAD';
  const response = new Response(noBody ? null : stream, {
    status: head.status,
    statusText: statusText(head.statusLine),
    headers,
  });
  // Response has no init for its URL; clients read it for errors and pagination.
  Object.defineProperty(response, 'url', { value: parts.url, enumerable: true });
  return response;
}

/**
 * `"HTTP/1.1 404 Not Found"` → `"Not Found"`; empty when the line has no reason phrase (HTTP/2) or one the
 * `Response` constructor would refuse (it takes only the reason-phrase characters of RFC 9112).
 */
function statusText(statusLine: string): string {
  const reason = /^\S+\s+\d{3}\s?(.*)$/.exec(statusLine)?.[1] ?? '';
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(reason) ? reason : '';
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Maps a transport's rejection to what fetch would reject with (or error the body with). */
function toFetchError(error: unknown, signal: AbortSignal | undefined, answered: boolean): unknown {
  if (signal?.aborted) return abortReason(signal);
  if (error instanceof ConsumerCancelledError) return error;
  if (TransportError.isInstance(error) && error.code === 'ABORTED') {
    return new DOMException('This operation was aborted', 'AbortError');
  }
  return new TypeError(answered ? 'terminated' : 'fetch failed', { cause: error });
}
