import { CHAT_STREAM_QUIRKS, type StreamServer, startStreamServer } from '@wireai/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { IncompleteStreamError } from './errors.js';
import { Gemini } from './providers/provider-clients.js';
import { accumulateChatCompletion, accumulateResponse } from './streaming/accumulate/accumulate.js';
import { ChatCompletionAccumulator } from './streaming/accumulate/chat-completion-accumulator.js';
import { TRANSPORTS } from './test-support/transports.js';

// Each recorded provider stream, served by a raw server over every transport, through each client helper
// that adds chunks up: the result must be the fixture's message, whatever the helper.

const hello = [{ role: 'user' as const, content: 'weather?' }];

const responseEvents = [
  {
    type: 'response.created',
    response: { id: 'resp_1', object: 'response', status: 'in_progress', output: [] },
  },
  { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi' },
  {
    type: 'response.output_item.done',
    output_index: 0,
    item: { type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'output_text', text: 'Hi' }] },
  },
];
const completedEvent = {
  type: 'response.completed',
  response: {
    id: 'resp_1',
    object: 'response',
    status: 'completed',
    output: [responseEvents[2]?.item],
    usage: { input_tokens: 2, output_tokens: 1, total_tokens: 3 },
  },
};
const sse = (events: unknown[]) => events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('');

describe.each(TRANSPORTS)('stream accumulation over %s', (_name, createTransport) => {
  let server: StreamServer;
  let client: OpenAI;
  beforeAll(async () => {
    server = await startStreamServer();
    client = new OpenAI('sk-test', { baseURL: server.baseURL, transport: createTransport(), maxRetries: 0 });
  });
  afterAll(() => server.close());

  describe.each(CHAT_STREAM_QUIRKS)('the $name fixture', (fixture) => {
    const expectFixture = (completion: Awaited<ReturnType<typeof accumulateChatCompletion>>) => {
      expect(completion.choices[0]?.message).toEqual({ ...fixture.message, refusal: null });
      expect(completion.choices[0]?.finish_reason).toBe(fixture.finishReason);
    };

    it('streamChatCompletion().finalChatCompletion() without a loop', async () => {
      server.serve(fixture.sse);
      expectFixture(await client.streamChatCompletion(hello).finalChatCompletion());
    });

    it('finalChatCompletion() after a for-await loop that saw every chunk', async () => {
      server.serve(fixture.sse);
      const stream = client.streamChatCompletion(hello);
      let chunks = 0;
      for await (const _chunk of stream) chunks++;
      expect(chunks).toBeGreaterThan(0);
      expectFixture(await stream.finalChatCompletion());
    });

    it('accumulateChatCompletion(stream) and the accumulator fed by createChatCompletion’s callback', async () => {
      server.serve(fixture.sse);
      expectFixture(await accumulateChatCompletion(client.streamChatCompletion(hello)));
      const accumulator = new ChatCompletionAccumulator();
      const result = await client.createChatCompletion(hello, { stream: true }, (chunk) =>
        accumulator.add(chunk),
      );
      expect(result.ok).toBe(true);
      expectFixture(accumulator.result());
    });
  });

  it('finalChatCompletion() rejects after the loop was left early', async () => {
    server.serve(CHAT_STREAM_QUIRKS[2]?.sse ?? '');
    const stream = client.streamChatCompletion(hello);
    for await (const _chunk of stream) break;
    await expect(stream.finalChatCompletion()).rejects.toBeInstanceOf(IncompleteStreamError);
  });

  it('finalChatCompletion() rejects with the stream’s own failure (a body cut before [DONE])', async () => {
    server.serve('data: {"id":"c","object":"chat.completion.chunk","choices":[]}\n\n');
    await expect(client.streamChatCompletion(hello).finalChatCompletion()).rejects.toBeInstanceOf(
      IncompleteStreamError,
    );
  });

  it('the Gemini preset adds up a Gemini stream (baseURL on the local server)', async () => {
    const fixture = CHAT_STREAM_QUIRKS.find((each) => each.name === 'thought_signature in extra_content');
    server.serve(fixture?.sse ?? '');
    const gemini = new Gemini('gm-test', { baseURL: server.baseURL, transport: createTransport() });
    const completion = await gemini.streamChatCompletion(hello).finalChatCompletion();
    expect(completion.choices[0]?.message.tool_calls).toEqual(fixture?.message.tool_calls);
    expect(server.requests[0]).toMatchObject({ model: 'gemini-2.5-flash', stream: true });
  });

  it('streamResponse().finalResponse() is response.completed’s response', async () => {
    server.serve(sse([...responseEvents, completedEvent]));
    expect(await client.streamResponse('hi').finalResponse()).toEqual(completedEvent.response);
    server.serve(sse([...responseEvents, completedEvent]));
    expect(await accumulateResponse(client.streamResponse('hi'))).toEqual(completedEvent.response);
  });

  it('finalResponse() falls back on response.incomplete with the finished items', async () => {
    const incomplete = {
      type: 'response.incomplete',
      response: { id: 'resp_1', object: 'response', status: 'incomplete', output: [] },
    };
    server.serve(sse([...responseEvents, incomplete]));
    const final = await client.streamResponse('hi').finalResponse();
    expect(final.status).toBe('incomplete');
    expect(final.output).toEqual([responseEvents[2]?.item]);
  });
});
