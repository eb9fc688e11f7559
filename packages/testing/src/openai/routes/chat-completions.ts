import {
  argumentHint,
  contentText,
  countTokens,
  echoReply,
  type JsonSchema,
  pickTool,
  sampleFromSchema,
  streamPieces,
  type ToolDeclaration,
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

const ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'];

interface ChatMessage {
  role: string;
  content?: unknown;
  name?: string;
  tool_calls?: unknown;
  tool_call_id?: string;
}

interface ToolCallOut {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

type Answer =
  | { kind: 'text'; text: string; finishReason: string }
  | { kind: 'tools'; calls: ToolCallOut[] }
  | { kind: 'function'; call: { name: string; arguments: string } };

/** `POST /chat/completions`: JSON or a stream of `chat.completion.chunk`s ending in `[DONE]`. */
export function createChatCompletion(
  request: EndpointRequest,
  context: EndpointContext,
  scripted?: ScriptedReply,
): RouteResult {
  const { body } = request;
  const messages = checkMessages(body);
  if (typeof body.model !== 'string' || body.model === '') throw new EndpointError(missingParameter('model'));
  const answer = decide(body, messages, context, scripted);
  const id = context.id('chatcmpl');
  const created = context.now();
  const model = body.model;
  const promptTokens = messages.reduce((sum, message) => sum + countTokens(contentText(message.content)), 0);
  const completionTokens = answer.kind === 'text' ? countTokens(answer.text) : 8;
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };

  if (body.stream !== true) {
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: null,
      refusal: null,
      annotations: [],
    };
    let finishReason = 'stop';
    if (answer.kind === 'text') {
      message.content = answer.text;
      finishReason = answer.finishReason;
    } else if (answer.kind === 'tools') {
      message.tool_calls = answer.calls;
      finishReason = 'tool_calls';
    } else {
      message.function_call = answer.call;
      finishReason = 'function_call';
    }
    return {
      kind: 'json',
      body: {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
        usage,
        service_tier: 'default',
        system_fingerprint: 'fp_wireai_mock',
      },
    };
  }

  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null): SseOut =>
    jsonEvent({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_wireai_mock',
      choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    });
  const events: SseOut[] = [chunk({ role: 'assistant', content: '', refusal: null })];
  let finishReason = 'stop';
  if (answer.kind === 'text') {
    for (const piece of streamPieces(answer.text)) events.push(chunk({ content: piece }));
    finishReason = answer.finishReason;
  } else if (answer.kind === 'tools') {
    answer.calls.forEach((call, index) => {
      events.push(
        chunk({
          tool_calls: [
            { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
          ],
        }),
      );
      for (const piece of argumentPieces(call.function.arguments)) {
        events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
      }
    });
    finishReason = 'tool_calls';
  } else {
    events.push(chunk({ function_call: { name: answer.call.name, arguments: '' } }));
    for (const piece of argumentPieces(answer.call.arguments))
      events.push(chunk({ function_call: { arguments: piece } }));
    finishReason = 'function_call';
  }
  const terminalFrom = events.length;
  events.push(chunk({}, finishReason));
  const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
  if (streamOptions?.include_usage) {
    events.push(
      jsonEvent({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        system_fingerprint: 'fp_wireai_mock',
        choices: [],
        usage,
      }),
    );
  }
  events.push({ data: '[DONE]' });
  return {
    kind: 'sse',
    events,
    terminalFrom,
    errorEvent: (message) =>
      jsonEvent({ error: { message, type: 'server_error', param: null, code: null } }, 'error'),
  };
}

