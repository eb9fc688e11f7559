import { type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAI } from './client.js';
import { rawStream } from './test-support/raw-stream.js';
import { TRANSPORTS } from './test-support/transports.js';

// lua-openai's spec/openai_spec.moon, the cases about the client itself, translated case by case. Where
// lua stubs `socket.http` or `client:_request`, a real mock server on 127.0.0.1 answers with the same
// body; the streams are written exactly as lua's stubs write them: each `data:` line ended by one line
// break, no blank line between events, the last `data: [DONE]` without a line break. They decode with
// `sseFraming: 'lenient'`, as lua's line-based filter decodes them.
//
// The session cases of the same spec file (chat session, streaming through a session, Responses
// sessions) are in packages/sessions/src/lua-openai-spec.test.ts.

const chatReply = {
  usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
  choices: [{ message: { content: 'This is a chat response.', role: 'assistant' } }],
};
const completionReply = {
  usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
  choices: [{ text: 'This is a completion response.' }],
};
const responsesReply = {
  id: 'resp_123',
  object: 'response',
  model: 'gpt-4.1-mini',
  output: [
    {
      id: 'msg_123',
      type: 'message',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'This is a responses reply.', annotations: [] }],
    },
  ],
  status: 'completed',
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
};

const chunk = (content: string, index: number) => ({
  object: 'chat.completion.chunk',
  choices: [{ delta: { content }, index }],
});
const line = (value: unknown) => `data: ${JSON.stringify(value)}\n`;

// The spec's first chunk is a string literal spanning two source lines: two events, a line break, and
// the second `data:` line indented (lua trims the indentation).
const STREAM = [
  `${line(chunk('This is ', 0))}\n            ${line(chunk('a chat ', 1))}`,
  line(chunk('response.', 2)),
  'data: [DONE]',
];

const responseDeltas = [
  { type: 'response.output_text.delta', delta: 'Hello' },
  { type: 'response.output_text.delta', delta: ' world' },
  {
    type: 'response.completed',
    response: {
      id: 'resp_stream',
      object: 'response',
      output: [
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello world' }] },
      ],
    },
  },
];

describe.each(TRANSPORTS)(
  'lua-openai spec (openai_spec.moon), client cases, over %s',
  (_name, createTransport) => {
    let mock: MockOpenAIServer;
    let client: OpenAI;
    beforeAll(async () => {
      mock = await startMockOpenAI();
      client = new OpenAI('test-api-key', {
        baseURL: mock.baseURL,
        transport: createTransport(),
        maxRetries: 0,
        sseFraming: 'lenient',
      });
    });
    afterEach(() => mock.reset());
    afterAll(() => mock.close());

    it('generates chat response', async () => {
      mock.handle('POST /chat/completions', () => ({ body: chatReply }));
      const result = await client.createChatCompletion([
        { role: 'system', content: 'You are an assistant that speaks like Shakespeare.' },
        { role: 'user', content: 'tell me a joke' },
      ]);
      expect(result.status).toBe(200);
      expect(result.ok && result.body.choices[0]).toEqual({
        message: { content: 'This is a chat response.', role: 'assistant' },
      });
    });

    it('generates completion response', async () => {
      mock.handle('POST /completions', () => ({ body: completionReply }));
      const result = await client.completion('Tell me a joke.');
      expect(result.status).toBe(200);
      expect(result.ok && result.body.choices[0]?.text).toBe('This is a completion response.');
    });

    describe('streaming', () => {
      it('processes streaming chunks with create_chat_completion (raw)', async () => {
        mock.handle('POST /chat/completions', () => rawStream(STREAM));
        const received: unknown[] = [];
        const result = await client.createChatCompletion(
          [{ role: 'user', content: 'tell me a joke' }],
          { stream: true },
          (event) => void received.push(event),
        );
        expect(result.status).toBe(200);
        // The raw JSON chunks, as lua passes them.
        expect(received).toEqual([chunk('This is ', 0), chunk('a chat ', 1), chunk('response.', 2)]);
      });

      it('handles SSE comments in stream', async () => {
        mock.handle('POST /chat/completions', () =>
          rawStream([
            ': OPENROUTER PROCESSING\n',
            line(chunk('Hello', 0)),
            ': keep-alive comment\n',
            line(chunk(' world', 1)),
            'data: [DONE]',
          ]),
        );
        const received: unknown[] = [];
        const result = await client.createChatCompletion(
          [{ role: 'user', content: 'test' }],
          { stream: true },
          (event) => void received.push(event),
        );
        expect(result.status).toBe(200);
        expect(received).toHaveLength(2); // only data chunks, not comments
      });
    });

    describe('responses', () => {
      it('creates a response (raw API)', async () => {
        mock.handle('POST /responses', () => ({ body: responsesReply }));
        const result = await client.createResponse('Say hello');
        expect(result.status).toBe(200);
        expect(result.ok && result.body.id).toBe('resp_123');
        expect(result.ok && result.body.status).toBe('completed');
      });

      it('retrieves a stored response by id (raw API)', async () => {
        mock.handle('GET /responses/:id', () => ({
          body: {
            id: 'resp_123',
            object: 'response',
            output: [
              {
                type: 'message',
                role: 'assistant',
                content: [{ type: 'output_text', text: 'Stored reply' }],
              },
            ],
          },
        }));
        const result = await client.response('resp_123');
        expect(mock.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
          'GET /v1/responses/resp_123',
        ]);
        expect(result.status).toBe(200);
        expect(result.ok && result.body.id).toBe('resp_123');
      });

      it('deletes a stored response', async () => {
        mock.handle('DELETE /responses/:id', () => ({ body: { deleted: true } }));
        const result = await client.deleteResponse('resp_delete');
        expect(mock.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
          'DELETE /v1/responses/resp_delete',
        ]);
        expect(result.status).toBe(200);
        expect(result.body).toEqual({ deleted: true });
      });

      it('cancels an in-progress response', async () => {
        mock.handle('POST /responses/:id/cancel', () => ({ body: { cancelled: true } }));
        const result = await client.cancelResponse('resp_cancel');
        expect(mock.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
          'POST /v1/responses/resp_cancel/cancel',
        ]);
        expect(result.status).toBe(200);
        expect(result.body).toEqual({ cancelled: true });
      });

      it('streams response deltas (raw API)', async () => {
        mock.handle('POST /responses', () => rawStream([...responseDeltas.map(line), 'data: [DONE]\n']));
        const received: Array<{ type: string }> = [];
        const result = await client.createResponse(
          'Say hello back',
          { stream: true },
          (event) => void received.push(event),
        );
        expect(result.status).toBe(200);
        expect(mock.requests[0]?.body).toMatchObject({ input: 'Say hello back', stream: true });
        // lua's stub also returns the concatenated SSE text as the body; wireai keeps no copy of a streamed
        // body (memory stays bounded however long the stream): each event reaches the callback instead.
        expect(received).toHaveLength(3);
        expect(received[0]).toEqual({ type: 'response.output_text.delta', delta: 'Hello' });
        expect(received[1]).toEqual({ type: 'response.output_text.delta', delta: ' world' });
        expect(received[2]?.type).toBe('response.completed');
      });
    });
  },
);
