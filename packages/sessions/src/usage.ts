/** Tokens spent across a session's requests. */
export interface SessionUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Requests whose usage was reported (a streamed chat reports none unless asked with stream_options). */
  requests: number;
}

export const emptyUsage = (): SessionUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  totalTokens: 0,
  requests: 0,
});

/** Adds a chat (`prompt_tokens`…) or Responses (`input_tokens`…) usage object. */
export function addUsage(total: SessionUsage, usage: unknown): void {
  if (typeof usage !== 'object' || usage === null) return;
  const value = usage as Record<string, unknown>;
  const input = Number(value.prompt_tokens ?? value.input_tokens ?? 0) || 0;
  const output = Number(value.completion_tokens ?? value.output_tokens ?? 0) || 0;
  total.inputTokens += input;
  total.outputTokens += output;
  total.totalTokens += Number(value.total_tokens ?? input + output) || 0;
  total.requests += 1;
}
