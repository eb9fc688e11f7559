import { SECRET_HEADERS as CREDENTIAL_HEADERS } from '@wireai/core';

/**
 * Header names whose values are secrets: never recorded, logged or written to a cassette. The request
 * credentials are core's one list (`SECRET_HEADERS`, also what a redirect drops); a recording also hides
 * the cookies a server sets and the key header some proxies use.
 */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  ...CREDENTIAL_HEADERS,
  'set-cookie',
  'openai-api-key',
]);

/** Query parameters that carry keys (Gemini's `?key=`). */
export const SECRET_QUERY_PARAMS = new Set(['key', 'api_key', 'api-key', 'apikey', 'access_token', 'token']);

/** What replaces a secret (a header value, a key query parameter) in a cassette and in recorded requests. */
export const REDACTED = '[redacted]';

/** Headers with lower-case names and every secret value replaced by `[redacted]`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    out[key] = SECRET_HEADERS.has(key) ? REDACTED : value;
  }
  return out;
}

/** The URL with secret query parameters replaced by `[redacted]` and credentials removed. */
export function redactUrlSecrets(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_PARAMS.has(name.toLowerCase())) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.href;
}
