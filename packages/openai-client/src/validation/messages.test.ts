import { describe, expect, it } from 'vitest';
import { chatPayload } from '../endpoints/chat-completions.js';
import { assertChatMessages, assertResponsesInput } from './assertions.js';

// Every field of valid chat messages, Responses input items and function declarations, replaced by a
// value of the wrong kind or removed, one at a time, and the ValidationError each gives. The file was
// written when the client validated with zod and compared line for line with the valibot schemas that
// replaced it; it pins every path and message, so a change of validator cannot change one unnoticed.

const CHAT = [
  { role: 'system', content: 'x', name: 'n' },
  { role: 'developer', content: [{ type: 'text', text: 'x' }] },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'x' },
      { type: 'image_url', image_url: { url: 'u', detail: 'low' } },
      { type: 'input_audio', input_audio: { data: 'd', format: 'wav' } },
      { type: 'file', file: { file_id: 'f' } },
    ],
  },
  {
    role: 'assistant',
    content: [
      { type: 'text', text: 'x' },
      { type: 'refusal', refusal: 'r' },
    ],
    refusal: null,
    tool_calls: [{ id: 'i', type: 'function', function: { name: 'n', arguments: '{}' } }],
    function_call: { name: 'n', arguments: 'a' },
  },
  { role: 'tool', content: 'x', tool_call_id: 't' },
  { role: 'function', name: 'n', content: null },
];

const RESPONSES = [
  {
    role: 'user',
    content: [
      { type: 'input_text', text: 'x' },
      { type: 'input_image', image_url: 'u', detail: 'high' },
      { type: 'input_file', file_id: 'f' },
      { type: 'input_audio', input_audio: { data: 'd', format: 'mp3' } },
      { type: 'output_text', text: 't' },
      { type: 'refusal', refusal: 'r' },
    ],
  },
  { type: 'message', role: 'assistant', content: 'x' },
  { type: 'function_call_output', call_id: 'c', output: [{ type: 'input_text', text: 'x' }] },
  { type: 'function_call', call_id: 'c', name: 'n', arguments: '{}' },
  { type: 'item_reference', id: 'i' },
  { type: 'reasoning', summary: [] },
];

const FUNCTIONS = [{ name: 'f', description: 'd', parameters: { type: 'object' } }];

const REMOVED = Symbol('removed');
const WRONG: unknown[] = [5, null, [], {}, new Date(0), REMOVED];
const label = (value: unknown) =>
  value === REMOVED ? 'removed' : value instanceof Date ? 'Date' : JSON.stringify(value);

/** Each copy of `value` with one field somewhere inside it wrong or removed, named by its path. */
function* mutations(value: unknown, path: string[] = []): Generator<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    for (const wrong of WRONG) {
      if (wrong === REMOVED && Array.isArray(record)) continue;
      const copy = structuredClone(record);
      if (wrong === REMOVED) delete copy[key];
      else copy[key] = wrong;
      yield [[...path, key, label(wrong)].join('/'), copy];
    }
    for (const [inner, changed] of mutations(record[key], [...path, key])) {
      const copy = structuredClone(record);
      copy[key] = changed;
      yield [inner, copy];
    }
  }
}

function outcome(check: () => void): string {
  try {
    check();
    return 'ok';
  } catch (error) {
    return JSON.stringify((error as { issues?: unknown }).issues ?? String(error));
  }
}

describe('validation messages', () => {
  it('names the same path with the same message for every wrong or missing field', async () => {
    const lines: string[] = [];
    for (const [path, messages] of mutations(CHAT))
      lines.push(`chat ${path} ${outcome(() => assertChatMessages(messages as unknown[]))}`);
    for (const [path, input] of mutations(RESPONSES))
      lines.push(`responses ${path} ${outcome(() => assertResponsesInput(input))}`);
    for (const [path, functions] of mutations(FUNCTIONS))
      lines.push(
        `functions ${path} ${outcome(() => chatPayload('m', [{ role: 'user', content: 'x' }], { functions } as never))}`,
      );
    for (const wrong of WRONG.filter((value) => value !== REMOVED)) {
      lines.push(`chat [${label(wrong)}] ${outcome(() => assertChatMessages([wrong]))}`);
      lines.push(`responses ${label(wrong)} ${outcome(() => assertResponsesInput(wrong))}`);
      lines.push(`responses [${label(wrong)}] ${outcome(() => assertResponsesInput([wrong]))}`);
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('../test-support/validation-messages.txt');
  });
});
