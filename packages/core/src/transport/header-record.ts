type HeaderValue = string | number | readonly string[] | null | undefined;

/**
 * Response headers as the contract wants them: names lower-cased, repeated headers (also arrays, as
 * undici and Node give `set-cookie`) joined with `", "` in the order received. For transport authors.
 */
export function toHeaderRecord(
  entries: Iterable<readonly [string, HeaderValue]> | Readonly<Record<string, HeaderValue>>,
): Record<string, string> {
  const record: Record<string, string> = Object.create(null);
  const pairs =
    Symbol.iterator in entries
      ? (entries as Iterable<readonly [string, HeaderValue]>)
      : Object.entries(entries);
  for (const [rawName, value] of pairs) {
    if (value === undefined || value === null) continue;
    const name = rawName.toLowerCase();
    const joined = typeof value === 'object' ? value.join(', ') : String(value);
    const previous = record[name];
    record[name] = previous === undefined ? joined : `${previous}, ${joined}`;
  }
  return record;
}

/** Node's flat `rawHeaders` list (`[name, value, name, value, …]`) as pairs for `toHeaderRecord`. */
export function* rawHeaderPairs(raw: readonly string[]): Generator<readonly [string, string]> {
  for (let i = 0; i + 1 < raw.length; i += 2) yield [raw[i] as string, raw[i + 1] as string];
}

// RFC 9110's reason phrases (and 429 from RFC 6585), for a status line when the library has none to give:
// HTTP/2 has no reason phrase, and undici.request does not expose HTTP/1's.
const REASONS: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
};

/**
 * A status line like LuaSocket's, for libraries that hide the real one: `HTTP/1.1 404 Not Found`. Without a
 * reason (HTTP/2 has none), the standard phrase for the status is used, or none for a status it lacks.
 */
export function formatStatusLine(status: number, reason = '', httpVersion = '1.1'): string {
  const phrase = reason || REASONS[status];
  return phrase ? `HTTP/${httpVersion} ${status} ${phrase}` : `HTTP/${httpVersion} ${status}`;
}
