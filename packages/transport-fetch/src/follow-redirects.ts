import { TransportError } from '@wireai/core';
import type { FetchInit, FetchLike, FetchResponseLike } from './fetch-like.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Credentials never cross to another origin (what WHATWG fetch and undici do).
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
];

/**
 * Follows redirects in the transport rather than in the fetch, for fetches whose own rules differ from
 * the contract (node-fetch keeps `Authorization` when only the port changes). Rules as WHATWG fetch:
 * 303, and 301/302 after a POST, become a GET without body; the origin changing drops credentials.
 */
export async function fetchFollowingRedirects(
  fetch: FetchLike,
  url: string,
  init: FetchInit,
  maxRedirects: number,
): Promise<FetchResponseLike> {
  let current = url;
  let currentInit: FetchInit = { ...init, redirect: 'manual' };
  for (let hop = 0; ; hop++) {
    const response = await fetch(current, currentInit);
    const location = REDIRECT_STATUSES.has(response.status) ? headerValue(response, 'location') : undefined;
    if (location === undefined) return response;
    if (hop >= maxRedirects) {
      throw new TransportError('PROTOCOL', `More than ${maxRedirects} redirects`, {
        url,
        method: init.method,
      });
    }
    await discard(response);
    const next = new URL(location, current);
    const headers = { ...currentInit.headers };
    if (next.origin !== new URL(current).origin) removeHeaders(headers, CREDENTIAL_HEADERS);
    const toGet =
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && currentInit.method === 'POST');
    if (toGet) {
      removeHeaders(headers, BODY_HEADERS);
      const { body: _dropped, duplex: _none, ...rest } = currentInit;
      currentInit = { ...rest, method: currentInit.method === 'HEAD' ? 'HEAD' : 'GET', headers };
    } else {
      if (currentInit.body instanceof ReadableStream) {
        throw new TransportError(
          'PROTOCOL',
          `A ${response.status} redirect needs the streamed body sent again`,
          {
            url,
            method: init.method,
          },
        );
      }
      currentInit = { ...currentInit, headers };
    }
    current = next.href;
  }
}

function headerValue(response: FetchResponseLike, name: string): string | undefined {
  let found: string | undefined;
  response.headers.forEach((value, key) => {
    if (key.toLowerCase() === name) found = value;
  });
  return found;
}

function removeHeaders(headers: Record<string, string>, names: readonly string[]): void {
  for (const key of Object.keys(headers)) if (names.includes(key.toLowerCase())) delete headers[key];
}

async function discard(response: FetchResponseLike): Promise<void> {
  const { body } = response;
  if (!body) return;
  if ('cancel' in body && typeof body.cancel === 'function') await body.cancel().catch(() => undefined);
  else for await (const _ of body as AsyncIterable<Uint8Array>);
}
