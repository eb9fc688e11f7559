import { cursorList, type PagePromise } from '../pagination/cursor-page.js';
import { checkListParams, type FileListParams, LIST_PARAMS } from '../pagination/list-params.js';
import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import type { FileDeleted, FileList, FileObject, Result } from '../types.js';
import { resolveUpload, type UploadFileParams } from '../uploads/resolve-upload.js';
import { pathSegment } from '../validation/ids.js';
import { endpointRequest } from './endpoint-request.js';
import { multipartBody } from './multipart.js';

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

/** `POST /files` as multipart: the content or path checked, the name and type inferred (`resolveUpload`). */
export async function uploadFile(
  core: ClientCore,
  params: UploadFileParams,
  call?: CallOptions,
): Promise<Result<FileObject>> {
  const { purpose, file } = await resolveUpload(params);
  return endpointRequest(
    core,
    { method: 'POST', path: '/files', rawBody: multipartBody({ purpose }, { file }) },
    call,
  );
}
