import { describe, expect, it } from 'vitest';
import type { Sink } from '../transport/contract.js';
import { sinks } from './sinks.js';

const encode = (text: string) => new TextEncoder().encode(text);

function recorder<T>(log: string[], name: string, delay = 0): Sink<T> {
  return async (chunk) => {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    log.push(`${name}:${chunk === null ? 'end' : String(chunk)}`);
  };
}

describe('sinks.chain()', () => {
  it('filters each chunk and lets the filter flush at the end', async () => {
    const received: Array<string | null> = [];
    let held = '';
    // Emits whole words only: holds a partial word until the next chunk or the end.
    const words = (chunk: string | null) => {
      const text = held + (chunk ?? '');
      const cut = chunk === null ? text.length : text.lastIndexOf(' ') + 1;
      held = text.slice(cut);
      return cut > 0 ? text.slice(0, cut) : null;
    };
    const sink = sinks.chain(words, (chunk: string | null) => {
      received.push(chunk);
    });
    await sink('hel');
    await sink('lo wor');
    await sink('ld');
    await sink(null);
    expect(received).toEqual(['hello ', 'world', null]);
  });

  it('awaits an async filter and an async sink in order', async () => {
    const log: string[] = [];
    const upper = async (chunk: string | null) => chunk?.toUpperCase();
    const sink = sinks.chain(upper, recorder<string>(log, 'out', 2));
    await sink('a');
    await sink('b');
    await sink(null);
    expect(log).toEqual(['out:A', 'out:B', 'out:end']);
  });
});

describe('sinks.tee()', () => {
  it('gives every chunk and the end to each sink, awaiting slow ones', async () => {
    const log: string[] = [];
    const sink = sinks.tee(recorder<string>(log, 'slow', 5), recorder<string>(log, 'fast'));
    await sink('x');
    await sink(null);
    expect(log).toEqual(['slow:x', 'fast:x', 'slow:end', 'fast:end']);
  });

  it('stays synchronous when every sink is', () => {
    const seen: Array<string | null> = [];
    const sink = sinks.tee<string>(
      (chunk) => void seen.push(chunk),
      (chunk) => void seen.push(chunk),
    );
    expect(sink('a')).toBeUndefined();
    expect(seen).toEqual(['a', 'a']);
  });

  it('rejects when one sink fails, and the later sinks do not see the chunk', async () => {
    const seen: string[] = [];
    const failing: Sink<string> = async () => {
      throw new Error('disk full');
    };
    const sink = sinks.tee<string>(failing, (chunk) => void seen.push(String(chunk)));
    await expect(sink('x')).rejects.toThrow('disk full');
    expect(seen).toEqual([]);
  });
});

describe('sinks.null()', () => {
  it('accepts and drops everything', () => {
    const sink = sinks.null();
    expect(sink(encode('x'))).toBeUndefined();
    expect(sink(null)).toBeUndefined();
  });
});

describe('sinks.sse()', () => {
  it('decodes events as the bytes arrive', async () => {
    const data: string[] = [];
    const sink = sinks.sse((event) => void data.push(event.data));
    await sink(encode('data: a\n\ndata: '));
    expect(data).toEqual(['a']);
    await sink(encode('b\n\n'));
    await sink(null);
    expect(data).toEqual(['a', 'b']);
  });

  it('passes the framing option to its decoder', async () => {
    const lenient: unknown[] = [];
    const sink = sinks.sse((event) => void lenient.push(event.json), { framing: 'lenient' });
    await sink(encode('data: {"a":1}\ndata: {"b":2}\n'));
    await sink(null);
    expect(lenient).toEqual([{ a: 1 }, { b: 2 }]);
    const strict: string[] = [];
    const strictSink = sinks.sse((event) => void strict.push(event.data));
    await strictSink(encode('data: {"a":1}\ndata: {"b":2}\n\n'));
    await strictSink(null);
    expect(strict).toEqual(['{"a":1}\n{"b":2}']);
  });

  it('ignores a callback result that is not a promise: no waiting, every event delivered', () => {
    const data: string[] = [];
    const sink = sinks.sse((event) => data.push(event.data)); // returns a number, as push does
    expect(sink(encode('data: a\n\ndata: b\n\n'))).toBeUndefined();
    expect(sink(null)).toBeUndefined();
    expect(data).toEqual(['a', 'b']);
  });

  it('holds later events (and the producer) until an async consumer is done with the earlier one', async () => {
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sink = sinks.sse(async (event) => {
      log.push(`start ${event.data}`);
      if (event.data === '1') await gate;
      log.push(`done ${event.data}`);
    });
    const written = sink(encode('data: 1\n\ndata: 2\n\n'));
    expect(written).toBeInstanceOf(Promise);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['start 1']);
    release();
    await written;
    expect(log).toEqual(['start 1', 'done 1', 'start 2', 'done 2']);
  });

  it('reports a stream cut inside an event through onEnd', async () => {
    const ends: boolean[] = [];
    const sink = sinks.sse(() => undefined, { onEnd: ({ discarded }) => void ends.push(discarded) });
    await sink(encode('data: partial'));
    await sink(null);
    expect(ends).toEqual([true]);
  });

  it('passes retry and comment fields to their handlers', async () => {
    const seen: string[] = [];
    const sink = sinks.sse(() => undefined, {
      onRetry: (ms) => void seen.push(`retry ${ms}`),
      onComment: (text) => void seen.push(`comment ${text}`),
    });
    await sink(encode(': hi\nretry: 10\n\n'));
    expect(seen).toEqual(['comment hi', 'retry 10']);
  });

  it('rejects with the consumer error, which aborts the request', async () => {
    const sink = sinks.sse(async () => {
      throw new Error('bad event');
    });
    await expect(sink(encode('data: x\n\n'))).rejects.toThrow('bad event');
  });
});
