import { dirname } from 'node:path';

/** A file that could not be read or written, said in words with its path (never with its content). */
export class FileError extends Error {}

/** `Cannot <doing> <path>: <what went wrong>` for an error of node:fs. */
export function fileError(error: unknown, doing: string, path: string, writing: boolean): FileError {
  return new FileError(`Cannot ${doing} ${path}: ${problem(error, path, writing)}`);
}

function problem(error: unknown, path: string, writing: boolean): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return writing ? `the folder ${dirname(path)} does not exist` : 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      // node:fs messages name the call and the path, never the data.
      return error instanceof Error ? error.message : String(error);
  }
}
