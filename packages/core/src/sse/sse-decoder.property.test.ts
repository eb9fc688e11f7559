import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunks, splitAt } from '../test-support/decode.js';
import type { SseEvent } from './sse-decoder.js';

// Text a field value may hold: anything but CR and LF, with the characters that stress the decoder
// (multi-byte UTF-8, colons, leading spaces, Unicode line separators) made frequent.
const valueText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(' ', ':', 'é', '😀', '\u2028', '\u0085', '{', '"', '\0'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 12,
  })
  .map((text) => text.replace(/[\r\n]/g, ''));

const block = fc.record({
  comment: fc.option(valueText, { nil: undefined }),
  id: fc.option(
    valueText.map((text) => text.replace(/\0/g, '')),
    { nil: undefined },
  ),
  event: fc.option(
    valueText.filter((text) => text !== ''),
    { nil: undefined },
  ),
  // An empty list makes a block without data, which dispatches nothing.
  data: fc.array(valueText, { maxLength: 4 }),
});

type Block = typeof block extends fc.Arbitrary<infer T> ? T : never;

const lineEnd = fc.constantFrom('\n', '\r', '\r\n');

interface Stream {
  bytes: Uint8Array;
  expected: SseEvent[];
}

/** Serialises blocks with the given line ends, and computes the events a conforming decoder must yield. */
function serialise(blocks: Block[], ends: string[], bom: boolean): Stream {
  const lines: string[] = [];
  const expected: SseEvent[] = [];
  let lastId = '';
  const field = (name: string, value: string) =>
    // Without a space after the colon the value must not start with one (it would be stripped).
    lines.push(value.startsWith(' ') || lines.length % 2 === 0 ? `${name}: ${value}` : `${name}:${value}`);
  for (const { comment, id, event, data } of blocks) {
    if (comment !== undefined) lines.push(`:${comment}`);
    if (id !== undefined) field('id', id);
    if (event !== undefined) field('event', event);
    for (const value of data) field('data', value);
    lines.push('');
    if (id !== undefined) lastId = id;
    if (data.length > 0) expected.push({ event: event ?? 'message', data: data.join('\n'), id: lastId });
  }
  let text = bom ? '\uFEFF' : '';
  let previousEnd = '';
  lines.forEach((line, index) => {
    let end = ends[index % ends.length] ?? '\n';
    // "\r" then an empty line ended by "\n" would read as one CRLF: the blank line would vanish.
    if (previousEnd === '\r' && line === '' && end === '\n') end = '\r\n';
    text += line + end;
    previousEnd = end;
  });
  return { bytes: new TextEncoder().encode(text), expected };
}

describe('SSE decoder properties', () => {
  it('yields the same events however the bytes are split into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 8 }),
        fc.array(lineEnd, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 40 }),
        (blocks, ends, bom, cuts) => {
          const { bytes, expected } = serialise(blocks, ends, bom);
          const whole = decodeChunks([bytes]);
          const chunked = decodeChunks(
            splitAt(
              bytes,
              cuts.map((cut) => cut % (bytes.length + 1)),
            ),
          );
          expect(whole.events).toEqual(expected);
          expect(chunked.events).toEqual(expected);
          expect(chunked.discarded).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('yields the same events when every byte is its own chunk', () => {
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 5 }),
        fc.array(lineEnd, { minLength: 1, maxLength: 4 }),
        (blocks, ends) => {
          const { bytes, expected } = serialise(blocks, ends, false);
          const oneByOne = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
          expect(decodeChunks(oneByOne).events).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
