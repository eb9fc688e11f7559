import { MalformedResponseError } from '../errors.js';
import type { ChatCompletionChunk, ResponseStreamEvent } from '../types.js';

// The shapes of stream events the code relies on, in one place: the client checks every event with
// these before it reaches a callback or a loop, and the sessions check what their client hands them.
//
// The rule: only what the code (and a reader of the published types) dereferences is checked. Extra
// fields pass, and so do events of a type the code does not know (providers add both): a chat event
// whose `object` is another string than `chat.completion.chunk` (Azure's content-filter annotations
// have `object: ""` and choices without `delta`), a Responses event of an unknown `type`. Scalar values
// the code only tests (`delta.content`, a tool call's `index`, which Gemini leaves out) are not checked.
//
// A problem is `<path>: expected <what>, got <kind>`, the path from the event's root (`choices[0].delta`).

const MESSAGE_EXCERPT = 200;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kind = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === '') return 'an empty string';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
};

const expected = (path: string, what: string, value: unknown): string =>
  `${path === '' ? '' : `${path}: `}${value === undefined ? `missing, expected ${what}` : `expected ${what}, got ${kind(value)}`}`;

/**
 * Why `delta` (a chat choice's `delta`, or the `ChatDelta` the client's `chat()` hands on) cannot be
 * used, or `undefined`: it is an object, and its `tool_calls`, when present, a list of objects.
 */
export function chatDeltaProblem(delta: unknown, path = ''): string | undefined {
  if (!isObject(delta)) return expected(path, 'an object', delta);
  const toolCalls = delta.tool_calls;
  if (toolCalls === undefined || toolCalls === null) return undefined;
  const at = `${path === '' ? '' : `${path}.`}tool_calls`;
  if (!Array.isArray(toolCalls)) return expected(at, 'an array', toolCalls);
  for (let index = 0; index < toolCalls.length; index++) {
    if (!isObject(toolCalls[index])) return expected(`${at}[${index}]`, 'an object', toolCalls[index]);
  }
  return undefined;
}

/**
 * Why `event` cannot be used as a chunk of a chat completion stream, or `undefined`: an object whose
 * `choices` is a list of objects, each with a `delta` (see `chatDeltaProblem`). An object with another
 * `object` than `chat.completion.chunk` is some other event and passes.
 */
export function chatChunkProblem(event: unknown): string | undefined {
  if (!isObject(event)) return expected('', 'an object', event);
  if (event.object !== undefined && event.object !== 'chat.completion.chunk') return undefined;
  const { choices } = event;
  if (!Array.isArray(choices)) return expected('choices', 'an array', choices);
  for (let index = 0; index < choices.length; index++) {
    const choice = choices[index];
    if (!isObject(choice)) return expected(`choices[${index}]`, 'an object', choice);
    const problem = chatDeltaProblem(choice.delta, `choices[${index}].delta`);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Why `response` cannot be continued from, or `undefined`: a non-empty string `id` (the next request's
 * `previous_response_id`) and an `output` list.
 */
export function completedResponseProblem(response: unknown, path = ''): string | undefined {
  if (!isObject(response)) return expected(path, 'an object', response);
  const prefix = path === '' ? '' : `${path}.`;
  if (typeof response.id !== 'string' || response.id === '')
    return expected(`${prefix}id`, 'a non-empty string', response.id);
  if (!Array.isArray(response.output)) return expected(`${prefix}output`, 'an array', response.output);
  return undefined;
}

// The lifecycle events that carry the whole response.
const CARRY_RESPONSE = new Set([
  'response.created',
  'response.queued',
  'response.in_progress',
  'response.completed',
  'response.failed',
  'response.incomplete',
]);

/**
 * Why `event` cannot be used as an event of a Responses stream, or `undefined`: an object with a string
 * `type`; a `response.output_text.delta` has a string `delta`; a lifecycle event (`response.created` …
 * `response.completed`) has a `response` object, and `response.completed`'s has an `id` and `output`
 * (see `completedResponseProblem`). Other types pass.
 */
export function responseEventProblem(event: unknown): string | undefined {
  if (!isObject(event)) return expected('', 'an object', event);
  const { type } = event;
  if (typeof type !== 'string') return expected('type', 'a string', type);
  if (type === 'response.output_text.delta' && typeof event.delta !== 'string')
    return expected('delta', 'a string', event.delta);
  if (!CARRY_RESPONSE.has(type)) return undefined;
  if (type === 'response.completed') return completedResponseProblem(event.response, 'response');
  return isObject(event.response) ? undefined : expected('response', 'an object', event.response);
}

/** Where an event came from: its raw text and the answer's request id, for the error. */
export interface StreamEventSource {
  /** The SSE `data` the event was parsed from. */
  data?: string | undefined;
  requestId?: string | undefined;
}

/** The start of `text` for a message; the whole text stays on the error. */
export function excerpt(text: string, max = MESSAGE_EXCERPT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

function show(event: unknown): string {
  try {
    return JSON.stringify(event) ?? String(event);
  } catch {
    return String(event);
  }
}

/** The error for an event with `problem`: the problem, the request id and the event's start in the message. */
export function malformedStreamEvent(
  problem: string,
  event: unknown,
  source: StreamEventSource = {},
): MalformedResponseError {
  const request = source.requestId ? ` (request ${source.requestId})` : '';
  return new MalformedResponseError(
    `Malformed stream event${request}: ${problem}: ${excerpt(source.data ?? show(event))}`,
    { data: source.data, event, requestId: source.requestId },
  );
}

/** Throws `MalformedResponseError` unless `event` is a chat completion chunk the code can use. */
export function assertChatChunk(
  event: unknown,
  source?: StreamEventSource,
): asserts event is ChatCompletionChunk {
  const problem = chatChunkProblem(event);
  if (problem !== undefined) throw malformedStreamEvent(problem, event, source);
}

/** Throws `MalformedResponseError` unless `delta` is a chat delta the code can use. */
export function assertChatDelta(delta: unknown, source?: StreamEventSource): void {
  const problem = chatDeltaProblem(delta);
  if (problem !== undefined) throw malformedStreamEvent(problem, delta, source);
}

/** Throws `MalformedResponseError` unless `event` is a Responses stream event the code can use. */
export function assertResponseStreamEvent(
  event: unknown,
  source?: StreamEventSource,
): asserts event is ResponseStreamEvent {
  const problem = responseEventProblem(event);
  if (problem !== undefined) throw malformedStreamEvent(problem, event, source);
}
