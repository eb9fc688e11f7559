import { ValidationError } from '../errors.js';
import type { ClientCore } from '../request/client-core.js';
import type { CallOptions } from '../request/send-request.js';
import { iterateEvents, type StreamObserver } from '../streaming/event-iterable.js';
import { responseEventProblem } from '../streaming/event-shapes.js';
import type {
  Response,
  ResponseDeleted,
  ResponseInput,
  ResponseRequest,
  ResponseStreamEvent,
  Result,
} from '../types.js';
import { assertBodyOptions, RESPONSE_NUMBERS } from '../validation/body-options.js';
import { pathSegment } from '../validation/ids.js';
import { responsesInput } from '../validation/responses-input.js';
import { validate } from '../validation/validate.js';
import { callOptions, endpointRequest } from './endpoint-request.js';

/** Every parameter of `POST /responses` but the input; `model` defaults to the client's. */
export type ResponseOptions = Partial<Omit<ResponseRequest, 'input'>>;

// `unknown`, not `void | Promise<void>`, so any callback fits; a returned promise is awaited.
/** Receives each event of a streamed response as it arrives; a returned promise is awaited. */
export type OnResponseEvent = (event: ResponseStreamEvent) => unknown;

const TERMINAL = new Set(['response.completed', 'response.failed', 'response.incomplete']);
export const isTerminalResponseEvent = (event: ResponseStreamEvent): boolean => TERMINAL.has(event.type);

function responsePayload(defaultModel: string, input: ResponseInput, options: ResponseOptions | undefined) {
  if (input === undefined || input === null)
    throw new ValidationError([{ path: 'input', message: 'required' }]);
  validate(responsesInput, input, 'input');
  const checked = assertBodyOptions(options, { numbers: RESPONSE_NUMBERS, positional: ['input'] });
  return { model: defaultModel, input, ...(checked as ResponseOptions) };
}

export function createResponse(
  core: ClientCore,
  defaultModel: string,
  input: ResponseInput,
  options?: ResponseOptions,
  onEvent?: OnResponseEvent,
  call?: CallOptions,
): Promise<Result<Response | undefined>> {
  const body = responsePayload(defaultModel, input, options);
  if (body.stream && !onEvent) {
    throw new ValidationError([
      { path: 'onEvent', message: 'required when stream is true (or use streamResponse())' },
    ]);
  }
  return endpointRequest<Response | undefined, ResponseStreamEvent>(
    core,
    {
      method: 'POST',
      path: '/responses',
      body,
      ...(body.stream && onEvent
        ? { onEvent, isTerminal: isTerminalResponseEvent, eventProblem: responseEventProblem }
        : {}),
    },
    call,
  );
}

export function streamResponse(
  core: ClientCore,
  defaultModel: string,
  input: ResponseInput,
  options?: ResponseOptions,
  call?: CallOptions,
  observer?: StreamObserver<ResponseStreamEvent>,
): AsyncIterableIterator<ResponseStreamEvent> {
  const body = { ...responsePayload(defaultModel, input, options), stream: true };
  const checked = callOptions(call);
  return iterateEvents<ResponseStreamEvent>(
    (onEvent, signal) =>
      endpointRequest(
        core,
        {
          method: 'POST',
          path: '/responses',
          body,
          onEvent,
          isTerminal: isTerminalResponseEvent,
          eventProblem: responseEventProblem,
        },
        { ...checked, signal },
      ),
    checked.signal,
    observer,
  );
}

const responseId = (id: string) => pathSegment(id, 'response_id');

export const getResponse = (core: ClientCore, id: string, call?: CallOptions): Promise<Result<Response>> =>
  endpointRequest(core, { method: 'GET', path: `/responses/${responseId(id)}` }, call);

export const deleteResponse = (
  core: ClientCore,
  id: string,
  call?: CallOptions,
): Promise<Result<ResponseDeleted>> =>
  endpointRequest(core, { method: 'DELETE', path: `/responses/${responseId(id)}` }, call);

export const cancelResponse = (core: ClientCore, id: string, call?: CallOptions): Promise<Result<Response>> =>
  endpointRequest(core, { method: 'POST', path: `/responses/${responseId(id)}/cancel` }, call);
