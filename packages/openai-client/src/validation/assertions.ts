import * as v from 'valibot';
import type { ChatCompletionMessage, ResponseInput } from '../types.js';
import { chatMessage } from './chat-messages.js';
import { responsesInput } from './responses-input.js';
import { validate } from './validate.js';

const messageList = v.array(chatMessage);

/**
 * Checks chat messages as the client does before sending; throws a `ValidationError` naming each bad
 * path under `root` (`messages[2].role`). For code that keeps a history, such as sessions.
 */
export function assertChatMessages(
  messages: readonly unknown[],
  root = 'messages',
): asserts messages is ChatCompletionMessage[] {
  validate(messageList, messages, root);
}

/** Checks one chat message; errors name paths under `path` (`messages[7].content`). */
export function assertChatMessage(message: unknown, path: string): asserts message is ChatCompletionMessage {
  validate(chatMessage, message, path);
}

/** Checks a Responses API input (a string or items) as the client does before sending. */
export function assertResponsesInput(input: unknown, root = 'input'): asserts input is ResponseInput {
  validate(responsesInput, input, root);
}
