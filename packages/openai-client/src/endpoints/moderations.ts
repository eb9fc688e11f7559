import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import type { Moderation, ModerationRequest, Result } from '../types.js';
import { assertBodyOptions } from '../validation/body-options.js';
import { endpointRequest, required } from './endpoint-request.js';

/** The body of `POST /moderations` without the `input`, which is an argument of its own. */
export type ModerationOptions = Partial<Omit<ModerationRequest, 'input'>>;

/** `POST /moderations`. */
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
