import { pipeline, type Readable } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

// Lenient like fetch: a body cut at a flush boundary still yields what was decoded.
const flush = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const decoders: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: () => createGunzip(flush),
  'x-gzip': () => createGunzip(flush),
  deflate: () => createInflate(flush),
  br: () =>
    createBrotliDecompress({
      flush: constants.BROTLI_OPERATION_FLUSH,
      finishFlush: constants.BROTLI_OPERATION_FLUSH,
    }),
};

/**
 * The body with its `content-encoding` undone (gzip, deflate, br, in the order applied). Unknown codings
 * and bodiless responses (HEAD, 204, 304) pass through unchanged.
 */
export function decodeBody(body: Readable, contentEncoding: string | undefined, bodiless: boolean): Readable {
  if (!contentEncoding || bodiless) return body;
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
  if (codings.length === 0 || !codings.every((coding) => coding in decoders)) return body;
  const stages = codings.map((coding) => (decoders[coding] as () => NodeJS.ReadWriteStream)());
  // pipeline destroys every stage when one fails or the consumer stops, so the socket is released.
  return pipeline(body, ...(stages as [NodeJS.ReadWriteStream]), () => undefined) as unknown as Readable;
}
