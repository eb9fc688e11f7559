import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, collect, IncompleteBodyError } from './collect.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('sinks.collect()', () => {
  it('collects chunks and reads them back as bytes, text and JSON', () => {
    const body = collect();
    const bytes = encode('{"a":"é"}');
    body.sink(bytes.subarray(0, 7)); // splits the two bytes of "é"
    body.sink(bytes.subarray(7));
    body.sink(null);
    expect(body.done).toBe(true);
    expect(body.byteLength).toBe(bytes.length);
    expect(body.bytes()).toEqual(bytes);
    expect(body.text()).toBe('{"a":"é"}');
    expect(body.json()).toEqual({ a: 'é' });
  });

  it('refuses to read a body that has not ended', () => {
    const body = collect();
    body.sink(encode('{'));
    expect(() => body.text()).toThrow(IncompleteBodyError);
  });

  it('throws from the sink once the body passes maxBytes, so the request aborts', () => {
    const body = collect({ maxBytes: 4 });
    body.sink(encode('abcd'));
    expect(() => body.sink(encode('e'))).toThrow(BodyTooLargeError);
  });

  it('throws a SyntaxError for a body that is not JSON', () => {
    const body = collect();
    body.sink(encode('<html>'));
    body.sink(null);
    expect(() => body.json()).toThrow(SyntaxError);
    expect(body.text()).toBe('<html>');
  });

  it('rejects chunks after the end', () => {
    const body = collect();
    body.sink(null);
    expect(() => body.sink(encode('x'))).toThrow('after the end');
  });

  it('reads an empty body as empty text', () => {
    const body = collect();
    body.sink(null);
    expect(body.text()).toBe('');
  });
});
