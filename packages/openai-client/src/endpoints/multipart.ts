import { concatBytes, type Source, sources } from '@wireai/core';

/** A file part of a multipart body. */
export interface MultipartFile {
  /** The content: bytes, text, or chunks (a stream is sent as it is read, and never retried). */
  data: Uint8Array | string | AsyncIterable<Uint8Array>;
  /** The file name the part declares. */
  filename: string;
  /** The part's `Content-Type` (default `application/octet-stream`). */
  contentType?: string;
}

const encoder = new TextEncoder();

// Quotes and line breaks cannot appear inside a quoted parameter of a part header.
const quoted = (value: string) => value.replace(/["\r\n]/g, (char) => encodeURIComponent(char));

/**
 * A `multipart/form-data` body built in the client (not by the HTTP stack), so an upload is the same
 * bytes over every transport, node-fetch included. Bytes and text give one array (length known, the
 * request can be retried); a streamed file gives a stream.
 */
export function multipartBody(
  fields: Record<string, string>,
  files: Record<string, MultipartFile>,
): { source: Source; contentType: string } {
  const boundary = `----wireai${crypto.randomUUID().replace(/-/g, '')}`;
  const parts: Source[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const [name, file] of Object.entries(files)) {
    const type = file.contentType ?? 'application/octet-stream';
    parts.push(
      encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"; filename="${quoted(file.filename)}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      typeof file.data === 'string' ? encoder.encode(file.data) : file.data,
      encoder.encode('\r\n'),
    );
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  const contentType = `multipart/form-data; boundary=${boundary}`;
  if (parts.every((part) => part instanceof Uint8Array))
    return { source: concatBytes(parts as Uint8Array[]), contentType };
  return { source: sources.cat(...parts), contentType };
}
