import { describe, expect, it } from 'vitest';
import { IncompleteStreamError } from '../../errors.js';
import type { ResponseStreamEvent } from '../../types.js';
import { accumulateResponse } from './accumulate.js';
import { ResponseAccumulator } from './response-accumulator.js';

const response = (status: string, output: unknown[] = []) => ({
  id: 'resp_1',
  object: 'response',
  status,
  output,
});
const message = {
  type: 'message',
  id: 'msg_1',
  role: 'assistant',
  content: [{ type: 'output_text', text: 'Hi' }],
};
const events = (...list: unknown[]) => list as ResponseStreamEvent[];

describe('ResponseAccumulator', () => {
  it('returns response.completed’s response', async () => {
    const final = await accumulateResponse(
      events(
        { type: 'response.created', response: response('in_progress') },
        { type: 'response.output_text.delta', delta: 'Hi', output_index: 0, content_index: 0 },
        { type: 'response.completed', response: response('completed', [message]) },
      ),
    );
    expect(final).toEqual(response('completed', [message]));
  });

  it('falls back on the last lifecycle response, with the finished output items', () => {
    const accumulator = new ResponseAccumulator();
    for (const event of events(
      { type: 'response.created', response: response('in_progress') },
      { type: 'response.output_item.done', output_index: 0, item: message },
      { type: 'response.incomplete', response: response('incomplete') },
    ))
      accumulator.add(event);
    expect(accumulator.completed).toBe(false);
    expect(accumulator.result()).toEqual(response('incomplete', [message]));
  });

  it('says so when no event carried a response', () => {
    const accumulator = new ResponseAccumulator();
    accumulator.add({ type: 'response.output_text.delta', delta: 'x' } as ResponseStreamEvent);
    expect(() => accumulator.result()).toThrow(IncompleteStreamError);
  });
});
