import type { ClientCore } from '../request/client-core.js';
import { mergeHeaders } from '../request/headers.js';
import type { CallOptions } from '../request/send-request.js';
import type { AssistantList, Result, ThreadDeleted, ThreadList, ThreadMessageList } from '../types.js';
import { pathSegment } from '../validation/ids.js';
import { callOptions, endpointRequest } from './endpoint-request.js';

// The Assistants API answers only with this header; lua-openai still sends the retired v1.
const BETA = { 'openai-beta': 'assistants=v2' };

/** The beta header under the call's own headers, so a call may send another version (in any case). */
const withBeta = (call: CallOptions | undefined): CallOptions => {
  const options = callOptions(call);
  return { ...options, headers: mergeHeaders(BETA, options.headers) };
};

export const assistants = (core: ClientCore, call?: CallOptions): Promise<Result<AssistantList>> =>
  endpointRequest(core, { method: 'GET', path: '/assistants' }, withBeta(call));

export const threads = (core: ClientCore, call?: CallOptions): Promise<Result<ThreadList>> =>
  endpointRequest(core, { method: 'GET', path: '/threads' }, withBeta(call));

export const threadMessages = (
  core: ClientCore,
  id: string,
  call?: CallOptions,
): Promise<Result<ThreadMessageList>> =>
  endpointRequest(
    core,
    { method: 'GET', path: `/threads/${pathSegment(id, 'thread_id')}/messages` },
    withBeta(call),
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
