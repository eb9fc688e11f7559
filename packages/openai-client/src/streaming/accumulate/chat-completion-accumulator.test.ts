import { CHAT_STREAM_QUIRKS, eventsOf } from '@wireai/testing';
import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../../errors.js';
import type { ChatCompletionChunk } from '../../types.js';
import { accumulateChatCompletion } from './accumulate.js';
import { ChatCompletionAccumulator } from './chat-completion-accumulator.js';

const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: null, ...extra }],
  }) as unknown as ChatCompletionChunk;

const accumulate = (...chunks: ChatCompletionChunk[]) => {
  const accumulator = new ChatCompletionAccumulator();
  for (const each of chunks) accumulator.add(each);
  return accumulator.result();
};

describe('ChatCompletionAccumulator', () => {
  it.each(CHAT_STREAM_QUIRKS)('adds up the "$name" fixture to its message', (fixture) => {
    const completion = accumulate(...eventsOf<ChatCompletionChunk>(fixture.sse));
    const [choice] = completion.choices;
    expect(choice?.message).toEqual({ ...fixture.message, refusal: null });
    expect(choice?.finish_reason).toBe(fixture.finishReason);
  });

  it('keeps id, model, created, text, refusal and the usage of the last chunk', async () => {
    const completion = await accumulateChatCompletion([
      chunk({ role: 'assistant', content: 'Hel' }),
      chunk({ content: 'lo' }),
      chunk({ refusal: 'no' }, { finish_reason: 'stop' }),
      {
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [],
        usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
      } as ChatCompletionChunk,
    ]);
    expect(completion).toEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          logprobs: null,
          message: { role: 'assistant', content: 'Hello', refusal: 'no' },
        },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    });
  });

  it('joins a legacy function_call, replacing a repeated name', () => {
    const completion = accumulate(
      chunk({ function_call: { name: 'add', arguments: '{"a":' } }),
      chunk({ function_call: { name: 'add', arguments: '1}' } }),
    );
    expect(completion.choices[0]?.message.function_call).toEqual({ name: 'add', arguments: '{"a":1}' });
    expect(completion.choices[0]?.finish_reason).toBe('function_call'); // none given: from the message
  });

  it('keeps the choices apart (n > 1)', () => {
    const completion = accumulate(
      { ...chunk({ content: 'a' }), choices: [{ index: 1, delta: { content: 'B' }, finish_reason: null }] },
      chunk({ content: 'A' }),
    );
    expect(completion.choices.map((choice) => [choice.index, choice.message.content])).toEqual([
      [0, 'A'],
      [1, 'B'],
    ]);
  });

  it('merges metadata split across deltas, and never writes a prototype', () => {
    const completion = accumulate(
      chunk({
        tool_calls: [
          { id: 'c', function: { name: 'f', arguments: '' }, extra_content: { google: { a: 1 } } },
        ],
      }),
      chunk({
        tool_calls: [
          JSON.parse(
            '{"extra_content":{"google":{"b":2},"__proto__":{"polluted":true}},"__proto__":{"x":1}}',
          ),
        ],
      }),
    );
    const [call] = completion.choices[0]?.message.tool_calls ?? [];
    expect(call?.extra_content).toEqual({ google: { a: 1, b: 2 } });
    expect(Object.getPrototypeOf(call)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([-1, 1.5, 128, 1e9, Number.NaN, '0', '__proto__', 'constructor'])(
    'rejects tool call index %j with a clear error',
    (index) => {
      const accumulator = new ChatCompletionAccumulator();
      expect(() =>
        accumulator.add(chunk({ tool_calls: [{ index, id: 'x', function: { name: 'f', arguments: '' } }] })),
      ).toThrow(/Malformed tool call in stream: .*index: .* is not an integer from 0 to 127/);
      expect(({} as Record<string, unknown>).id).toBeUndefined(); // nothing reached Object.prototype
    },
  );

  it('ignores fragments that are not strings, and orders calls by index', () => {
    const completion = accumulate(
      chunk({
        tool_calls: [
          { index: 1, id: 'b', function: { name: 'g', arguments: { evil: true } } },
          { index: 0, id: 'a', function: { name: 'f', arguments: '{}' } },
        ],
      }),
    );
    expect(
      completion.choices[0]?.message.tool_calls?.map((call) => [call.id, call.function.arguments]),
    ).toEqual([
      ['a', '{}'],
      ['b', ''],
    ]);
  });

  it('rejects a call that never got a name, naming it', () => {
    const accumulator = new ChatCompletionAccumulator();
    accumulator.add(chunk({ tool_calls: [{ index: 0, id: 'x', function: { arguments: '{}' } }] }));
    expect(() => accumulator.result()).toThrow(MalformedResponseError);
    expect(() => accumulator.result()).toThrow('Malformed tool call in stream: call 0 has no name');
  });

  it('gives a call without id one that no other call of the message has', () => {
    const completion = accumulate(
      chunk({
        tool_calls: [
          { index: 0, function: { name: 'f', arguments: '' } },
          { index: 1, id: 'call_0', function: { name: 'g', arguments: '' } },
        ],
      }),
    );
    expect(completion.choices[0]?.message.tool_calls?.map((call) => call.id)).toEqual(['call_0_1', 'call_0']);
  });

  it('refuses a chunk it cannot use, and ignores chunks of another kind', () => {
    const accumulator = new ChatCompletionAccumulator();
    expect(() => accumulator.add({ object: 'chat.completion.chunk' } as ChatCompletionChunk)).toThrow(
      MalformedResponseError,
    );
    accumulator.add({ object: '', choices: [{ content_filter_results: {} }] } as never);
    expect(accumulator.chunkCount).toBe(0);
  });
});
