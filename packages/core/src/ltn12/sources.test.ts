import { describe, expect, it } from 'vitest';
import { sources } from './sources.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function collectChunks(iterable: AsyncIterable<Uint8Array>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of iterable) chunks.push(text(chunk));
  return chunks;
}

describe('sources', () => {
  it('encodes a string to UTF-8 once', () => {
    expect(Array.from(sources.string('é'))).toEqual([0xc3, 0xa9]);
  });

  it('passes bytes through and rejects anything else', () => {
    const data = new Uint8Array([1, 2]);
    expect(sources.bytes(data)).toBe(data);
    expect(() => sources.bytes('x' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('streams an iterable of strings and bytes, skipping empty chunks', async () => {
    const chunks = await collectChunks(
      sources.iterable(['a', new Uint8Array(0), '', new TextEncoder().encode('b')]),
    );
    expect(chunks).toEqual(['a', 'b']);
  });

  it('pulls the next chunk only when asked', async () => {
    const pulled: number[] = [];
    async function* produce() {
      for (let i = 0; i < 3; i++) {
        pulled.push(i);
        yield `${i}`;
      }
    }
    const iterator = sources.iterable(produce());
    await iterator.next();
    expect(pulled).toEqual([0]);
    await iterator.next();
    expect(pulled).toEqual([0, 1]);
  });

  it('rejects a chunk that is neither bytes nor a string with a clear error', async () => {
    await expect(collectChunks(sources.iterable([42 as unknown as string]))).rejects.toThrow(
      'a source chunk must be a Uint8Array or a string',
    );
  });

  it('concatenates sources like ltn12.source.cat', async () => {
    const chunks = await collectChunks(
      sources.cat('a', new TextEncoder().encode('b'), sources.iterable(['c', 'd'])),
    );
    expect(chunks.join('')).toBe('abcd');
  });

  it('normalises any source to chunks and reads it whole', async () => {
    expect(await collectChunks(sources.toAsyncIterable(''))).toEqual([]);
    expect(text(await sources.readAll(sources.iterable(['ab', 'c'])))).toBe('abc');
    expect(text(await sources.readAll('xyz'))).toBe('xyz');
    expect(sources.empty().byteLength).toBe(0);
  });
});
