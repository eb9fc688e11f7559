/**
 * Header values as a layer gives them: a string sets the header, `null` removes it (a preset's or a
 * default's), `undefined` leaves the layers below as they are.
 */
export type HeaderLayer = Readonly<Record<string, string | null | undefined>>;

/**
 * Merges header layers, later ones winning, by name whatever its case: `Content-Type` and `content-type`
 * are one header, so exactly one is sent. Names come out lower-case (HTTP names are case-insensitive;
 * HTTP/2 sends them lower-case anyway). The only place the client merges headers.
 */
export function mergeHeaders(...layers: ReadonlyArray<HeaderLayer | undefined>): Record<string, string> {
  // A map, so a header named `__proto__` is a header like any other.
  const merged = new Map<string, string>();
  for (const layer of layers) {
    if (!layer) continue;
    for (const [name, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      if (value === null) merged.delete(name.toLowerCase());
      else merged.set(name.toLowerCase(), value);
    }
  }
  return Object.fromEntries(merged);
}
