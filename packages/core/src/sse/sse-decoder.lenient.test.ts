import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { decodeChunks, message } from '../test-support/decode.js';

const lenient = { framing: 'lenient' } as const;

describe('SSE decoder, lenient framing', () => {
  it('ends an event at a data line holding a whole JSON object, without a blank line', () => {
    const { events, discarded } = decodeChunks(['data: {"id":1}\ndata: {"id":2}\n'], lenient);
    expect(events).toEqual([
      { ...message('{"id":1}'), json: { id: 1 } },
      { ...message('{"id":2}'), json: { id: 2 } },
    ]);
    expect(discarded).toBe(false);
  });

  it('joins the same lines into one event under the default strict framing', () => {
    const { events, discarded } = decodeChunks(['data: {"id":1}\ndata: {"id":2}\n\n']);
    expect(events).toEqual([message('{"id":1}\n{"id":2}')]);
    expect(discarded).toBe(false);
  });

  it('hands the parsed value on, so a consumer need not parse the data again', () => {
    const [event] = decodeChunks(['data: [1,{"a":"b"}]\n'], lenient).events;
    expect(event?.json).toEqual([1, { a: 'b' }]);
  });

  it('dispatches nothing more for the blank line that follows an event it already ended', () => {
    const { events } = decodeChunks(['data: {"id":1}\n\n\ndata: {"id":2}\n\n'], lenient);
    expect(events.map((event) => event.data)).toEqual(['{"id":1}', '{"id":2}']);
  });

  it('ends an event at data: [DONE] without a blank line, with no parsed value', () => {
    const { events } = decodeChunks(['data: {"id":1}\ndata: [DONE]\n'], lenient);
    expect(events).toEqual([{ ...message('{"id":1}'), json: { id: 1 } }, message('[DONE]')]);
  });

  it('keeps the WHATWG rules for multi-line data whose first line is not a whole JSON value', () => {
    // Pretty-printed JSON over several data lines: the inner `{"x":1}` line is whole JSON, but not first.
    const text = 'data: {\ndata: "list": [\ndata: {"x":1}\ndata: ]\ndata: }\n\n';
    const { events } = decodeChunks([text], lenient);
    expect(events).toEqual([message('{\n"list": [\n{"x":1}\n]\n}')]);
    expect(JSON.parse(events[0]?.data ?? '')).toEqual({ list: [{ x: 1 }] });
  });

  it('keeps text data that is not JSON until its blank line', () => {
    const { events } = decodeChunks(['data: hello\ndata: {"id":1}\n\n'], lenient);
    expect(events).toEqual([message('hello\n{"id":1}')]);
  });

  it('keeps a line that only starts like JSON for the WHATWG rules', () => {
    const { events, discarded } = decodeChunks(['data: {broken\n'], lenient);
    expect(events).toEqual([]);
    expect(discarded).toBe(true);
  });

  it('applies the event type and the last id to an event it ends early, then resets the type', () => {
    const { events } = decodeChunks(['event: error\nid: 7\ndata: {"e":1}\ndata: {"e":2}\n'], lenient);
    expect(events).toEqual([
      { event: 'error', data: '{"e":1}', id: '7', json: { e: 1 } },
      { event: 'message', data: '{"e":2}', id: '7', json: { e: 2 } },
    ]);
  });

  it('ignores spaces and tabs before a field name, as a line-based reader does', () => {
    const { events, comments } = decodeChunks(['  data: {"id":1}\n\t\tdata: {"id":2}\n  : note\n'], lenient);
    expect(events.map((event) => event.json)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(comments).toEqual(['note']);
    // Strict framing reads "  data" as an unknown field name and ignores it.
    expect(decodeChunks(['  data: {"id":1}\n\n']).events).toEqual([]);
  });

  it('takes a line of only spaces as a blank line, ending a multi-line event', () => {
    expect(decodeChunks(['data: a\ndata: b\n  \n'], lenient).events).toEqual([message('a\nb')]);
    expect(decodeChunks(['data: a\ndata: b\n  \n']).events).toEqual([]);
  });

  it('reads a last line without its line break when the body ends', () => {
    const lenientEnd = decodeChunks(['data: {"id":1}\ndata: [DONE]'], lenient);
    expect(lenientEnd.events.map((event) => event.data)).toEqual(['{"id":1}', '[DONE]']);
    expect(lenientEnd.discarded).toBe(false);
    const strictEnd = decodeChunks(['data: {"id":1}\n\ndata: [DONE]']);
    expect(strictEnd.events.map((event) => event.data)).toEqual(['{"id":1}']);
    expect(strictEnd.discarded).toBe(true);
  });

  it('still reports a cut stream: a last line that is not whole JSON is discarded', () => {
    const { events, discarded } = decodeChunks(['data: {"id":1}\ndata: {"id"'], lenient);
    expect(events.map((event) => event.data)).toEqual(['{"id":1}']);
    expect(discarded).toBe(true);
  });

  it('decodes a JSON line split across chunks at every byte', () => {
    const text = 'data: {"object":"chat.completion.chunk","value":"é😀"}\r\ndata: [DONE]\r\n';
    const bytes = new TextEncoder().encode(text);
    const { events } = decodeChunks(
      Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)),
      lenient,
    );
    expect(events.map((event) => event.json ?? event.data)).toEqual([
      { object: 'chat.completion.chunk', value: 'é😀' },
      '[DONE]',
    ]);
  });

  it('keeps the maxEventSize limit', () => {
    expect(() =>
      decodeChunks([`data: {"a":"${'x'.repeat(100)}"}\n`], { ...lenient, maxEventSize: 50 }),
    ).toThrow(LimitExceededError);
  });
});
