import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import type { Completion, CompletionRequest, Result } from '../types.js';
import { assertBodyOptions, COMPLETION_NUMBERS } from '../validation/body-options.js';
import { endpointRequest, required } from './endpoint-request.js';

/** The body of `POST /completions` without the `prompt`, which is an argument of its own. */
export type CompletionOptions = Partial<Omit<CompletionRequest, 'prompt'>>;

/** `POST /completions` with lua-openai's defaults (temperature 0.5, max_tokens 600); its text-davinci-003 is retired. */
export function completion(
  core: ClientCore,
  prompt: CompletionRequest['prompt'],
  options?: CompletionOptions,
  call?: CallOptions,
): Promise<Result<Completion>> {
  required(prompt, 'prompt');
  const checked = assertBodyOptions(options, { numbers: COMPLETION_NUMBERS, positional: ['prompt'] });
  const body = { model: 'gpt-3.5-turbo-instruct', prompt, temperature: 0.5, max_tokens: 600, ...checked };
  return endpointRequest(core, { method: 'POST', path: '/completions', body }, call);
}
