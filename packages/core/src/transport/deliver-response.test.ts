import { describe, expect, it } from 'vitest';
import { CallerFailure, deliverResponse } from './deliver-response.js';

const head = { status: 200, headers: {}, statusLine: 'HTTP/1.1 200 OK' };
const bytes = (text: string) => new TextEncoder().encode(text);

function tracked(chunks: string[]) {
  const state = { closed: false, pulled: 0 };
  async function* body() {
    try {
      for (const chunk of chunks) {
        state.pulled++;
        yield bytes(chunk);
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, body: body() };
}

describe('deliverResponse()', () => {
  it('calls onHeaders, then the sink per non-empty chunk, then the sink with null', async () => {
    const log: string[] = [];
    const { body } = tracked(['a', '', 'b']);
    await deliverResponse(head, body, {
      onHeaders: () => void log.push('head'),
      sink: (chunk) => void log.push(chunk === null ? 'end' : new TextDecoder().decode(chunk)),
    });
    expect(log).toEqual(['head', 'a', 'b', 'end']);
  });

  it('pulls the next chunk only after an async sink settled', async () => {
    const { state, body } = tracked(['a', 'b', 'c']);
    const pulledWhenWriting: number[] = [];
    await deliverResponse(head, body, {
      sink: async (chunk) => {
        if (chunk) pulledWhenWriting.push(state.pulled);
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    });
    expect(pulledWhenWriting).toEqual([1, 2, 3]);
  });

  it('wraps a sink error in CallerFailure and closes the body', async () => {
    const failure = new Error('sink broke');
    const { state, body } = tracked(['a', 'b']);
    const error = await deliverResponse(head, body, {
      sink: () => {
        throw failure;
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CallerFailure);
    expect((error as CallerFailure).error).toBe(failure);
    expect(state.closed).toBe(true);
    expect(state.pulled).toBe(1);
  });

  it('wraps an onHeaders error and never reads the body', async () => {
    const { state, body } = tracked(['a']);
    const error = await deliverResponse(head, body, {
      onHeaders: async () => {
        throw new Error('no');
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CallerFailure);
    expect(state.pulled).toBe(0);
  });

  it('lets a body error through unwrapped', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield bytes('a');
      throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    }
    await expect(deliverResponse(head, broken(), { sink: () => undefined })).rejects.toThrow('reset');
  });
});
