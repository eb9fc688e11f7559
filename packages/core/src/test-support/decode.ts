import { createSseDecoder, type SseDecoderOptions, type SseEvent } from '../sse/sse-decoder.js';

export interface Decoded {
  events: SseEvent[];
  retries: number[];
  comments: string[];
  discarded: boolean;
}

const encoder = new TextEncoder();

/** Runs a whole stream through one decoder, chunk by chunk (strings are UTF-8 encoded first). */
export function decodeChunks(
  chunks: ReadonlyArray<string | Uint8Array>,
  options: SseDecoderOptions = {},
): Decoded {
  const out: Decoded = { events: [], retries: [], comments: [], discarded: false };
  const decoder = createSseDecoder(
    {
      onEvent: (event) => out.events.push(event),
      onRetry: (ms) => out.retries.push(ms),
      onComment: (text) => out.comments.push(text),
    },
    options,
  );
  for (const chunk of chunks) decoder.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  out.discarded = decoder.end().discarded;
  return out;
}

/** Splits bytes at the given offsets (sorted, deduplicated, within range). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < bytes.length))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    parts.push(bytes.subarray(start, point));
    start = point;
  }
  parts.push(bytes.subarray(start));
  return parts;
}

export const message = (data: string, id = ''): SseEvent => ({ event: 'message', data, id });
