import { readableChunks } from '@wireai/core';
import { openFile } from '#file-reader';
import type { MultipartFile } from '../endpoints/multipart.js';
import { ValidationError } from '../errors.js';
import { type Issue, isRecord, shown } from '../validation/options.js';
import { throwIssues } from '../validation/validate.js';
import { basename, contentTypeFor, DEFAULT_CONTENT_TYPE } from './content-types.js';
import { byteChunks } from './stream-chunks.js';
import {
  checkFileNaming,
  isBlob,
  isContent,
  isReadableStream,
  isUploadFile,
  type Uploadable,
  type UploadFile,
} from './uploadable.js';

/** What `uploadFile` takes: the content (`data`) or a file path (`path`), its purpose, and optionally its name and type. */
export interface UploadFileParams {
  /** What the file is for: `assistants`, `batch`, `fine-tune`, `vision`, `user_data`, `evals`. */
  purpose: string;
  /** The content: text, bytes, a `Blob`/`File`, a `ReadableStream`, an async iterable of bytes, or `toFile(…)`. */
  data?: Uploadable | undefined;
  /** A file to read and stream (Node, Bun and Deno only; a `ValidationError` elsewhere). Give `data` or `path`. */
  path?: string | undefined;
  /** The file name the part declares; default: `toFile`'s, a `File`'s name, or the path's last segment. */
  filename?: string | undefined;
  /** The part's content type; default: `toFile`'s, a `Blob`'s type, from the name's extension, else `application/octet-stream`. */
  contentType?: string | undefined;
}

const CONTENT = 'text, bytes, a Blob or File, a ReadableStream, an async iterable of bytes or toFile(…)';

/**
 * Checks an upload and gives its multipart file part: the name and type inferred, the content as bytes
 * (text, bytes: sent whole, retried like any request) or as a stream (a Blob, a stream, a path: read as it
 * is sent, never buffered whole, so never retried). Rejects with `ValidationError` before anything is sent,
 * a path that cannot be read included.
 */
export async function resolveUpload(params: unknown): Promise<{ purpose: string; file: MultipartFile }> {
  if (!isRecord(params))
    throw new ValidationError([{ path: 'params', message: `expected an object, got ${shown(params)}` }]);
  const { purpose, data, path } = params;
  const issues: Issue[] = [];
  if (typeof purpose !== 'string' || purpose === '')
    issues.push({ path: 'purpose', message: 'required (a non-empty string)' });
  if (data !== undefined && path !== undefined)
    issues.push({ path: 'path', message: 'give data or a path, not both' });
  else if ((data === undefined || data === null) && path === undefined)
    issues.push({ path: 'data', message: `required (${CONTENT}), or give a path` });
  else if (path !== undefined && (typeof path !== 'string' || path === ''))
    issues.push({ path: 'path', message: `expected a file path, got ${shown(path)}` });
  else if (data !== undefined && !isContent(data) && !isUploadFile(data))
    issues.push({ path: 'data', message: `expected ${CONTENT}, got ${shown(data)}` });
  checkFileNaming(params.filename, params.contentType, '', issues);
  throwIssues(issues);

  const made = isUploadFile(data) ? (data as UploadFile) : undefined;
  const content = (made ? made.data : data) as Exclude<Uploadable, UploadFile> | undefined;
  if (isReadableStream(content) && content.locked)
    throwIssues([{ path: 'data', message: 'the ReadableStream is locked (something else is reading it)' }]);
  const blobName = isBlob(content) ? (content as Partial<File>).name : undefined;
  let filename =
    (params.filename as string | undefined) ??
    made?.filename ??
    (typeof blobName === 'string' && blobName !== '' ? blobName : undefined);
  const contentType =
    (params.contentType as string | undefined) ??
    made?.contentType ??
    (isBlob(content) && content.type !== '' ? content.type : undefined);

  let source: MultipartFile['data'];
  if (typeof path === 'string') {
    filename ??= basename(path);
    source = (await openPath(path)).chunks;
  } else {
    source = toSource(content as Exclude<Uploadable, UploadFile>);
  }
  if (!filename)
    throwIssues([
      {
        path: 'filename',
        message: 'required: it cannot be inferred from text, bytes or a stream (give filename, or a File)',
      },
    ]);
  return {
    purpose: purpose as string,
    file: {
      data: source,
      filename: filename as string,
      contentType: contentType ?? contentTypeFor(filename as string) ?? DEFAULT_CONTENT_TYPE,
    },
  };
}

async function openPath(path: string) {
  try {
    return await openFile(path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'not readable'
            : code === 'ENOSYS'
              ? 'this runtime cannot read file paths (Node, Bun and Deno can): pass a File, a Blob, bytes or a stream'
              : `cannot be read (${typeof code === 'string' ? code : 'error'})`;
    throw new ValidationError([{ path: 'path', message: `${shown(path)}: ${reason}` }]);
  }
}

/** The content as a multipart source: text and bytes as they are, anything else streamed. */
function toSource(content: Exclude<Uploadable, UploadFile>): MultipartFile['data'] {
  if (typeof content === 'string' || content instanceof Uint8Array) return content;
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  if (isBlob(content)) return byteChunks(readableChunks(content.stream()), 'data');
  if (isReadableStream(content)) return byteChunks(readableChunks(content), 'data');
  return byteChunks(content, 'data');
}
