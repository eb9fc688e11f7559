import { EndpointError, openaiError } from '../openai-error.js';
import type { EndpointRequest, RouteResult } from '../route-result.js';

const CREATED = 1_700_000_000;

/** The models the mock lists; any model name is accepted by the other endpoints. */
export const MOCK_MODELS = [
  'gpt-4.1',
  'gpt-4.1-mini',
  'gpt-4o',
  'o4-mini',
  'text-embedding-3-small',
  'gpt-image-1',
  'omni-moderation-latest',
];

const model = (id: string) => ({ id, object: 'model', created: CREATED, owned_by: 'wireai-mock' });

/** `GET /models`. */
export function listModels(): RouteResult {
  return { kind: 'json', body: { object: 'list', data: MOCK_MODELS.map(model) } };
}

/** `GET /models/{model}`. */
export function getModel({ params }: EndpointRequest): RouteResult {
  const id = params.model ?? '';
  if (!MOCK_MODELS.includes(id)) {
    throw new EndpointError(
      openaiError(404, `The model '${id}' does not exist or you do not have access to it.`, {
        code: 'model_not_found',
      }),
    );
  }
  return { kind: 'json', body: model(id) };
}
