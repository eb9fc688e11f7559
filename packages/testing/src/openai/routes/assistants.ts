import { contentText } from '../default-replies.js';
import { ASSISTANTS_LIST_LIMITS, listPage } from '../list-page.js';
import { EndpointError, missingParameter, objectList, openaiError } from '../openai-error.js';
import type { EndpointContext, EndpointRequest, RouteResult } from '../route-result.js';

/**
 * The Assistants API answers only with `OpenAI-Beta: assistants=v2`, as the real API does; v1 is retired.
 */
export function checkAssistantsBeta({ raw }: EndpointRequest): void {
  const beta = raw.headers['openai-beta'] ?? '';
  if (beta.includes('assistants=v2')) return;
  const message = beta.includes('assistants=v1')
    ? "The v1 Assistants API has been deprecated. Please try again by setting the header 'OpenAI-Beta: assistants=v2'."
    : "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.";
  throw new EndpointError(openaiError(400, message, { code: 'invalid_beta' }));
}

// Paged by `after`, `before`, `limit` and `order`, as the API pages them (list-page.ts).
const list = (request: EndpointRequest, data: Array<Record<string, unknown>>) =>
  listPage(data, request.raw.query, ASSISTANTS_LIST_LIMITS);

export function listAssistants(request: EndpointRequest, context: EndpointContext): RouteResult {
  checkAssistantsBeta(request);
  return { kind: 'json', body: list(request, [...context.store.assistants.values()]) };
}

export function createAssistant(request: EndpointRequest, context: EndpointContext): RouteResult {
  checkAssistantsBeta(request);
  const { body } = request;
  if (typeof body.model !== 'string') throw new EndpointError(missingParameter('model'));
  const assistant = {
    id: context.id('asst'),
    object: 'assistant',
    created_at: context.now(),
    name: body.name ?? null,
    description: body.description ?? null,
    model: body.model,
    instructions: body.instructions ?? null,
    tools: body.tools ?? [],
    metadata: body.metadata ?? {},
    top_p: 1,
    temperature: 1,
    response_format: 'auto',
  };
  context.store.assistants.set(assistant.id, assistant);
  return { kind: 'json', body: assistant };
}

export function createThread(request: EndpointRequest, context: EndpointContext): RouteResult {
  checkAssistantsBeta(request);
  const thread = {
    id: context.id('thread'),
    object: 'thread',
    created_at: context.now(),
    metadata: request.body.metadata ?? {},
    tool_resources: null,
  };
  context.store.threads.set(thread.id, thread);
  context.store.messages.set(thread.id, []);
  const initial = objectList(request.body.messages, 'messages');
  for (const message of initial) addMessage(thread.id, message, context);
  return { kind: 'json', body: thread };
}

/** `GET /threads`: not in the public API, but lua-openai calls it; the mock lists the threads it created. */
export function listThreads(request: EndpointRequest, context: EndpointContext): RouteResult {
  checkAssistantsBeta(request);
  return { kind: 'json', body: list(request, [...context.store.threads.values()]) };
}

export function getThread(request: EndpointRequest, context: EndpointContext): RouteResult {
  checkAssistantsBeta(request);
  return { kind: 'json', body: storedThread(request.params.id ?? '', context) };
}

export function deleteThread(request: EndpointRequest, context: EndpointContext): RouteResult {
  checkAssistantsBeta(request);
  const id = request.params.id ?? '';
  storedThread(id, context);
  context.store.threads.delete(id);
  context.store.messages.delete(id);
  return { kind: 'json', body: { id, object: 'thread.deleted', deleted: true } };
}

export function listThreadMessages(request: EndpointRequest, context: EndpointContext): RouteResult {
  checkAssistantsBeta(request);
  const id = request.params.id ?? '';
  storedThread(id, context);
  const runId = request.raw.query.get('run_id');
  const messages = (context.store.messages.get(id) ?? []).filter(
    (message) => runId === null || message.run_id === runId,
  );
  return { kind: 'json', body: list(request, messages) };
}

export function createThreadMessage(request: EndpointRequest, context: EndpointContext): RouteResult {
  checkAssistantsBeta(request);
  const id = request.params.id ?? '';
  storedThread(id, context);
  if (request.body.role === undefined) throw new EndpointError(missingParameter('role'));
  if (request.body.content === undefined) throw new EndpointError(missingParameter('content'));
  return { kind: 'json', body: addMessage(id, request.body, context) };
}

function addMessage(
  threadId: string,
  input: Record<string, unknown>,
  context: EndpointContext,
): Record<string, unknown> {
  const message = {
    id: context.id('msg'),
    object: 'thread.message',
    created_at: context.now(),
    thread_id: threadId,
    status: 'completed',
    incomplete_details: null,
    completed_at: context.now(),
    incomplete_at: null,
    role: input.role === 'assistant' ? 'assistant' : 'user',
    content: [{ type: 'text', text: { value: contentText(input.content), annotations: [] } }],
    assistant_id: null,
    run_id: null,
    attachments: null,
    metadata: {},
  };
  context.store.messages.get(threadId)?.push(message);
  return message;
}

function storedThread(id: string, context: EndpointContext): Record<string, unknown> {
  const thread = context.store.threads.get(id);
  if (!thread) throw new EndpointError(openaiError(404, `No thread found with id '${id}'.`));
  return thread;
}
