import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorBrand, TRANSPORT_ERROR_CODES, WireaiError, type WireaiErrorOptions } from '@wireai/core';
import { z } from 'zod';

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

/** A response as a cassette keeps it: the head, then the body chunks in the order they reached the sink. */
export interface CassetteResponse {
  /** The HTTP status code. */
  status: number;
  /** Lower-case names; `set-cookie` and other secrets are `[redacted]`. */
  headers: Record<string, string>;
  /** The status line, e.g. `"HTTP/1.1 200 OK"`. */
  statusLine: string;
  /** The body, chunk by chunk. */
  chunks: CassetteChunk[];
}

/** One exchange: the request and either its response or the transport failure it met. */
export interface Interaction {
  request: CassetteRequest;
  response?: CassetteResponse;
  error?: { code: string; message: string };
}

/** A recorded session of exchanges, as `recordTransport` writes it and `replayTransport` reads it. */
export interface Cassette {
  version: 1;
  interactions: Interaction[];
}

/** One thing wrong with a cassette: where (the interaction's index, the field's path) and what. */
export interface CassetteIssue {
  /** The index of the interaction, when the problem is inside one. */
  interaction: number | undefined;
  /** The field inside the interaction (or the cassette), e.g. `response.chunks[2].text`; `''` for itself. */
  path: string;
  /** What is wrong, e.g. `must be an array, got 5`. */
  message: string;
}

/**
 * A cassette that cannot be replayed: unreadable, not JSON, or not in the shape `recordTransport` writes.
 * The message names the file (or `object given`), the first bad interaction and what is wrong with it,
 * e.g. `cassette tests/x.json: interaction 3: "response.chunks" must be an array, got 5`.
 */
export class CassetteError extends WireaiError {
  static override readonly brand: symbol = errorBrand('CassetteError');
  /** The interaction of the first problem, when it is inside one. */
  readonly interaction: number | undefined;

  constructor(
    /** The cassette's file as given, or `object given`. */
    readonly file: string,
    /** Every problem found (one for a file that is not JSON). */
    readonly issues: readonly CassetteIssue[],
    options?: WireaiErrorOptions,
  ) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`cassette ${file}: ${first ? describeIssue(first) : 'invalid'}${more}`, options);
    this.interaction = first?.interaction;
  }
}

function describeIssue({ interaction, path, message }: CassetteIssue): string {
  const where = interaction === undefined ? '' : `interaction ${interaction}: `;
  return `${where}${path === '' ? '' : `"${path}" `}${message}`;
}

/** Reads a cassette file and checks its shape; a `CassetteError` says what is wrong and where. */
export function readCassette(file: string): Cassette {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CassetteError(file, [issue(`cannot be read: ${messageOf(error)}`)], { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CassetteError(file, [issue(`is not JSON: ${messageOf(error)}`)], { cause: error });
  }
  return checkCassette(parsed, file);
}

/** Checks that `value` is a cassette as `recordTransport` writes it; `label` names it in the error. */
export function checkCassette(value: unknown, label: string): Cassette {
  const result = CASSETTE.safeParse(value);
  if (result.success) return result.data as Cassette;
  throw new CassetteError(label, result.error.issues.map(toIssue));
}

const issue = (message: string): CassetteIssue => ({ interaction: undefined, path: '', message });
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function toIssue({ path, message }: z.core.$ZodIssue): CassetteIssue {
  const [first, second, ...rest] = path;
  const inInteraction = first === 'interactions' && typeof second === 'number';
  const field = inInteraction ? rest : path;
  return {
    interaction: inInteraction ? second : undefined,
    path: field
      .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`))
      .join(''),
    message,
  };
}

/** A value as an error message shows it: short, and a string in quotes. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return String(value);
}

/** Zod params whose message is `must be <expected>, got <value>` (or `is missing`). */
const must = (expected: string) => ({
  error: (problem: { input?: unknown }) =>
    problem.input === undefined ? 'is missing' : `must be ${expected}, got ${shown(problem.input)}`,
});

const text = () => z.string(must('a string'));
const headers = () => z.record(z.string(), text(), must('an object of header names to strings'));
const base64 = () => z.base64(must('base64'));
const HTTP_URL = /^https?:\/\//i;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/; // RFC 9110 token, as a method is

const REQUEST = z
  .object(
    {
      method: text().regex(TOKEN, must('an HTTP method')),
      url: text().refine((url) => HTTP_URL.test(url) && URL.canParse(url), must('an absolute http(s) URL')),
      headers: headers(),
      body: text().nullable(),
      bodyEncoding: z.literal('base64', must('"base64"')).optional(),
    },
    must('an object'),
  )
  .superRefine((request, context) => {
    if (
      request.bodyEncoding === 'base64' &&
      request.body !== null &&
      !z.base64().safeParse(request.body).success
    )
      context.addIssue({
        code: 'custom',
        path: ['body'],
        message: 'must be base64 (bodyEncoding is "base64")',
      });
  });

const CHUNK = z
  .object(
    {
      text: text().optional(),
      base64: base64().optional(),
      delayMs: z.number(must('a number of milliseconds')).min(0, must('0 or more')).optional(),
    },
    must('an object with "text" or "base64"'),
  )
  .refine((chunk) => chunk.text !== undefined || chunk.base64 !== undefined, {
    message: 'must have "text" or "base64"',
  });

const RESPONSE = z.object(
  {
    status: z
      .number(must('an HTTP status'))
      .int(must('a whole number'))
      .min(100, must('an HTTP status (100 to 599)'))
      .max(599, must('an HTTP status (100 to 599)')),
    headers: headers(),
    statusLine: text(),
    chunks: z.array(CHUNK, must('an array of chunks')),
  },
  must('an object'),
);

const INTERACTION = z.object(
  {
    request: REQUEST,
    response: RESPONSE.optional(),
    error: z
      .object(
        {
          code: z.enum(TRANSPORT_ERROR_CODES, must(`one of ${TRANSPORT_ERROR_CODES.join(', ')}`)),
          message: text(),
        },
        must('an object'),
      )
      .optional(),
  },
  must('an object'),
);

const CASSETTE = z.object(
  {
    version: z.literal(1, must('1')),
    interactions: z.array(INTERACTION, must('an array of interactions')),
  },
  must('an object like { "version": 1, "interactions": [...] }'),
);

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
