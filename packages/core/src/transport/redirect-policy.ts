import { TransportError } from '../errors/transport-error.js';
import { isSecretHeader } from '../security/secret-headers.js';
import type { Source } from './contract.js';

/** One request of an exchange: the first, or one a redirect led to. */
export interface Hop {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly source?: Source;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The redirect target of a response, when it is a redirect with a `location`. */
export function redirectLocation(
  status: number,
  headers: Readonly<Record<string, string>>,
): string | undefined {
  return REDIRECT_STATUSES.has(status) ? headers.location : undefined;
}

/**
 * The request a redirect leads to, by the one policy every transport keeps:
 * - only `http:` and `https:` targets are followed (never `data:`, `file:`, `ftp:`…);
 * - on a hop to another origin (scheme, host or port) the credential headers are dropped: the default
 *   list of `SECRET_HEADERS` and the request's own `secretHeaders`;
 * - 303, and 301/302 after a POST, become a GET without body (and without `content-*` headers), as browsers
 *   do; 307/308 resend the method and body, which a streamed (one-shot) body cannot.
 * Anything else rejects with a `TransportError` whose code is `REDIRECT`.
 */
export function redirectHop(
  current: Hop,
  status: number,
  location: string,
  secretHeaders: readonly string[] | undefined,
): Hop {
  const fail = (why: string) =>
    new TransportError('REDIRECT', `Redirect not followed: ${why}`, {
      method: current.method,
      url: current.url,
    });
  let target: URL;
  try {
    target = new URL(location, current.url);
  } catch {
    throw fail('the location is not a URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw fail(`only http: and https: targets are followed, not ${target.protocol}`);
  const crossOrigin = target.origin !== new URL(current.url).origin;
  const method = current.method.toUpperCase();
  const toGet = status === 303 || ((status === 301 || status === 302) && method === 'POST');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(current.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'host') continue;
    if (crossOrigin && isSecretHeader(lower, secretHeaders)) continue;
    if (toGet && lower.startsWith('content-')) continue;
    headers[name] = value;
  }
  if (toGet) return { url: target.href, method: method === 'HEAD' ? 'HEAD' : 'GET', headers };
  const { source } = current;
  if (source !== undefined && typeof source !== 'string' && !(source instanceof Uint8Array))
    throw fail(`a ${status} needs the body sent again, and a streamed body can be read only once`);
  return { url: target.href, method: current.method, headers, ...(source === undefined ? {} : { source }) };
}
