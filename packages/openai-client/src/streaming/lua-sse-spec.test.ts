import { describe, expect, it } from 'vitest';
import { IncompleteStreamError, MalformedResponseError } from '../errors.js';
import { eventStreamSink, type StreamState } from './event-sink.js';

// lua-openai's spec/sse_spec.moon, translated case by case. lua's `create_stream_filter(callback)` is
// the piece that turns a streamed body into parsed JSON events; in wireai that is `eventStreamSink`, the
// sink a streaming request gets (the decoder of @wireai/core plus JSON parsing and the `[DONE]` end).
// Each case feeds it the same chunks lua's filter gets, one call per chunk, with the framing that reads
// single-newline streams as lua does: `sseFraming: 'lenient'`.
//
// Two cases cannot apply as written:
// - "silently skips invalid JSON": wireai never drops part of a reply silently. A `data:` line that is
//   not JSON is not a complete event under either framing; once its event ends it rejects with
//   `MalformedResponseError` (the data and request id kept), and a stream that ends inside it rejects
//   with `IncompleteStreamError`. The two tests at the end show that behaviour on lua's input.
// - "passes through input unchanged (ltn12 filter behavior)": lua's filter returns each chunk so the
//   raw body can be collected after it in an ltn12 chain. wireai's decoder is the end of the chain, a
//   sink (`sinks.sse`), and a streamed body is never kept whole (memory stays bounded); each event's
//   text still reaches the caller, as the second argument of `onEvent` (`raw.data`).

const encoder = new TextEncoder();

/** lua's `filter`: one function fed chunk by chunk; `received` holds the parsed events. */
function createStreamFilter() {
  const received: unknown[] = [];
  const state: StreamState = { delivered: false, terminal: false };
  const sink = eventStreamSink(
    { onEvent: (event) => void received.push(event) },
    { status: 200, headers: {}, requestId: 'req_lua_sse' },
    state,
    undefined,
    'lenient',
  );
  return {
    received,
    filter: (chunk: string) => sink(encoder.encode(chunk)),
    end: () => sink(null),
  };
}

describe('lua-openai spec (sse_spec.moon): create_stream_filter', () => {
  it('parses a single complete chunk', () => {
    const { filter, received } = createStreamFilter();
    filter('data: {"message": "hello"}\n');
    expect(received).toEqual([{ message: 'hello' }]);
  });

  it('parses multiple data lines in one chunk', () => {
    const { filter, received } = createStreamFilter();
    filter('data: {"id": 1}\ndata: {"id": 2}\ndata: {"id": 3}\n');
    expect(received).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('handles partial JSON split across chunks', () => {
    const { filter, received } = createStreamFilter();
    filter('data: {"object": "chat.comple');
    expect(received).toEqual([]); // the line is not complete yet
    filter('tion.chunk", "value": 123}\n');
    expect(received).toEqual([{ object: 'chat.completion.chunk', value: 123 }]);
  });

  it('handles newline split from data', () => {
    const { filter, received } = createStreamFilter();
    filter('data: {"complete": true}');
    expect(received).toEqual([]); // no line break yet
    filter('\n');
    expect(received).toEqual([{ complete: true }]);
  });

  it('handles data prefix split across chunks', () => {
    const { filter, received } = createStreamFilter();
    filter('dat');
    expect(received).toEqual([]);
    filter('a: {"id": 1}\n');
    expect(received).toEqual([{ id: 1 }]);
  });

  it('ignores SSE comments', () => {
    const { filter, received } = createStreamFilter();
    filter(': this is a comment\n');
    filter('data: {"id": 1}\n');
    filter(': another comment\n');
    filter('data: {"id": 2}\n');
    expect(received).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('ignores [DONE] message', () => {
    const { filter, end, received } = createStreamFilter();
    filter('data: {"id": 1}\n');
    filter('data: [DONE]\n');
    filter('data: {"id": 2}\n');
    expect(end()).toBeUndefined(); // [DONE] was seen: the stream ended normally
    expect(received).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('handles leading whitespace on lines', () => {
    const { filter, received } = createStreamFilter();
    filter('  data: {"id": 1}\n');
    filter('\t\tdata: {"id": 2}\n');
    expect(received).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('ignores empty lines', () => {
    const { filter, received } = createStreamFilter();
    filter('\n');
    filter('data: {"id": 1}\n');
    filter('\n');
    filter('\n');
    filter('data: {"id": 2}\n');
    expect(received).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('ignores non-data fields', () => {
    const { filter, received } = createStreamFilter();
    filter('event: message\n');
    filter('id: 123\n');
    filter('retry: 5000\n');
    filter('data: {"id": 1}\n');
    expect(received).toEqual([{ id: 1 }]);
  });

  // Not lua's behaviour (see the note at the top): what wireai does with lua's "invalid JSON" input.
  it('instead of skipping invalid JSON silently, reports a stream cut inside an event that is not JSON', () => {
    const { filter, end, received } = createStreamFilter();
    filter('data: not valid json\n');
    filter('data: {"id": 1}\n'); // joined to the line above by the WHATWG rules: not a whole event
    filter('data: {broken\n');
    filter('data: {"id": 2}\n');
    expect(received).toEqual([]);
    expect(() => end()).toThrow(IncompleteStreamError);
  });

  it('instead of skipping invalid JSON silently, rejects an event that is not JSON', () => {
    const { filter, received } = createStreamFilter();
    filter('data: {"id": 1}\n');
    expect(() => filter('data: not valid json\n\n')).toThrow(MalformedResponseError);
    expect(received).toEqual([{ id: 1 }]);
  });
});
