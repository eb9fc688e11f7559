// Node, Bun and Deno (the package's `#file-reader` default): an upload may name a file path, read with
// node:fs, imported only when a path is given. Worker and browser bundles get file-reader.portable.ts instead
// (package.json "imports"), so they never need node:fs.

/** A file on disk, checked but not opened yet. */
export interface OpenedFile {
  /** Its size in bytes when checked. */
  readonly size: number;
  /** Its bytes, read as the upload is sent (the file is opened on the first pull, closed at the end or on abort). */
  readonly chunks: AsyncIterable<Uint8Array>;
}

/** Whether this runtime can read a file path. */
export const CAN_READ_PATHS = true;

// node:fs is imported by a name held in a variable and typed here by the little that is asked of it, so
// the package type-checks without Node's types (a portable package: docs/ARCHITECTURE.md).
interface NodeFsPromises {
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  access(path: string, mode: number): Promise<void>;
  constants: { R_OK: number };
}
interface NodeFs {
  createReadStream(path: string): AsyncIterable<Uint8Array>;
}
const FS_PROMISES = 'node:fs/promises';
const FS = 'node:fs';

/** Checks that `path` is a readable file and gives its size and a lazy stream of its bytes. */
export async function openFile(path: string): Promise<OpenedFile> {
  const { stat, access, constants } = (await import(/* @vite-ignore */ FS_PROMISES)) as NodeFsPromises;
  const info = await stat(path);
  if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
  await access(path, constants.R_OK);
  return {
    size: info.size,
    chunks: {
      async *[Symbol.asyncIterator]() {
        const { createReadStream } = (await import(/* @vite-ignore */ FS)) as NodeFs;
        // A Readable's iterator destroys the stream (and closes the file) when the loop stops early.
        yield* createReadStream(path);
      },
    },
  };
}
