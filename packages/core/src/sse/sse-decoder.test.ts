import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { decodeChunks, message } from '../test-support/decode.js';
import { createSseDecoder } from './sse-decoder.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('SSE decoder: WHATWG event-stream rules', () => {
  it.each([
    ['LF', 'data: a\n\ndata: b\n\n'],
    ['CRLF', 'data: a\r\n\r\ndata: b\r\n\r\n'],
    ['CR', 'data: a\r\rdata: b\r\r'],
    ['mixed', 'data: a\r\n\ndata: b\r\r\n'],
  ])('ends lines at %s', (_name, stream) => {
    expect(decodeChunks([stream]).events).toEqual([message('a'), message('b')]);
  });

  it('treats a CR at the end of one chunk and an LF at the start of the next as one line end', () => {
    // Were the LF taken as a second line end, the blank line would dispatch "a" early and "b" alone.
    const { events } = decodeChunks(['data: a\r', '\ndata: b\r', '\n\r', '\n']);
    expect(events).toEqual([message('a\nb')]);
  });

  it('treats a CR at the end of a chunk followed by something else as a line end', () => {
    expect(decodeChunks(['data: a\r', 'data: b\r', '\r']).events).toEqual([message('a\nb')]);
  });

  it('joins multi-line data with LF and strips one leading space of each value', () => {
    const { events } = decodeChunks(['data:no space\ndata:  two spaces\ndata\ndata:\n\n']);
    expect(events).toEqual([message('no space\n two spaces\n\n')]);
  });

  it('sets the event type, which resets after each dispatch', () => {
    const { events } = decodeChunks(['event: response.created\ndata: 1\n\ndata: 2\n\n']);
    expect(events).toEqual([{ event: 'response.created', data: '1', id: '' }, message('2')]);
  });

  it('keeps the last event id across events and ignores an id containing NUL', () => {
    const { events } = decodeChunks(['id: 7\ndata: a\n\ndata: b\n\nid: x\0y\ndata: c\n\nid\ndata: d\n\n']);
    expect(events.map((event) => event.id)).toEqual(['7', '7', '7', '']);
  });

  it('reports retry only when it is all ASCII digits', () => {
    const { retries, events } = decodeChunks(['retry: 1500\nretry: 15s\nretry: -1\nretry:\nretry: 020\n\n']);
    expect(retries).toEqual([1500, 20]);
    expect(events).toEqual([]);
  });

  it('passes comments to onComment and otherwise ignores them', () => {
    const { events, comments } = decodeChunks([': keep-alive\n:\ndata: x\n: inside\n\n']);
    expect(comments).toEqual(['keep-alive', '', 'inside']);
    expect(events).toEqual([message('x')]);
  });

  it('ignores unknown fields and field names that only start like known ones', () => {
    const { events } = decodeChunks(['foo: bar\ndatax: no\nData: no\n data: no\ndata: yes\n\n']);
    expect(events).toEqual([message('yes')]);
  });

  it('treats a line without a colon as a field with an empty value', () => {
    expect(decodeChunks(['data\n\n']).events).toEqual([message('')]);
  });

  it('drops one leading BOM, even split across chunks, and keeps a second one', () => {
    const { events } = decodeChunks([bytes(0xef, 0xbb), bytes(0xbf), '\uFEFFdata: x\n\ndata: y\n\n']);
    // The second BOM begins the first field name, "\uFEFFdata", which is unknown.
    expect(events).toEqual([message('y')]);
    expect(decodeChunks(['\uFEFFdata: x\n\n']).events).toEqual([message('x')]);
  });

  it('decodes UTF-8 characters split across chunks', () => {
    const encoded = new TextEncoder().encode('data: известни 😀\n\n');
    const chunks = Array.from(encoded, (byte) => bytes(byte));
    expect(decodeChunks(chunks).events).toEqual([message('известни 😀')]);
  });

  // WHATWG and openai-node differ here: openai-node yields { event: 'foo', data: '' } for an event field
  // with no data; the spec dispatches nothing when the data buffer is empty. We follow the spec.
  it('dispatches nothing for a block without data (event only, id only)', () => {
    const { events } = decodeChunks(['event: foo\n\nevent: ping\n\nid: 3\n\n\n\n']);
    expect(events).toEqual([]);
  });

  it('applies the event type of a block only to that block', () => {
    const { events } = decodeChunks(['event: ignored\n\ndata: x\n\n']);
    expect(events).toEqual([message('x')]);
  });

  it('does not dispatch a final event that lacks its blank line, and says so', () => {
    const result = decodeChunks(['data: a\n\ndata: b\n']);
    expect(result.events).toEqual([message('a')]);
    expect(result.discarded).toBe(true);
  });

  it('discards a last line without its line end', () => {
    const result = decodeChunks(['data: a\n\ndata: b']);
    expect(result.events).toEqual([message('a')]);
    expect(result.discarded).toBe(true);
  });

  it('reports nothing discarded for a stream that ends cleanly', () => {
    expect(decodeChunks(['data: a\n\n']).discarded).toBe(false);
    expect(decodeChunks([]).discarded).toBe(false);
  });

  it('accepts a stream that is only comments, dispatching nothing', () => {
    const result = decodeChunks([': one\n', ': two\n\n', ':three\r\n']);
    expect(result).toEqual({ events: [], retries: [], comments: ['one', 'two', 'three'], discarded: false });
  });

  it('turns bytes that are not UTF-8 into U+FFFD instead of throwing', () => {
    const { events } = decodeChunks([bytes(0x64, 0x61, 0x74, 0x61, 0x3a, 0x20, 0xff, 0xc3, 0x0a, 0x0a)]);
    expect(events).toEqual([message('\uFFFD\uFFFD')]);
  });

  it('turns a truncated UTF-8 sequence at the end of the stream into U+FFFD in the discarded line', () => {
    const result = decodeChunks(['data: ok\n\ndata: ', bytes(0xe2, 0x82)]);
    expect(result.events).toEqual([message('ok')]);
    expect(result.discarded).toBe(true);
  });

  it('does not treat U+2028, U+2029, U+0085 or a form feed as line ends', () => {
    const data = 'a\u2028b\u2029c\u0085d\fe';
    expect(decodeChunks([`data: ${data}\n\n`]).events).toEqual([message(data)]);
  });

  it('is reusable after end()', () => {
    const seen: string[] = [];
    const decoder = createSseDecoder({ onEvent: (event) => seen.push(`${event.id}:${event.data}`) });
    decoder.pushText('id: 1\ndata: a\n\ndata: cut');
    expect(decoder.end()).toEqual({ discarded: true });
    decoder.pushText('data: b\n\n');
    expect(decoder.end()).toEqual({ discarded: false });
    expect(seen).toEqual(['1:a', ':b']);
  });

  it('lets an exception from onEvent propagate to the caller', () => {
    const decoder = createSseDecoder({
      onEvent: () => {
        throw new Error('consumer failed');
      },
    });
    expect(() => decoder.pushText('data: x\n\n')).toThrow('consumer failed');
  });
});

