import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import type { EmbeddingList, EmbeddingRequest, Result } from '../types.js';
import { assertBodyOptions, EMBEDDING_NUMBERS } from '../validation/body-options.js';
import { endpointRequest, required } from './endpoint-request.js';

/** The body of `POST /embeddings` without the `input`, which is an argument of its own. */
export type EmbeddingOptions = Partial<Omit<EmbeddingRequest, 'input'>>;

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
