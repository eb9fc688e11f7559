/**
 * An ltn12-style filter: transforms each chunk and is called once with `null` at the end, where it may
 * return what it still holds. Returning `null`/`undefined` passes nothing on for that call.
 */
export type Filter<In = Uint8Array, Out = Uint8Array> = (
  chunk: In | null,
) => Out | null | undefined | Promise<Out | null | undefined>;