function checkMessages(body: Record<string, unknown>): ChatMessage[] {
  const { messages } = body;
  if (messages === undefined) throw new EndpointError(missingParameter('messages'));
  if (!Array.isArray(messages)) {
    throw new EndpointError(
      invalidValue(
        'messages',
        `Invalid type for 'messages': expected an array of objects, but got ${typeof messages} instead.`,
      ),
    );
  }
  if (messages.length === 0) {
    throw new EndpointError(
      openaiError(
        400,
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        {
          param: 'messages',
          code: 'empty_array',
        },
      ),
    );
  }
  messages.forEach((message: unknown, index) => {
    const role = (message as ChatMessage | null)?.role;
    if (typeof role !== 'string') throw new EndpointError(missingParameter(`messages[${index}].role`));
    if (!ROLES.includes(role)) {
      const supported = `${ROLES.slice(0, -1)
        .map((r) => `'${r}'`)
        .join(', ')}, and '${ROLES.at(-1)}'`;
      throw new EndpointError(
        invalidValue(
          `messages[${index}].role`,
          `Invalid value: '${role}'. Supported values are: ${supported}.`,
        ),
      );
    }
    if (role === 'tool' && typeof (message as ChatMessage).tool_call_id !== 'string') {
      throw new EndpointError(missingParameter(`messages[${index}].tool_call_id`));
    }
  });
  return messages as ChatMessage[];
}

function decide(
  body: Record<string, unknown>,
  messages: ChatMessage[],
  context: EndpointContext,
  scripted?: ScriptedReply,
): Answer {
  if (scripted && 'text' in scripted)
    return { kind: 'text', text: scripted.text, finishReason: scripted.finishReason ?? 'stop' };
  if (scripted && 'toolCalls' in scripted) {
    return {
      kind: 'tools',
      calls: scripted.toolCalls.map((call) => ({
        id: call.id ?? context.id('call'),
        type: 'function',
        function: {
          name: call.name,
          arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
        },
      })),
    };
  }
  if (scripted && 'functionCall' in scripted) {
    const { name, arguments: args } = scripted.functionCall;
    return {
      kind: 'function',
      call: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
    };
  }
  const last = messages.at(-1);
  if (last && (last.role === 'tool' || last.role === 'function')) {
    return { kind: 'text', text: toolResultReply(contentText(last.content)), finishReason: 'stop' };
  }
  const userText = contentText([...messages].reverse().find((message) => message.role === 'user')?.content);
  const hint = argumentHint(userText);
  const tools = chatTools(objectList(body.tools, 'tools'));
  const tool = pickTool(tools, userText, body.tool_choice);
  if (tool) {
    return {
      kind: 'tools',
      calls: [
        {
          id: context.id('call'),
          type: 'function',
          function: { name: tool.name, arguments: JSON.stringify(sampleFromSchema(tool.parameters, hint)) },
        },
      ],
    };
  }
  const functions = objectList(body.functions, 'functions').filter(isDeclaration);
  const legacy = pickTool(functions, userText, body.function_call);
  if (legacy)
    return {
      kind: 'function',
      call: { name: legacy.name, arguments: JSON.stringify(sampleFromSchema(legacy.parameters, hint)) },
    };
  const format = body.response_format as { type?: string; json_schema?: { schema?: JsonSchema } } | undefined;
  if (format?.type === 'json_schema') {
    return {
      kind: 'text',
      text: JSON.stringify(sampleFromSchema(format.json_schema?.schema, hint)),
      finishReason: 'stop',
    };
  }
  if (format?.type === 'json_object')
    return { kind: 'text', text: JSON.stringify({ reply: echoReply(userText) }), finishReason: 'stop' };
  return { kind: 'text', text: echoReply(userText), finishReason: 'stop' };
}

function chatTools(tools: Array<Record<string, unknown>>): ToolDeclaration[] {
  return tools.map((tool) => tool.function).filter(isDeclaration);
}

/** A function declaration the mock can call: an object with a string name. */
export function isDeclaration<T>(value: T): value is T & ToolDeclaration {
  return (
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
  );
}

/** Tool-call arguments arrive in a few pieces, as they do from the API. */
export function argumentPieces(args: string): string[] {
  const size = Math.max(1, Math.ceil(args.length / 3));
  const pieces: string[] = [];
  for (let offset = 0; offset < args.length; offset += size) pieces.push(args.slice(offset, offset + size));
  return pieces;
}
