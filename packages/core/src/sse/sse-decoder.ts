import { LimitExceededError } from '../errors/limit-exceeded-error.js';

/** One dispatched server-sent event, as the WHATWG event-stream rules define it. */
export interface SseEvent {
  /** The `event:` field, or `"message"` when the event had none. */
  readonly event: string;
  /** The `data:` lines joined with `"\n"`. */
  readonly data: string;
  /** The last event ID seen on the stream (it persists across events), `""` when none was set. */
  readonly id: string;
  /**
   * Lenient framing only: `data` already parsed as JSON, set when the decoder parsed the line to learn
   * that it ended the event. A consumer uses it instead of parsing `data` a second time. Absent otherwise.
   */
  readonly json?: unknown;
}

/**
 * How an event stream is split into events. `'strict'`: the WHATWG rules, an event ends only at a blank
 * line. `'lenient'`: also what line-based readers (lua-openai's filter) accept from servers and proxies
 * that end each `data:` line with a single line break: the first `data:` line of an event whose value is
 * a whole JSON object or array (or `[DONE]`) ends the event at once; spaces and tabs before a field name
 * are ignored (so a line of only spaces is a blank line); and the end of the body ends a last line that
 * has no line break. A blank line still ends an event, and data whose first line is not whole JSON keeps
 * the WHATWG rules.
 */
export type SseFraming = 'strict' | 'lenient';

/** The callbacks an `SseDecoder` calls as it decodes the stream. */
export interface SseDecoderHandlers {
  /** Each dispatched event, in stream order. */
  onEvent(event: SseEvent): void;
  /** A valid `retry:` field (ASCII digits only): the reconnection time in milliseconds. */
  onRetry?(milliseconds: number): void;
  /** A comment line (`: text`), with one leading space removed like a field value. */
  onComment?(text: string): void;
}

/** Options of `createSseDecoder`. */
export interface SseDecoderOptions {
  /**
   * The longest line, and the longest data of one event, in characters (UTF-16 code units; one per byte for
   * the ASCII JSON of API streams). Past it `push` throws a `LimitExceededError` (`limit: "maxEventSize"`),
   * so a stream that never ends a line cannot grow memory without bound. Default: no limit.
   */
  maxEventSize?: number;
  /** `'strict'` (the default: WHATWG) or `'lenient'`; see `SseFraming`. */
  framing?: SseFraming;
}

/** An incremental event-stream decoder: feed it chunks, it calls back with each complete event. */
export interface SseDecoder {
  /** Decodes a chunk of UTF-8 bytes; a character or a CRLF split across chunks is handled. */
  push(chunk: Uint8Array): void;
  /** Feeds already-decoded text (no BOM handling). */
  pushText(text: string): void;
  /**
   * Ends the stream. As WHATWG says, an event without its closing blank line is not dispatched (lenient
   * framing first reads a last line that has no line break as a line); the return
   * value tells whether anything was discarded that way (a cut stream), so a caller can treat it as an error.
   * The decoder is reset and can decode a new stream.
   */
  end(): { discarded: boolean };
}

const LF = 10;
const COLON = 58;
const SPACE = 32;
const TAB = 9;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;

/**
 * Creates a decoder that follows the WHATWG "event stream" interpretation rules: UTF-8 with a leading BOM
 * dropped and malformed bytes as U+FFFD; lines ended by CRLF, LF or CR (also a CR at the end of one chunk
 * and its LF at the start of the next); `data`, `event`, `id` (ignored when it contains NUL) and `retry`
 * fields; comment lines; other fields ignored; an event dispatched at each blank line when it has data.
 *
 * Each character is decoded once and scanned a bounded number of times; a partial line carried across
 * chunks is only concatenated, never rescanned, so a 30 MiB single event decodes in linear time. With
 * `framing: 'lenient'` (see `SseFraming`) the first `data:` line of an event that starts with `{` or `[`
 * is parsed with `JSON.parse` once, and the value handed on as `SseEvent.json`, so that a consumer
 * parsing each event's data does not parse it again.
 */
