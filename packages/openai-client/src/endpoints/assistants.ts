import { ValidationError } from '../errors.js';
import type { ClientCore } from '../request/client-core.js';
import { type CallOptions, sendRequest } from '../request/send-request.js';
import type { AssistantList, Result, ThreadDeleted, ThreadList, ThreadMessageList } from '../types.js';

// The Assistants API answers only with this header; lua-openai still sends the retired v1.
const BETA = { 'OpenAI-Beta': 'assistants=v2' };

const withBeta = (call: CallOptions): CallOptions => ({ ...call, headers: { ...BETA, ...call.headers } });

const threadId = (id: string) => {
  if (typeof id !== 'string' || id === '')
    throw new ValidationError([{ path: 'thread_id', message: 'required (a non-empty string)' }]);
  return encodeURIComponent(id);
};

export const assistants = (core: ClientCore, call: CallOptions = {}): Promise<Result<AssistantList>> =>
  sendRequest(core, { method: 'GET', path: '/assistants', ...withBeta(call) });

export const threads = (core: ClientCore, call: CallOptions = {}): Promise<Result<ThreadList>> =>
  sendRequest(core, { method: 'GET', path: '/threads', ...withBeta(call) });

export const threadMessages = (
  core: ClientCore,
  id: string,
  call: CallOptions = {},
): Promise<Result<ThreadMessageList>> =>
  sendRequest(core, { method: 'GET', path: `/threads/${threadId(id)}/messages`, ...withBeta(call) });

export const deleteThread = (
  core: ClientCore,
  id: string,
  call: CallOptions = {},
): Promise<Result<ThreadDeleted>> =>
  sendRequest(core, { method: 'DELETE', path: `/threads/${threadId(id)}`, ...withBeta(call) });
