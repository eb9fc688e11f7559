// The file types OpenAI's file, vision, audio and retrieval endpoints take, by extension. A table rather than
// a MIME package: the well-kept ones (mime-types) import node:path, which the portable build cannot carry,
// and an upload needs only these; anything else is sent as application/octet-stream, or as given.
const TYPES: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  css: 'text/css',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  xml: 'application/xml',
  json: 'application/json',
  jsonl: 'application/jsonl',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  js: 'text/javascript',
  mjs: 'text/javascript',
  ts: 'application/typescript',
  py: 'text/x-python',
  sh: 'application/x-sh',
  c: 'text/x-c',
  cpp: 'text/x-c++',
  java: 'text/x-java',
  go: 'text/x-golang',
  rb: 'text/x-ruby',
  php: 'text/x-php',
  tex: 'text/x-tex',
  zip: 'application/zip',
  tar: 'application/x-tar',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  mpga: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  webm: 'audio/webm',
  mp4: 'video/mp4',
  mpeg: 'video/mpeg',
};

/** The default part type, when neither the caller, a `Blob`, nor the file name's extension tells. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** The content type a file name's extension suggests (case-insensitive), or `undefined`. */
export function contentTypeFor(filename: string): string | undefined {
  const dot = filename.lastIndexOf('.');
  return dot <= 0 ? undefined : TYPES[filename.slice(dot + 1).toLowerCase()];
}

/** The last segment of a path, with `/` or `\` as separators (so it works for Windows paths too). */
export function basename(path: string): string {
  return (
    path
      .split(/[\\/]/)
      .filter((part) => part !== '')
      .at(-1) ?? ''
  );
}
