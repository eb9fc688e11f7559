// The chat completion both bench servers answer: OpenAI's shape, an ordinary-length reply.
export const completion = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'gpt-4.1',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: 'Hello! How can I help you today? This is a benchmark reply of ordinary length.',
        refusal: null,
        annotations: [],
      },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 12, completion_tokens: 18, total_tokens: 30 },
  system_fingerprint: 'fp_bench',
});
