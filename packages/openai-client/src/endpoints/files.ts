import { ValidationError } from '../errors.js';
import type { ClientCore } from '../request/client-core.js';
import { type CallOptions, sendRequest } from '../request/send-request.js';
import type { FileDeleted, FileList, FileObject, Result } from '../types.js';
import { type MultipartFile, multipartBody } from './multipart.js';

export interface UploadFileParams extends MultipartFile {
  /** What the file is for: `assistants`, `batch`, `fine-tune`, `vision`, `user_data`, `evals`. */
  purpose: string;
}

const fileId = (id: string) => {
  if (typeof id !== 'string' || id === '')
    throw new ValidationError([{ path: 'file_id', message: 'required (a non-empty string)' }]);
  return encodeURIComponent(id);
};

export const listFiles = (core: ClientCore, call: CallOptions = {}): Promise<Result<FileList>> =>
  sendRequest(core, { method: 'GET', path: '/files', ...call });

export const getFile = (core: ClientCore, id: string, call: CallOptions = {}): Promise<Result<FileObject>> =>
  sendRequest(core, { method: 'GET', path: `/files/${fileId(id)}`, ...call });

export const deleteFile = (
  core: ClientCore,
  id: string,
  call: CallOptions = {},
): Promise<Result<FileDeleted>> =>
  sendRequest(core, { method: 'DELETE', path: `/files/${fileId(id)}`, ...call });

export function uploadFile(
  core: ClientCore,
  params: UploadFileParams,
  call: CallOptions = {},
): Promise<Result<FileObject>> {
  const issues = [];
  if (typeof params?.purpose !== 'string' || params.purpose === '')
    issues.push({ path: 'purpose', message: 'required (a non-empty string)' });
  if (typeof params?.filename !== 'string' || params.filename === '')
    issues.push({ path: 'filename', message: 'required (a non-empty string)' });
  if (params?.data === undefined || params.data === null)
    issues.push({ path: 'data', message: 'required (bytes, text or an async iterable)' });
  if (issues.length > 0) throw new ValidationError(issues);
  const { purpose, ...file } = params;
  return sendRequest(core, {
    method: 'POST',
    path: '/files',
    rawBody: multipartBody({ purpose }, { file }),
    ...call,
  });
}
