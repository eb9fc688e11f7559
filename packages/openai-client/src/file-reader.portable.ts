// Workers and browsers (the package's `#file-reader` under those export conditions): there is no file
// system, so an upload by path is refused; pass a File, a Blob, bytes or a stream instead.
import type { OpenedFile } from './file-reader.js';

/** Whether this runtime can read a file path. */
export const CAN_READ_PATHS = false;

/** Refuses: no file system in this runtime. */
export async function openFile(_path: string): Promise<OpenedFile> {
  throw Object.assign(new Error('this runtime has no file system'), { code: 'ENOSYS' });
}
