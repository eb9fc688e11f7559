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

/** A status line like LuaSocket's, for libraries that hide the real one: `HTTP/1.1 404 Not Found`. */
export function formatStatusLine(status: number, reason = '', httpVersion = '1.1'): string {
  return reason ? `HTTP/${httpVersion} ${status} ${reason}` : `HTTP/${httpVersion} ${status}`;
}