export function createSseDecoder(handlers: SseDecoderHandlers, options: SseDecoderOptions = {}): SseDecoder {
  const { onEvent, onRetry, onComment } = handlers;
  const maxEventSize = options.maxEventSize ?? Number.POSITIVE_INFINITY;
  const lenient = options.framing === 'lenient';
  const tooLarge = (what: string) => new LimitExceededError('maxEventSize', maxEventSize, what);
  let utf8 = new TextDecoder();
  let pending = ''; // the start of a line whose end has not arrived yet
  let skipLeadingLF = false; // the last text ended in CR: an LF first in the next text belongs to it
  let data: string | null = null; // null: the data buffer is empty; '' is a dispatchable empty `data:`
  let eventType = '';
  let lastEventId = '';

  const dispatch = (json: unknown): void => {
    if (data === null) {
      eventType = '';
      return;
    }
    const event: SseEvent =
      json === undefined
        ? { event: eventType === '' ? 'message' : eventType, data, id: lastEventId }
        : { event: eventType === '' ? 'message' : eventType, data, id: lastEventId, json };
    data = null;
    eventType = '';
    onEvent(event);
  };

  // Lenient framing: the first data line of an event ends it when it is a whole JSON value (or [DONE]).
  // Parsing it is how we know; the value travels with the event so that it is parsed only this once.
  const endsEvent = (value: string): void => {
    if (value === '[DONE]') {
      dispatch(undefined);
      return;
    }
    const first = value.charCodeAt(0);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return;
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      return; // the first line of a multi-line value, or not JSON: the WHATWG rules decide
    }
    dispatch(json);
  };

  const addData = (value: string): void => {
    if (data === null) {
      if (value.length > maxEventSize) throw tooLarge("An event's data");
      data = value;
      if (lenient) endsEvent(value);
      return;
    }
    data = `${data}\n${value}`;
    if (data.length > maxEventSize) throw tooLarge("An event's data");
  };

  const processLine = (text: string, start: number, end: number): void => {
    if (lenient) {
      // As a line-based reader: spaces and tabs before the field name do not count.
      let code = text.charCodeAt(start);
      while (start < end && (code === SPACE || code === TAB)) code = text.charCodeAt(++start);
    }
    if (start === end) {
      dispatch(undefined);
      return;
    }
    // Fast path for the line nearly every event is made of: "data: …".
    if (text.charCodeAt(start) === 100 && text.startsWith('data: ', start)) {
      addData(text.slice(start + 6, end));
      return;
    }
    let colon = start;
    while (colon < end && text.charCodeAt(colon) !== COLON) colon++;
    if (colon === start) {
      if (onComment) onComment(text.slice(valueStart(text, colon, end), end));
      return;
    }
    const nameLength = colon - start;
    if (nameLength === 4 && text.startsWith('data', start)) {
      addData(text.slice(valueStart(text, colon, end), end));
    } else if (nameLength === 5 && text.startsWith('event', start)) {
      eventType = text.slice(valueStart(text, colon, end), end);
    } else if (nameLength === 2 && text.startsWith('id', start)) {
      const value = text.slice(valueStart(text, colon, end), end);
      if (!value.includes('\0')) lastEventId = value;
    } else if (nameLength === 5 && text.startsWith('retry', start)) {
      const value = text.slice(valueStart(text, colon, end), end);
      if (onRetry && /^[0-9]+$/.test(value)) onRetry(Number.parseInt(value, 10));
    }
    // Any other field name is ignored, as the spec says.
  };

  const line = (text: string, start: number, end: number): void => {
    if (pending === '') {
      processLine(text, start, end);
      return;
    }
    const whole = pending + text.slice(start, end);
    pending = '';
    processLine(whole, 0, whole.length);
  };

  const pushText = (text: string): void => {
    const length = text.length;
    let position = 0;
    if (skipLeadingLF && length > 0) {
      skipLeadingLF = false;
      if (text.charCodeAt(0) === LF) position = 1;
    }
    let nextLF = text.indexOf('\n', position);
    let nextCR = text.indexOf('\r', position);
    while (nextLF !== -1 || nextCR !== -1) {
      let end: number;
      let after: number;
      if (nextCR === -1 || (nextLF !== -1 && nextLF < nextCR)) {
        end = nextLF;
        after = nextLF + 1;
      } else {
        end = nextCR;
        if (nextCR + 1 < length) after = text.charCodeAt(nextCR + 1) === LF ? nextCR + 2 : nextCR + 1;
        else {
          after = length;
          skipLeadingLF = true;
        }
      }
      line(text, position, end);
      position = after;
      if (nextLF !== -1 && nextLF < after) nextLF = text.indexOf('\n', after);
      if (nextCR !== -1 && nextCR < after) nextCR = text.indexOf('\r', after);
    }
    if (position < length) {
      pending += position === 0 ? text : text.slice(position);
      if (pending.length > maxEventSize) throw tooLarge('An event-stream line');
    }
  };

  return {
    push(chunk) {
      if (chunk.byteLength > 0) pushText(utf8.decode(chunk, { stream: true }));
    },
    pushText,
    end() {
      pushText(utf8.decode());
      // Lenient: the end of the body ends a last line that has no line break (a final `data: [DONE]`).
      if (lenient && pending !== '') {
        const last = pending;
        pending = '';
        processLine(last, 0, last.length);
      }
      const discarded = pending !== '' || data !== null || eventType !== '';
      utf8 = new TextDecoder();
      pending = '';
      skipLeadingLF = false;
      data = null;
      eventType = '';
      lastEventId = '';
      return { discarded };
    },
  };
}

// The value starts after the colon and one optional space.
function valueStart(text: string, colon: number, end: number): number {
  if (colon >= end) return end;
  return colon + 1 < end && text.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
}
