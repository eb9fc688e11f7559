import { readableChunks } from '../ltn12/readable-chunks.js';
import type { Source } from '../transport/contract.js';

/** A fetch request body (`BodyInit`, named through `RequestInit` so Node's types know it too). */
export type FetchBody = NonNullable<RequestInit['body']>;

/** A request body as the transport takes it, with the `content-type` fetch would infer for it. */
export interface BodySource {
  readonly source: Source;
  readonly contentType?: string;
}

/**
 * Turns a fetch `BodyInit` into a transport `Source`. Strings and bytes stay replayable (so a 307/308 can
 * send them again, and the transport knows their length); a `ReadableStream` is pulled chunk by chunk as the
 * transport writes, never read ahead; `FormData` is serialised by the runtime's own `Response`, which picks
 * the multipart boundary.
 */
export async function toBodySource(body: FetchBody): Promise<BodySource> {
  if (typeof body === 'string') return { source: body, contentType: 'text/plain;charset=UTF-8' };
  if (body instanceof Uint8Array) return { source: body };
  if (body instanceof ArrayBuffer) return { source: new Uint8Array(body) };
  if (ArrayBuffer.isView(body)) {
    return { source: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  }
  if (body instanceof URLSearchParams) {
    return { source: body.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (body instanceof ReadableStream) return { source: streamSource(body as ReadableStream<unknown>) };
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    const source = new Uint8Array(await body.arrayBuffer());
    return body.type ? { source, contentType: body.type } : { source };
  }
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const encoded = new Response(body);
    const source = new Uint8Array(await encoded.arrayBuffer());
    const contentType = encoded.headers.get('content-type');
    return contentType ? { source, contentType } : { source };
  }
  throw new TypeError('toFetch: unsupported body type');
}

/** Reads a `ReadableStream` only when the transport asks for the next chunk (pull, not push). */
export async function* streamSource(stream: ReadableStream<unknown>): AsyncGenerator<Uint8Array> {
  // Leaving early (an abort, a failure) cancels the stream, so its producer stops too.
  for await (const chunk of readableChunks(stream)) {
    if (!(chunk instanceof Uint8Array)) {
      throw new TypeError('toFetch: a request body stream must yield Uint8Array chunks');
    }
    if (chunk.byteLength > 0) yield chunk;
  }
}
