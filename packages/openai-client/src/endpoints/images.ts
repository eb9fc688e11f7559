import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import type { ImageRequest, Images, Result } from '../types.js';
import { assertBodyOptions, IMAGE_NUMBERS } from '../validation/body-options.js';
import { endpointRequest, required } from './endpoint-request.js';

/** `POST /images/generations`. */
export function imageGeneration(
  core: ClientCore,
  params: ImageRequest,
  call?: CallOptions,
): Promise<Result<Images>> {
  const body = assertBodyOptions(params, { numbers: IMAGE_NUMBERS, argument: 'params' });
  required(body.prompt, 'prompt');
  return endpointRequest(core, { method: 'POST', path: '/images/generations', body }, call);
}
