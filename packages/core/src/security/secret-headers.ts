/**
 * Request headers that carry credentials for the APIs wireai talks to. A redirect to another origin never
 * carries them, and their values are redacted from every error. A request adds its own with
 * `secretHeaders` (a provider's custom key header, say).
 */
export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'api-key', // Azure OpenAI
  'x-api-key', // Anthropic-style and many proxies
  'x-goog-api-key', // Gemini
];

// Header values that are protocol plumbing, never a secret: not redacted, so messages stay readable.
const PLAIN_HEADERS = new Set([
  'accept',
  'accept-encoding',
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'host',
  'user-agent',
]);

/** `true` when `name` (any case) is a credential header by default or in `extra`. */
export function isSecretHeader(name: string, extra?: readonly string[]): boolean {
  const lower = name.toLowerCase();
  if (SECRET_HEADERS.includes(lower)) return true;
  return extra?.some((other) => other.toLowerCase() === lower) === true;
}

/**
 * The strings an error about this request must never show: every request header value but the plumbing
 * ones (a key may travel in any custom header), the credential part of `Bearer …`-style values, and the
 * URL's query values and `user:password`. Computed only when a request fails, so it costs nothing otherwise.
 */
export function secretsOf(headers: Readonly<Record<string, string>>, url: string): string[] {
  const secrets: string[] = [];
  const add = (value: string) => {
    if (value.length >= 4) secrets.push(value);
  };
  for (const [name, value] of Object.entries(headers)) {
    if (PLAIN_HEADERS.has(name.toLowerCase()) || typeof value !== 'string') continue;
    add(value);
    const space = value.indexOf(' ');
    if (space > 0) add(value.slice(space + 1).trim());
  }
  try {
    const parsed = new URL(url);
    for (const value of parsed.searchParams.values()) add(value);
    if (parsed.username) add(decodeURIComponent(parsed.username));
    if (parsed.password) add(decodeURIComponent(parsed.password));
  } catch {
    // not a URL: nothing to take from it
  }
  // Longest first, so a value is not left half-redacted by a shorter one inside it.
  return secrets.sort((a, b) => b.length - a.length);
}
