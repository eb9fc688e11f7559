import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunks, splitAt } from '../test-support/decode.js';
import { referenceEvents } from '../test-support/reference-sse.js';

const encoder = new TextEncoder();

/** Cuts `text`'s UTF-8 bytes at arbitrary offsets (also inside a character or a CRLF). */
const chunked = (text: string, cuts: number[]) => {
  const bytes = encoder.encode(text);
  return splitAt(
    bytes,
    cuts.map((cut) => cut % (bytes.length + 1)),
  );
};

// Arbitrary event-stream text: field names, separators, line ends, JSON-ish and multi-byte characters.
const anyStream = fc
  .array(
    fc.constantFrom(
      'data',
      'data:',
      'data: ',
      'event:',
      'id:',
      'retry:',
      ':',
      ' ',
      '\t',
      'x',
      '{}',
      '{"a":1}',
      '[DONE]',
      'é',
      '😀',
      '\0',
      '\n',
      '\r',
      '\r\n',
      '\n\n',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('SSE decoder properties: strict framing', () => {
  it('equals the reference WHATWG parser on arbitrary text and arbitrary chunkings', () => {
    fc.assert(
      fc.property(anyStream, fc.boolean(), fc.array(fc.nat(), { maxLength: 20 }), (text, bom, cuts) => {
        const stream = bom ? `\uFEFF${text}` : text;
        const expected = referenceEvents(stream);
        expect(decodeChunks(chunked(stream, cuts)).events).toEqual(expected);
        expect(decodeChunks(chunked(stream, cuts), { framing: 'strict' }).events).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

// A JSON object or array, as API events are; its parse-after-stringify form is what a decoder yields.
const jsonEvent = fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()));
const line = fc.record({
  value: jsonEvent,
  eventName: fc.option(fc.constantFrom('message', 'error', 'response.completed'), { nil: undefined }),
  comment: fc.boolean(),
  indent: fc.constantFrom('', '  ', '\t'),
  space: fc.boolean(),
  end: fc.constantFrom('\n', '\r\n', '\r'),
  blank: fc.boolean(),
});

describe('SSE decoder properties: lenient framing', () => {
  it('decodes JSON data lines, with or without blank lines, into one event per line, whatever the chunks', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 30 }),
        (lines, lastEnds, cuts) => {
          let text = '';
          lines.forEach(({ value, eventName, comment, indent, space, end, blank }, index) => {
            if (comment) text += `: keep-alive${end}`;
            if (eventName) text += `event: ${eventName}${end}`;
            text += `${indent}data:${space ? ' ' : ''}${JSON.stringify(value)}`;
            // The last line may lack its line break: the end of the body ends it.
            if (index < lines.length - 1 || lastEnds) text += blank ? `${end}${end}` : end;
          });
          const expected = lines.map(({ value, eventName }) => {
            const data = JSON.stringify(value);
            return { event: eventName ?? 'message', data, id: '', json: JSON.parse(data) };
          });
          const decoded = decodeChunks(chunked(text, cuts), { framing: 'lenient' });
          expect(decoded.events).toEqual(expected);
          expect(decoded.discarded).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with the strict rules on streams whose data lines never start with JSON or [DONE]', () => {
    const plain = fc
      .array(
        fc.constantFrom(
          'data: ',
          'data:',
          'event: e',
          'id: 1',
          ': c',
          'x',
          'é',
          'a b',
          '}',
          ']',
          '\n',
          '\r\n',
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(plain, fc.array(fc.nat(), { maxLength: 20 }), (text, cuts) => {
        expect(decodeChunks(chunked(text, cuts), { framing: 'lenient' }).events).toEqual(
          referenceEvents(text),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('yields the same events as strict framing for well-framed streams of JSON events', () => {
    fc.assert(
      fc.property(
        fc.array(jsonEvent, { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (values, cuts) => {
          const text = values.map((value) => `data: ${JSON.stringify(value)}\n\n`).join('');
          const strict = decodeChunks(chunked(text, cuts)).events;
          const lenientEvents = decodeChunks(chunked(text, cuts), { framing: 'lenient' }).events;
          expect(lenientEvents.map(({ json: _json, ...event }) => event)).toEqual(strict);
        },
      ),
      { numRuns: 300 },
    );
  });
});
