import { countTokens, echoReply, streamPieces } from '../default-replies.js';
import { EndpointError, missingParameter } from '../openai-error.js';
import type { EndpointContext, EndpointRequest, RouteResult, ScriptedReply } from '../route-result.js';
import { jsonEvent } from '../sse-out.js';

/** `POST /completions` (legacy text completions), JSON or streamed. */
export function createCompletion(
  { body }: EndpointRequest,
  context: EndpointContext,
  scripted?: ScriptedReply,
): RouteResult {
  if (typeof body.model !== 'string') throw new EndpointError(missingParameter('model'));
  if (body.prompt === undefined) throw new EndpointError(missingParameter('prompt'));
  const prompt = Array.isArray(body.prompt) ? body.prompt.join(' ') : String(body.prompt);
  const text = scripted && 'text' in scripted ? scripted.text : echoReply(prompt);
  const base = {
    id: context.id('cmpl'),
    object: 'text_completion',
    created: context.now(),
    model: body.model,
    system_fingerprint: 'fp_wireai_mock',
  };
  const usage = {
    prompt_tokens: countTokens(prompt),
    completion_tokens: countTokens(text),
    total_tokens: countTokens(prompt) + countTokens(text),
  };
  if (body.stream !== true) {
    return {
      kind: 'json',
      body: { ...base, choices: [{ text, index: 0, logprobs: null, finish_reason: 'stop' }], usage },
    };
  }
  const events = streamPieces(text).map((piece) =>
    jsonEvent({ ...base, choices: [{ text: piece, index: 0, logprobs: null, finish_reason: null }] }),
  );
  const terminalFrom = events.length;
  events.push(
    jsonEvent({ ...base, choices: [{ text: '', index: 0, logprobs: null, finish_reason: 'stop' }] }),
    { data: '[DONE]' },
  );
  return {
    kind: 'sse',
    events,
    terminalFrom,
    errorEvent: (message) =>
      jsonEvent({ error: { message, type: 'server_error', param: null, code: null } }, 'error'),
  };
}
