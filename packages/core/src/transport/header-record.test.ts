import { describe, expect, it } from 'vitest';
import { formatStatusLine, rawHeaderPairs, toHeaderRecord } from './header-record.js';

describe('toHeaderRecord()', () => {
  it('lower-cases names and joins repeats and arrays with ", " in order', () => {
    const record = toHeaderRecord([
      ['Set-Cookie', 'a=1'],
      ['X-Id', '7'],
      ['set-cookie', 'b=2'],
    ]);
    expect(record).toEqual({ 'set-cookie': 'a=1, b=2', 'x-id': '7' });
    expect(toHeaderRecord({ 'Set-Cookie': ['a=1', 'b=2'], 'Content-Length': 3, gone: undefined })).toEqual({
      'set-cookie': 'a=1, b=2',
      'content-length': '3',
    });
  });

  it('reads Node rawHeaders pairs', () => {
    expect(toHeaderRecord(rawHeaderPairs(['A', '1', 'a', '2', 'B', '3']))).toEqual({ a: '1, 2', b: '3' });
  });

  it('is not fooled by a header named like an Object.prototype member', () => {
    expect(toHeaderRecord([['constructor', 'x']]).constructor).toBe('x');
  });
});

describe('formatStatusLine()', () => {
  it('builds a LuaSocket-style status line', () => {
    expect(formatStatusLine(404, 'Not Found')).toBe('HTTP/1.1 404 Not Found');
    expect(formatStatusLine(599)).toBe('HTTP/1.1 599');
  });

  it('uses the standard reason phrase when the library gives none (HTTP/2 has none)', () => {
    expect(formatStatusLine(200)).toBe('HTTP/1.1 200 OK');
    expect(formatStatusLine(429, '')).toBe('HTTP/1.1 429 Too Many Requests');
    expect(formatStatusLine(200, 'Fine')).toBe('HTTP/1.1 200 Fine');
  });
});
