import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A request as a cassette keeps it: secrets redacted. */
export interface CassetteRequest {
  method: string;
  /** The URL with key query parameters and credentials redacted. */
  url: string;
  /** Lower-case names; `authorization`, `api-key` and other secrets are `[redacted]`. */
  headers: Record<string, string>;
  /** The body as UTF-8 text, or base64 when it is not text; `null` for none. */
  body: string | null;
  bodyEncoding?: 'base64';
}

/** One chunk of a response body as it reached the sink. */
export interface CassetteChunk {
  text?: string;
  base64?: string;
  /** Milliseconds since the previous chunk (or since the headers), when timing was recorded. */
  delayMs?: number;
}

export interface CassetteResponse {
  status: number;
  headers: Record<string, string>;
  statusLine: string;
  chunks: CassetteChunk[];
}

/** One exchange: the request and either its response or the transport failure it met. */
export interface Interaction {
  request: CassetteRequest;
  response?: CassetteResponse;
  error?: { code: string; message: string };
}

export interface Cassette {
  version: 1;
  interactions: Interaction[];
}

export function readCassette(file: string): Cassette {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read cassette ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return checkCassette(parsed, file);
}

export function checkCassette(value: unknown, label: string): Cassette {
  const cassette = value as Partial<Cassette> | null;
  if (cassette?.version !== 1 || !Array.isArray(cassette.interactions)) {
    throw new Error(`${label} is not a wireai cassette (expected { "version": 1, "interactions": [...] })`);
  }
  return cassette as Cassette;
}

export function writeCassette(file: string, cassette: Cassette): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(cassette, null, 2)}\n`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as a cassette stores them: text when they are valid UTF-8 (readable diffs), base64 otherwise. */
export function encodeBytes(bytes: Uint8Array): { text: string } | { base64: string } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { base64: Buffer.from(bytes).toString('base64') };
  }
}

export function decodeChunk(chunk: CassetteChunk): Uint8Array {
  if (chunk.base64 !== undefined) return new Uint8Array(Buffer.from(chunk.base64, 'base64'));
  return new TextEncoder().encode(chunk.text ?? '');
}
