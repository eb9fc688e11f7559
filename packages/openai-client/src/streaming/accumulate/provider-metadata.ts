// Provider metadata on a streamed object (Gemini's `extra_content.google.thought_signature` on a tool
// call) is merged as it arrives, so that what the provider sent comes back whole in the next request.

type JsonObject = Record<string, unknown>;

// Keys that would reach an object's prototype if assigned: a stream never writes them.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges `source` into `target`: objects key by key (so metadata split across deltas is joined), any
 * other value replacing the one before. `__proto__`, `constructor` and `prototype` are skipped.
 */
export function mergeMetadata(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const before = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(value)) {
      const merged: JsonObject = isPlainObject(before) ? before : {};
      mergeMetadata(merged, value);
      target[key] = merged;
    } else {
      target[key] = value;
    }
  }
}

/** The fields of `delta` not in `known`, merged into `target` (provider metadata such as `extra_content`). */
export function mergeUnknownFields(target: JsonObject, delta: JsonObject, known: ReadonlySet<string>): void {
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(delta)) {
    if (!known.has(key) && value !== undefined && value !== null) rest[key] = value;
  }
  mergeMetadata(target, rest);
}
