import {
  argumentHint,
  contentText,
  countTokens,
  echoReply,
  type JsonSchema,
  pickTool,
  sampleFromSchema,
  streamPieces,
  toolResultReply,
} from '../default-replies.js';
import { EndpointError, invalidValue, missingParameter, objectList, openaiError } from '../openai-error.js';
import type {
  EndpointContext,
  EndpointRequest,
  RouteResult,
  ScriptedReply,
  SseOut,
} from '../route-result.js';
import { jsonEvent } from '../sse-out.js';
import { argumentPieces, isDeclaration } from './chat-completions.js';

const INPUT_ROLES = ['user', 'assistant', 'system', 'developer'];

type OutputItem = Record<string, unknown> & { type: string; id: string };

/** `POST /responses`: a Response object, or the real event sequence from `response.created` to `response.completed`. */
export function createResponse(
  request: EndpointRequest,
  context: EndpointContext,
  scripted?: ScriptedReply,
): RouteResult {
  const { body } = request;
  if (typeof body.model !== 'string' || body.model === '') throw new EndpointError(missingParameter('model'));
  const input = checkInput(body.input);
  const previous = body.previous_response_id;
  if (previous !== undefined && previous !== null && !context.store.responses.has(String(previous))) {
    throw new EndpointError(
      openaiError(400, `Previous response with id '${String(previous)}' not found.`, {
        param: 'previous_response_id',
        code: 'previous_response_not_found',
      }),
    );
  }
  const output = decide(body, input, context, scripted);
  const outputText = output
    .flatMap((item) => (item.type === 'message' ? (item.content as Array<{ text: string }>) : []))
    .map((part) => part.text)
    .join('');
  const inputTokens =
    typeof body.input === 'string'
      ? countTokens(body.input)
      : input.reduce((sum, item) => sum + countTokens(contentText(item.content)), 0);
  const outputTokens = outputText ? countTokens(outputText) : 8;
  const background = body.background === true;
  const response: Record<string, unknown> = {
    id: context.id('resp'),
    object: 'response',
    created_at: context.now(),
    status: 'completed',
    background,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: body.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: previous ?? null,
    reasoning: { effort: null, summary: null },
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: objectList(body.tools, 'tools').map(echoedTool),
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    usage: {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: inputTokens + outputTokens,
    },
    metadata: body.metadata ?? {},
  };
  if (response.store !== false) context.store.responses.set(String(response.id), response);
  if (body.stream !== true) return { kind: 'json', body: response };
  return streamResponse(response, output);
}

/** The event sequence the API sends for a response, with increasing `sequence_number`s. */
function streamResponse(response: Record<string, unknown>, output: OutputItem[]): RouteResult {
  let sequence = 0;
  const events: SseOut[] = [];
  const emit = (type: string, fields: Record<string, unknown>) =>
    events.push(jsonEvent({ type, sequence_number: sequence++, ...fields }, type));
  const { usage: _notYet, ...rest } = response;
  const pending = { ...rest, status: 'in_progress', output: [] };
  emit('response.created', { response: pending });
  emit('response.in_progress', { response: pending });
  output.forEach((item, outputIndex) => {
    if (item.type === 'message') {
      const [part] = item.content as Array<{ text: string }>;
      const text = part?.text ?? '';
      emit('response.output_item.added', {
        output_index: outputIndex,
        item: { ...item, status: 'in_progress', content: [] },
      });
      const emptyPart = { type: 'output_text', text: '', annotations: [], logprobs: [] };
      emit('response.content_part.added', {
        item_id: item.id,
        output_index: outputIndex,
        content_index: 0,
        part: emptyPart,
      });
      for (const delta of streamPieces(text)) {
        emit('response.output_text.delta', {
          item_id: item.id,
          output_index: outputIndex,
          content_index: 0,
          delta,
          logprobs: [],
        });
      }
      emit('response.output_text.done', {
        item_id: item.id,
        output_index: outputIndex,
        content_index: 0,
        text,
        logprobs: [],
      });
      emit('response.content_part.done', {
        item_id: item.id,
        output_index: outputIndex,
        content_index: 0,
        part,
      });
    } else {
      const args = String(item.arguments);
      emit('response.output_item.added', {
        output_index: outputIndex,
        item: { ...item, status: 'in_progress', arguments: '' },
      });
      for (const delta of argumentPieces(args)) {
        emit('response.function_call_arguments.delta', {
          item_id: item.id,
          output_index: outputIndex,
          delta,
        });
      }
      emit('response.function_call_arguments.done', {
        item_id: item.id,
        output_index: outputIndex,
        name: item.name,
        arguments: args,
      });
    }
    emit('response.output_item.done', { output_index: outputIndex, item });
  });
  const terminalFrom = events.length;
  emit('response.completed', { response });
  return {
    kind: 'sse',
    events,
    terminalFrom,
    errorEvent: (message) => {
      const type = 'error';
      return jsonEvent(
        { type, code: 'server_error', message, param: null, sequence_number: sequence++ },
        type,
      );
    },
  };
}

