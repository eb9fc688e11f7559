import { ValidationError } from '../errors.js';
import { type Issue, isHeaderSafe, shown } from '../validation/options.js';
import { joinPath } from '../validation/validate.js';

/**
 * What an upload's content can be: text (sent as UTF-8), bytes (a Node `Buffer` is a `Uint8Array`), an
 * `ArrayBuffer`, a `Blob` or `File` (its `type`, and a `File`'s `name`, are used), a `ReadableStream` or an
 * async iterable of bytes (a Node `Readable`, say), or what `toFile` returns.
 */
export type Uploadable =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | UploadFile;

/** Content with its file name and type, as `toFile` makes it: one value to pass where an upload is taken. */
export interface UploadFile {
  /** The content. */
  readonly data: Exclude<Uploadable, UploadFile>;
  /** The file name, when given or known (a `File`'s). */
  readonly filename: string | undefined;
  /** The content type, when given or known (a `Blob`'s). */
  readonly contentType: string | undefined;
  /** Marks it as made by `toFile`. */
  readonly [UPLOAD_FILE]: true;
}

const UPLOAD_FILE: unique symbol = Symbol.for('wireai.UploadFile');

/** Whether `value` was made by `toFile`. */
export const isUploadFile = (value: unknown): value is UploadFile =>
  typeof value === 'object' && value !== null && (value as Partial<UploadFile>)[UPLOAD_FILE] === true;

/** A `Blob` (a `File` included), by shape so a polyfill's passes. */
export const isBlob = (value: unknown): value is Blob =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Blob).stream === 'function' &&
  typeof (value as Blob).size === 'number' &&
  typeof (value as Blob).type === 'string';

/** A WHATWG `ReadableStream`, by shape. */
export const isReadableStream = (value: unknown): value is ReadableStream<Uint8Array> =>
  typeof value === 'object' && value !== null && typeof (value as ReadableStream).getReader === 'function';

const isAsyncIterable = (value: unknown): value is AsyncIterable<Uint8Array> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

/** Whether `value` is content an upload takes (`UploadFile` excluded). */
export const isContent = (value: unknown): value is Exclude<Uploadable, UploadFile> =>
  typeof value === 'string' ||
  value instanceof Uint8Array ||
  value instanceof ArrayBuffer ||
  isBlob(value) ||
  isReadableStream(value) ||
  isAsyncIterable(value);

/** Checks a file name and a content type given for an upload (each part header carries them). */
export function checkFileNaming(
  filename: unknown,
  contentType: unknown,
  root: string,
  issues: Issue[],
): void {
  if (filename !== undefined && (typeof filename !== 'string' || filename === ''))
    issues.push({
      path: joinPath(root, 'filename'),
      message: `expected a non-empty string, got ${shown(filename)}`,
    });
  // It becomes a part's Content-Type line: a line break would add headers of its own.
  if (
    contentType !== undefined &&
    (typeof contentType !== 'string' || contentType === '' || !isHeaderSafe(contentType))
  )
    issues.push({
      path: joinPath(root, 'contentType'),
      message: `expected a content type, got ${shown(contentType)}`,
    });
}

/**
 * Content with a file name and a content type, as one value for `uploadFile({ purpose, data })`, like
 * openai-node's `toFile`; nothing is read here, so a stream stays a stream. Both are optional: they are
 * inferred at upload (a `File`'s name, a `Blob`'s type, the name's extension). Throws `ValidationError` for
 * content it cannot send or a bad name or type.
 */
export function toFile(
  data: Exclude<Uploadable, UploadFile>,
  filename?: string,
  options: { contentType?: string } = {},
): UploadFile {
  const issues: Issue[] = [];
  if (!isContent(data))
    issues.push({
      path: 'data',
      message: `expected text, bytes, a Blob, a ReadableStream or an async iterable, got ${shown(data)}`,
    });
  checkFileNaming(filename, options?.contentType, '', issues);
  if (issues.length > 0) throw new ValidationError(issues);
  return { data, filename, contentType: options?.contentType, [UPLOAD_FILE]: true };
}