describe('SSE decoder: the cases openai-node tests', () => {
  it('decodes an event with a name and JSON data', () => {
    const { events } = decodeChunks(['event: completion\ndata: {"foo":true}\n\n']);
    expect(events).toEqual([{ event: 'completion', data: '{"foo":true}', id: '' }]);
    expect(JSON.parse(events[0]?.data ?? '')).toEqual({ foo: true });
  });

  it('decodes several events with data', () => {
    const { events } = decodeChunks([
      'event: foo\ndata: {"foo":true}\n\nevent: ping\ndata: {"bar":false}\n\n',
    ]);
    expect(events).toEqual([
      { event: 'foo', data: '{"foo":true}', id: '' },
      { event: 'ping', data: '{"bar":false}', id: '' },
    ]);
  });

  it('decodes multiple data lines with empty lines among them', () => {
    const { events } = decodeChunks(['event: ping\ndata: {\ndata: "foo":\ndata: \ndata:\ndata: true}\n\n']);
    expect(events).toEqual([{ event: 'ping', data: '{\n"foo":\n\n\ntrue}', id: '' }]);
    expect(JSON.parse(events[0]?.data ?? '')).toEqual({ foo: true });
  });

  it('keeps escaped double newlines inside JSON data', () => {
    const { events } = decodeChunks(['event: ping\ndata: {"foo": "my long\\n\\ncontent"}\n\n']);
    expect(JSON.parse(events[0]?.data ?? '')).toEqual({ foo: 'my long\n\ncontent' });
  });

  it('decodes events whose lines and blank lines arrive in separate chunks', () => {
    const { events } = decodeChunks([
      'data: {"content": "culpa "}\n',
      '\n',
      'data: {"content": " "}\n\n',
      'data:',
      ' {"content": "officia"}\n\n',
    ]);
    expect(events.map((event) => JSON.parse(event.data).content)).toEqual(['culpa ', ' ', 'officia']);
  });

  it('passes the [DONE] sentinel through as data', () => {
    expect(decodeChunks(['data: [DONE]\n\n']).events).toEqual([message('[DONE]')]);
  });
});

describe('SSE decoder: size', () => {
  it('decodes a single 30 MiB data line arriving in 64 KiB chunks', () => {
    const size = 30 * 1024 * 1024;
    const payload = `${'x'.repeat(size - 1)}é`; // ends in a two-byte character split by the chunking
    const encoded = new TextEncoder().encode(`data: ${payload}\n\n`);
    const chunks: Uint8Array[] = [];
    for (let offset = 0; offset < encoded.length; offset += 65_536) {
      chunks.push(encoded.subarray(offset, offset + 65_536));
    }
    const { events } = decodeChunks(chunks);
    expect(events).toHaveLength(1);
    expect(events[0]?.data.length).toBe(size);
    expect(events[0]?.data === payload).toBe(true);
  });
});

describe('maxEventSize', () => {
  const events: string[] = [];
  const decoder = (max: number) =>
    createSseDecoder({ onEvent: (event) => void events.push(event.data) }, { maxEventSize: max });

  it('stops a line that never ends, once it passes the limit', () => {
    const sse = decoder(64);
    sse.pushText('data: ');
    let error: unknown;
    try {
      for (let i = 0; i < 100; i++) sse.pushText('x'.repeat(10));
    } catch (caught) {
      error = caught;
    }
    expect(LimitExceededError.isInstance(error) && error.limit).toBe('maxEventSize');
  });

  it('stops an event whose data lines add up past the limit', () => {
    const sse = decoder(20);
    expect(() => sse.pushText('data: 0123456789\ndata: 0123456789\ndata: x\n')).toThrow(LimitExceededError);
  });

  it('lets any number of events within the limit through', () => {
    events.length = 0;
    const sse = decoder(16);
    for (let i = 0; i < 10_000; i++) sse.pushText(`data: {"i":${i % 10}}\n\n`);
    expect(events).toHaveLength(10_000);
  });
});