interface InputItem {
  type?: string;
  role?: string;
  content?: unknown;
  output?: unknown;
  call_id?: string;
}

function checkInput(input: unknown): InputItem[] {
  if (input === undefined) throw new EndpointError(missingParameter('input'));
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  if (!Array.isArray(input)) {
    throw new EndpointError(
      invalidValue(
        'input',
        `Invalid type for 'input': expected one of a string or array of input items, but got ${typeof input} instead.`,
      ),
    );
  }
  input.forEach((item: InputItem | null, index) => {
    if (typeof item !== 'object' || item === null) {
      throw new EndpointError(
        invalidValue(`input[${index}]`, `Invalid type for 'input[${index}]': expected an input item.`),
      );
    }
    const type = item.type ?? 'message';
    if (type === 'message' && !INPUT_ROLES.includes(String(item.role))) {
      throw new EndpointError(
        invalidValue(
          `input[${index}].role`,
          `Invalid value: '${String(item.role)}'. Supported values are: 'user', 'assistant', 'system', and 'developer'.`,
        ),
      );
    }
    if (type === 'function_call_output' && typeof item.call_id !== 'string') {
      throw new EndpointError(missingParameter(`input[${index}].call_id`));
    }
  });
  return input as InputItem[];
}

function decide(
  body: Record<string, unknown>,
  input: InputItem[],
  context: EndpointContext,
  scripted?: ScriptedReply,
): OutputItem[] {
  const message = (text: string): OutputItem => ({
    type: 'message',
    id: context.id('msg'),
    status: 'completed',
    role: 'assistant',
    content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
  });
  const functionCall = (name: string, args: string, callId?: string): OutputItem => ({
    type: 'function_call',
    id: context.id('fc'),
    call_id: callId ?? context.id('call'),
    name,
    arguments: args,
    status: 'completed',
  });
  if (scripted && 'text' in scripted) return [message(scripted.text)];
  if (scripted && 'toolCalls' in scripted) {
    return scripted.toolCalls.map((call) =>
      functionCall(
        call.name,
        typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
        call.id,
      ),
    );
  }
  const last = input.at(-1);
  if (last?.type === 'function_call_output') return [message(toolResultReply(String(last.output)))];
  const userText = contentText(
    [...input].reverse().find((item) => (item.type ?? 'message') === 'message' && item.role === 'user')
      ?.content,
  );
  const tools = objectList(body.tools, 'tools')
    .filter(isDeclaration)
    .filter((tool) => tool.type === 'function');
  const tool = pickTool(tools, userText, body.tool_choice);
  if (tool)
    return [
      functionCall(tool.name, JSON.stringify(sampleFromSchema(tool.parameters, argumentHint(userText)))),
    ];
  const format = (body.text as { format?: { type?: string; schema?: JsonSchema } } | undefined)?.format;
  if (format?.type === 'json_schema')
    return [message(JSON.stringify(sampleFromSchema(format.schema, argumentHint(userText))))];
  return [message(echoReply(userText))];
}

// The API echoes function tools with every field set (strict defaults to true in the Responses API).
function echoedTool(tool: Record<string, unknown>): Record<string, unknown> {
  if (tool.type !== 'function') return tool;
  return {
    ...tool,
    description: tool.description ?? null,
    parameters: tool.parameters ?? null,
    strict: tool.strict ?? true,
  };
}

/** `GET /responses/{id}`. */
export function getResponse({ params }: EndpointRequest, context: EndpointContext): RouteResult {
  return { kind: 'json', body: storedResponse(params.id ?? '', context) };
}

/** `DELETE /responses/{id}`. */
export function deleteResponse({ params }: EndpointRequest, context: EndpointContext): RouteResult {
  const id = params.id ?? '';
  storedResponse(id, context);
  context.store.responses.delete(id);
  return { kind: 'json', body: { id, object: 'response.deleted', deleted: true } };
}

/** `POST /responses/{id}/cancel`: only background responses can be cancelled, as in the API. */
export function cancelResponse({ params }: EndpointRequest, context: EndpointContext): RouteResult {
  const response = storedResponse(params.id ?? '', context);
  if (response.background !== true) {
    throw new EndpointError(
      openaiError(400, 'Only responses created with background=true can be cancelled.', {
        code: 'invalid_request',
      }),
    );
  }
  response.status = 'cancelled';
  return { kind: 'json', body: response };
}

function storedResponse(id: string, context: EndpointContext): Record<string, unknown> {
  const response = context.store.responses.get(id);
  if (!response)
    throw new EndpointError(
      openaiError(404, `Response with id '${id}' not found.`, { param: 'response_id' }),
    );
  return response;
}
