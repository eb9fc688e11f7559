import { ValidationError } from '../errors.js';
import { cursorList, type PagePromise } from '../pagination/cursor-page.js';
import { checkListParams, type FileListParams, LIST_PARAMS } from '../pagination/list-params.js';
import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import type { FileDeleted, FileList, FileObject, Result } from '../types.js';
import { pathSegment } from '../validation/ids.js';
import { type Issue, isHeaderSafe, isRecord, shown } from '../validation/options.js';
import { endpointRequest } from './endpoint-request.js';
import { type MultipartFile, multipartBody } from './multipart.js';

/** What `uploadFile` sends: the file and its purpose. */
export interface UploadFileParams extends MultipartFile {
  /** What the file is for: `assistants`, `batch`, `fine-tune`, `vision`, `user_data`, `evals`. */
  purpose: string;
}

/** `GET /files`, one page at a time (`after`, `limit`, `order`, `purpose`). */
export const listFiles = (
  core: ClientCore,
  params: FileListParams | undefined,
  call: CallOptions | undefined,
): PagePromise<FileObject, FileList> =>
  cursorList(
    (query: FileListParams) =>
      endpointRequest<FileList>(core, { method: 'GET', path: '/files', query }, call),
    () => checkListParams<FileListParams>(params, LIST_PARAMS.files),
  );

export const getFile = (core: ClientCore, id: string, call?: CallOptions): Promise<Result<FileObject>> =>
  endpointRequest(core, { method: 'GET', path: `/files/${pathSegment(id, 'file_id')}` }, call);

export const deleteFile = (core: ClientCore, id: string, call?: CallOptions): Promise<Result<FileDeleted>> =>
  endpointRequest(core, { method: 'DELETE', path: `/files/${pathSegment(id, 'file_id')}` }, call);

const isBytesOrStream = (data: unknown) =>
  typeof data === 'string' ||
  data instanceof Uint8Array ||
  (typeof data === 'object' && data !== null && Symbol.asyncIterator in data);

export function uploadFile(
  core: ClientCore,
  params: UploadFileParams,
  call?: CallOptions,
): Promise<Result<FileObject>> {
  if (!isRecord(params))
    throw new ValidationError([{ path: 'params', message: `expected an object, got ${shown(params)}` }]);
  const issues: Issue[] = [];
  if (typeof params.purpose !== 'string' || params.purpose === '')
    issues.push({ path: 'purpose', message: 'required (a non-empty string)' });
  if (typeof params.filename !== 'string' || params.filename === '')
    issues.push({ path: 'filename', message: 'required (a non-empty string)' });
  if (params.data === undefined || params.data === null)
    issues.push({ path: 'data', message: 'required (bytes, text or an async iterable)' });
  else if (!isBytesOrStream(params.data))
    issues.push({
      path: 'data',
      message: `expected bytes, text or an async iterable, got ${shown(params.data)}`,
    });
  // It becomes a part's Content-Type line: a line break would add headers of its own.
  if (
    params.contentType !== undefined &&
    (typeof params.contentType !== 'string' || params.contentType === '' || !isHeaderSafe(params.contentType))
  )
    issues.push({
      path: 'contentType',
      message: `expected a content type, got ${shown(params.contentType)}`,
    });
  if (issues.length > 0) throw new ValidationError(issues);
  const { purpose, ...file } = params;
  return endpointRequest(
    core,
    { method: 'POST', path: '/files', rawBody: multipartBody({ purpose }, { file }) },
    call,
  );
}
