import { describe, expect, it } from 'vitest';
import { readableChunks } from './readable-chunks.js';

describe('readableChunks()', () => {
  it('yields a stream’s chunks in order, pulling one at a time', async () => {
    let pulled = 0;
    const stream = new ReadableStream<number>(
      {
        pull(controller) {
          pulled++;
          if (pulled > 3) controller.close();
          else controller.enqueue(pulled);
        },
      },
      { highWaterMark: 0 },
    );
    const seen: number[] = [];
    for await (const chunk of readableChunks(stream)) {
      seen.push(chunk);
      expect(pulled).toBe(chunk); // nothing read ahead of the consumer
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('cancels the stream when the loop is left early, and releases it', async () => {
    let cancelled: unknown;
    const stream = new ReadableStream<number>({
      start(controller) {
        controller.enqueue(1);
        controller.enqueue(2);
      },
      cancel(reason) {
        cancelled = reason ?? 'cancelled';
      },
    });
    for await (const _ of readableChunks(stream)) break;
    expect(cancelled).toBeDefined();
    expect(stream.locked).toBe(false);
  });
});
