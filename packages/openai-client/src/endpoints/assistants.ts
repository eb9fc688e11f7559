import { cursorList, type PagePromise } from '../pagination/cursor-page.js';
import {
  type AssistantListParams,
  checkListParams,
  LIST_PARAMS,
  type ThreadListParams,
  type ThreadMessageListParams,
} from '../pagination/list-params.js';
import type { ClientCore } from '../request/client-core.js';
import { mergeHeaders } from '../request/headers.js';
import type { CallOptions } from '../request/send-request.js';
import type {
  Assistant,
  AssistantList,
  Result,
  Thread,
  ThreadDeleted,
  ThreadList,
  ThreadMessage,
  ThreadMessageList,
} from '../types.js';
import { pathSegment } from '../validation/ids.js';
import { callOptions, endpointRequest } from './endpoint-request.js';

// The Assistants API answers only with this header; lua-openai still sends the retired v1.
const BETA = { 'openai-beta': 'assistants=v2' };

/** The beta header under the call's own headers, so a call may send another version (in any case). */
const withBeta = (call: CallOptions | undefined): CallOptions => {
  const options = callOptions(call);
  return { ...options, headers: mergeHeaders(BETA, options.headers) };
};

/** `GET /assistants`, one page at a time (`after`, `before`, `limit`, `order`). */
export const assistants = (
  core: ClientCore,
  params: AssistantListParams | undefined,
  call: CallOptions | undefined,
): PagePromise<Assistant, AssistantList> =>
  cursorList(
    (query: AssistantListParams) =>
      endpointRequest<AssistantList>(core, { method: 'GET', path: '/assistants', query }, withBeta(call)),
    () => checkListParams<AssistantListParams>(params, LIST_PARAMS.assistants),
  );

/** `GET /threads` (lua-openai calls it; the description has no such list), paged like the others. */
export const threads = (
  core: ClientCore,
  params: ThreadListParams | undefined,
  call: CallOptions | undefined,
): PagePromise<Thread, ThreadList> =>
  cursorList(
    (query: ThreadListParams) =>
      endpointRequest<ThreadList>(core, { method: 'GET', path: '/threads', query }, withBeta(call)),
    () => checkListParams<ThreadListParams>(params, LIST_PARAMS.threads),
  );

/** `GET /threads/{id}/messages`, one page at a time (the cursor parameters and `run_id`). */
export const threadMessages = (
  core: ClientCore,
  id: string,
  params: ThreadMessageListParams | undefined,
  call: CallOptions | undefined,
): PagePromise<ThreadMessage, ThreadMessageList> =>
  cursorList(
    (query: ThreadMessageListParams) =>
      endpointRequest<ThreadMessageList>(
        core,
        { method: 'GET', path: `/threads/${pathSegment(id, 'thread_id')}/messages`, query },
        withBeta(call),
      ),
    () => {
      const query = checkListParams<ThreadMessageListParams>(params, LIST_PARAMS.threadMessages);
      pathSegment(id, 'thread_id'); // a bad id rejects before anything is sent
      return query;
    },
  );

export const deleteThread = (
  core: ClientCore,
  id: string,
  call?: CallOptions,
): Promise<Result<ThreadDeleted>> =>
  endpointRequest(
    core,
    { method: 'DELETE', path: `/threads/${pathSegment(id, 'thread_id')}` },
    withBeta(call),
  );
