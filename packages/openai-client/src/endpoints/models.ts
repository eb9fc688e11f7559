import { cursorList, type PagePromise } from '../pagination/cursor-page.js';
import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import type { Model, ModelList, Result } from '../types.js';
import { pathSegment } from '../validation/ids.js';
import { endpointRequest } from './endpoint-request.js';

/** `GET /models`: one page (the API does not page it), iterable like the other lists. */
export const models = (core: ClientCore, call: CallOptions | undefined): PagePromise<Model, ModelList> =>
  cursorList(
    () => endpointRequest<ModelList>(core, { method: 'GET', path: '/models' }, call),
    () => ({}),
  );

/** `GET /models/{model}`. */
export const model = (core: ClientCore, id: string, call?: CallOptions): Promise<Result<Model>> =>
  endpointRequest(core, { method: 'GET', path: `/models/${pathSegment(id, 'model')}` }, call);
