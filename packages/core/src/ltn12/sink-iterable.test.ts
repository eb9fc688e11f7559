import { describe, expect, it } from 'vitest';
import { ConsumerStoppedError, sinkToAsyncIterable } from './sink-iterable.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('sinkToAsyncIterable()', () => {
  it('yields what the sink receives, then ends after null', async () => {
    const { sink, iterable } = sinkToAsyncIterable<number>();
    const producing = (async () => {
      for (const n of [1, 2, 3]) await sink(n);
      await sink(null);
    })();
    const seen: number[] = [];
    for await (const n of iterable) seen.push(n);
    await producing;
    expect(seen).toEqual([1, 2, 3]);
  });

  it('lets the consumer set the pace: with highWaterMark 1 the producer runs at most one chunk ahead', async () => {
    const { sink, iterable } = sinkToAsyncIterable<number>({ highWaterMark: 1 });
    let produced = 0;
    const producing = (async () => {
      for (let n = 1; n <= 5; n++) {
        await sink(n);
        produced = n;
      }
      await sink(null);
    })();
    await tick();
    expect(produced).toBe(0); // chunk 1 is held until someone reads it
    const first = await iterable.next();
    expect(first).toEqual({ value: 1, done: false });
    await tick();
    expect(produced).toBe(1); // chunk 2 is now held
    await iterable.next();
    await tick();
    expect(produced).toBe(2);
    const rest: number[] = [];
    for await (const n of iterable) rest.push(n);
    await producing;
    expect(rest).toEqual([3, 4, 5]);
  });

  it('queues up to highWaterMark chunks (16 by default) before the producer waits', async () => {
    const { sink, iterable } = sinkToAsyncIterable<number>();
    let produced = 0;
    void (async () => {
      for (let n = 1; n <= 100; n++) {
        await sink(n);
        produced = n;
      }
    })();
    await tick();
    expect(produced).toBe(15); // the 16th waits for the consumer
    await iterable.next();
    await tick();
    expect(produced).toBe(16);
  });

  it('aborts the producer when the consumer breaks out of the loop', async () => {
    const { sink, iterable, signal } = sinkToAsyncIterable<number>();
    const producing = (async () => {
      for (let n = 1; ; n++) await sink(n);
    })();
    for await (const n of iterable) if (n === 2) break;
    expect(signal.aborted).toBe(true);
    expect(ConsumerStoppedError.isInstance(signal.reason)).toBe(true);
    await expect(producing).rejects.toBeInstanceOf(ConsumerStoppedError);
  });

  it('delivers chunks already handed over, then the producer failure', async () => {
    const { sink, iterable, fail } = sinkToAsyncIterable<number>({ highWaterMark: 1 });
    const pending = sink(1);
    fail(new Error('connection reset'));
    await expect(iterable.next()).resolves.toEqual({ value: 1, done: false });
    await pending;
    await expect(iterable.next()).rejects.toThrow('connection reset');
    await expect(iterable.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('rejects a reader that is already waiting when the producer fails', async () => {
    const { iterable, fail } = sinkToAsyncIterable<number>();
    const reading = iterable.next();
    fail(new Error('boom'));
    await expect(reading).rejects.toThrow('boom');
  });

  it('does not report a failure after a normal end', async () => {
    const { sink, iterable, fail, signal } = sinkToAsyncIterable<number>();
    await sink(null);
    fail(new Error('late'));
    await expect(iterable.next()).resolves.toEqual({ value: undefined, done: true });
    expect(signal.aborted).toBe(false);
  });

  it('refuses concurrent next() calls with a clear error', async () => {
    const { iterable } = sinkToAsyncIterable<number>();
    void iterable.next();
    await expect(iterable.next()).rejects.toThrow('concurrently');
  });
});
