import type { Source } from '../transport/contract.js';
import { streamSource, toBodySource } from './body-source.js';

/** What `toFetch` sends: a fetch call's input and init, reduced to the transport's terms. */
export interface FetchRequestParts {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly source?: Source;
  readonly signal?: AbortSignal;
  readonly redirect: NonNullable<RequestInit['redirect']>;
}

// The methods fetch upper-cases whatever the caller's case (the Fetch standard's "normalize a method").
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** The fetch `Request` class, when the runtime has one (every runtime wireai supports does). */
function isRequest(input: unknown): input is Request {
  return typeof Request !== 'undefined' && input instanceof Request;
}

/**
 * Reads `fetch(input, init)` the way fetch does: `init` wins over a `Request`'s own fields, header names
 * are lower-cased and repeats joined with `", "` (the `Headers` class does both), the method normalised,
 * a body on GET/HEAD refused with a `TypeError`. A body the caller gave keeps its kind (see `toBodySource`);
 * a `Request`'s body is streamed from it.
 */
export async function toFetchRequestParts(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<FetchRequestParts> {
  const request = isRequest(input) ? input : undefined;
  const url = request ? request.url : parseUrl(input as string | URL);
  const rawMethod = init?.method ?? request?.method ?? 'GET';
  const method = NORMALIZED_METHODS.has(rawMethod.toUpperCase()) ? rawMethod.toUpperCase() : rawMethod;
  const headers = new Headers(init?.headers ?? request?.headers);
  const signal = init?.signal ?? request?.signal ?? undefined;
  const redirect = init?.redirect ?? request?.redirect ?? 'follow';

  let source: Source | undefined;
  if (init?.body !== undefined && init.body !== null) {
    const body = await toBodySource(init.body);
    source = body.source;
    if (body.contentType && !headers.has('content-type')) headers.set('content-type', body.contentType);
  } else if (init?.body === undefined && request?.body) {
    if (request.bodyUsed) throw new TypeError('toFetch: the Request body was already used');
    source = streamSource(request.body);
  }
  if (source !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw new TypeError(`toFetch: a ${method} request cannot have a body`);
  }

  const record: Record<string, string> = {};
  // Headers iterates names lower-cased, repeats already joined (set-cookie aside, which requests never send).
  headers.forEach((value, name) => {
    record[name] = record[name] === undefined ? value : `${record[name]}, ${value}`;
  });
  return {
    url,
    method,
    headers: record,
    ...(source === undefined ? {} : { source }),
    ...(signal ? { signal } : {}),
    redirect,
  };
}

function parseUrl(input: string | URL): string {
  try {
    return new URL(String(input)).href;
  } catch {
    // The URL stays out of the error (and so does the runtime's error, which quotes it): its query may hold a key.
    throw new TypeError('toFetch: failed to parse the URL');
  }
}
