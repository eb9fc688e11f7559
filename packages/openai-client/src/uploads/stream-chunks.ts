import { ValidationError } from '../errors.js';
import { shown } from '../validation/options.js';

const encoder = new TextEncoder();

/**
 * The chunks of a streamed upload as bytes: a string chunk as UTF-8 (a text stream), any other chunk that
 * is not bytes is a `ValidationError` (the request then stops; what was sent is not a valid file).
 */
export async function* byteChunks(chunks: AsyncIterable<unknown>, path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    if (chunk instanceof Uint8Array) yield chunk;
    else if (typeof chunk === 'string') yield encoder.encode(chunk);
    else if (chunk instanceof ArrayBuffer) yield new Uint8Array(chunk);
    else throw new ValidationError([{ path, message: `a chunk is not bytes: ${shown(chunk)}` }]);
  }
}
