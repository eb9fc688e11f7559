import { ValidationError } from '../errors.js';
import { cursorList, type PagePromise } from '../pagination/cursor-page.js';
import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import type {
  Completion,
  CompletionRequest,
  EmbeddingList,
  EmbeddingRequest,
  ImageRequest,
  Images,
  Model,
  ModelList,
  Moderation,
  ModerationRequest,
  Result,
} from '../types.js';
import {
  assertBodyOptions,
  COMPLETION_NUMBERS,
  EMBEDDING_NUMBERS,
  IMAGE_NUMBERS,
} from '../validation/body-options.js';
import { pathSegment } from '../validation/ids.js';
import { endpointRequest } from './endpoint-request.js';

/** The body of `POST /completions` without the `prompt`, which is an argument of its own. */
export type CompletionOptions = Partial<Omit<CompletionRequest, 'prompt'>>;
/** The body of `POST /embeddings` without the `input`, which is an argument of its own. */
export type EmbeddingOptions = Partial<Omit<EmbeddingRequest, 'input'>>;
/** The body of `POST /moderations` without the `input`, which is an argument of its own. */
export type ModerationOptions = Partial<Omit<ModerationRequest, 'input'>>;

function required(value: unknown, path: string): void {
  if (value === undefined || value === null || value === '')
    throw new ValidationError([{ path, message: 'required' }]);
}

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

/** `POST /embeddings`, lua-openai's default model `text-embedding-ada-002`. */
export function embedding(
  core: ClientCore,
  input: EmbeddingRequest['input'],
  options?: EmbeddingOptions,
  call?: CallOptions,
): Promise<Result<EmbeddingList>> {
  required(input, 'input');
  const checked = assertBodyOptions(options, { numbers: EMBEDDING_NUMBERS, positional: ['input'] });
  const body = { model: 'text-embedding-ada-002', input, ...checked };
  return endpointRequest(core, { method: 'POST', path: '/embeddings', body }, call);
}

export function moderation(
  core: ClientCore,
  input: ModerationRequest['input'],
  options?: ModerationOptions,
  call?: CallOptions,
): Promise<Result<Moderation>> {
  required(input, 'input');
  const checked = assertBodyOptions(options, { positional: ['input'] });
  return endpointRequest(core, { method: 'POST', path: '/moderations', body: { input, ...checked } }, call);
}

/** `GET /models`: one page (the API does not page it), iterable like the other lists. */
export const models = (core: ClientCore, call: CallOptions | undefined): PagePromise<Model, ModelList> =>
  cursorList(
    () => endpointRequest<ModelList>(core, { method: 'GET', path: '/models' }, call),
    () => ({}),
  );

export const model = (core: ClientCore, id: string, call?: CallOptions): Promise<Result<Model>> =>
  endpointRequest(core, { method: 'GET', path: `/models/${pathSegment(id, 'model')}` }, call);

export function imageGeneration(
  core: ClientCore,
  params: ImageRequest,
  call?: CallOptions,
): Promise<Result<Images>> {
  const body = assertBodyOptions(params, { numbers: IMAGE_NUMBERS, argument: 'params' });
  required(body.prompt, 'prompt');
  return endpointRequest(core, { method: 'POST', path: '/images/generations', body }, call);
}
