import { assertChatMessage, type ChatCompletionMessage, ValidationError } from '@wireai/openai-client';
import * as z from 'zod/mini';
import { SessionError } from './session-error.js';
import type { SessionUsage } from './usage.js';
import { ENGLISH } from './zod-messages.js';

// The saved shapes of the sessions (`toJSON()`), checked strictly when a session is resumed: whatever
// `fromJSON` is given (a file, a database row, a user's upload) is untrusted. Keys the shape does not
// have are dropped, and so are prototype keys (`__proto__`, `constructor`, `prototype`) in every object
// the session reads or merges; types are checked, token counts are finite non-negative integers. A
// history of any length is walked in a loop, never spread onto the stack.

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many problems are collected and shown: a broken history of a million messages fails fast. */
const MAX_ISSUES = 10;
const SHOWN_ISSUES = 5;

const hasPrototypeKey = (value: object): boolean =>
  Object.hasOwn(value, '__proto__') ||
  Object.hasOwn(value, 'constructor') ||
  Object.hasOwn(value, 'prototype');

/**
 * `value` without its own prototype keys: a plain copy of the other keys (never assigned through a
 * `__proto__` setter) when it has one, `value` itself when it has none (a long history is not copied).
 */
export function withoutPrototypeKeys<T extends object>(value: T): T {
  if (!hasPrototypeKey(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!PROTOTYPE_KEYS.has(key)) copy[key] = (value as Record<string, unknown>)[key];
  }
  return copy as T;
}

const tokenCount = z.number().check(z.int(), z.nonnegative()); // `int()` is a safe integer: finite, no NaN

const usage = z.object({
  inputTokens: tokenCount,
  outputTokens: tokenCount,
  totalTokens: tokenCount,
  requests: tokenCount,
});

/** A legacy function declaration (lua-openai's `test_function`): a name, an optional description and parameters. */
export const functionDeclarations = z.array(
  z.pipe(
    z.looseObject({
      name: z.string(),
      description: z.optional(z.string()),
      parameters: z.optional(z.record(z.string(), z.unknown())),
    }),
    z.transform(withoutPrototypeKeys),
  ),
);

/**
 * Request parameters: any key (the API has many and providers add more), but prototype keys and `drop`
 * (what a session supplies itself); the ones a session reads are typed.
 */
const parameters = <Shape extends z.core.$ZodLooseShape>(shape: Shape, drop: string) => {
  const object = z.looseObject({ model: z.optional(z.string().check(z.minLength(1))), ...shape });
  return z.pipe(
    object,
    z.transform((value: z.output<typeof object>): Record<string, unknown> => {
      const { [drop]: _dropped, ...rest } = withoutPrototypeKeys(value) as Record<string, unknown>;
      return rest;
    }),
  );
};

/** Each message checked as `appendMessage` checks it (the client's schema), its issues at their full path. */
const chatHistory = z.pipe(
  z.array(z.unknown()).check(
    z.superRefine((messages, context) => {
      let found = 0;
      for (let index = 0; index < messages.length && found < MAX_ISSUES; index++) {
        try {
          assertChatMessage(messages[index], `messages[${index}]`);
        } catch (error) {
          if (!ValidationError.isInstance(error)) throw error;
          for (const issue of error.issues) {
            found++;
            context.addIssue({
              code: 'custom',
              message: issue.message,
              path: [index],
              params: { at: issue.path },
            });
          }
        }
      }
    }),
  ),
  z.transform((messages: unknown[]) => messages.map((message) => withoutPrototypeKeys(message as object))),
);

/** A kept response: what a conversation continues from (an `id`, an `output` list), and whatever else it had. */
const keptResponse = z.pipe(
  z.looseObject({ id: z.string().check(z.minLength(1)), output: z.array(z.unknown()) }),
  z.transform(withoutPrototypeKeys),
);

const savedChat = z.object({
  version: z.literal(1),
  kind: z.literal('chat'),
  options: z.optional(parameters({ functions: z.optional(functionDeclarations) }, 'messages')),
  messages: chatHistory,
  usage: z.optional(usage),
});

const savedResponses = z.object({
  version: z.literal(1),
  kind: z.literal('responses'),
  options: z.optional(
    parameters({ previous_response_id: z.optional(z.nullable(z.string().check(z.minLength(1)))) }, 'input'),
  ),
  currentResponseId: z.optional(z.nullable(z.string().check(z.minLength(1)))),
  responseHistory: z.array(keptResponse),
  usage: z.optional(usage),
});

export interface SavedChat {
  options: Record<string, unknown>;
  messages: ChatCompletionMessage[];
  usage: SessionUsage | undefined;
}

export interface SavedResponses {
  options: Record<string, unknown>;
  currentResponseId: string | undefined;
  responseHistory: Array<Record<string, unknown> & { id: string; output: unknown[] }>;
  usage: SessionUsage | undefined;
}

/** Parses a saved `ChatSession`; throws `SessionError` naming each bad path (`messages[2].role`). */
export function parseSavedChat(json: unknown): SavedChat {
  const saved = parse(savedChat, json, 'ChatSession');
  return {
    options: saved.options ?? {},
    messages: saved.messages as ChatCompletionMessage[],
    usage: saved.usage,
  };
}

/** Parses a saved `ResponsesChatSession`; throws `SessionError` naming each bad path. */
export function parseSavedResponses(json: unknown): SavedResponses {
  const saved = parse(savedResponses, json, 'ResponsesChatSession');
  return {
    options: saved.options ?? {},
    currentResponseId: saved.currentResponseId ?? undefined,
    responseHistory: saved.responseHistory,
    usage: saved.usage,
  };
}

/** The issues of `value` against `schema`, each with its path under `root` (`functions[0].name`). */
export function issuesOf(
  schema: z.ZodMiniType,
  value: unknown,
  root: string,
): Array<{ path: string; message: string }> {
  const result = z.safeParse(schema, value, ENGLISH);
  return result.success ? [] : result.error.issues.map((issue) => describe(issue, root));
}

function parse<T>(schema: z.ZodMiniType<T>, json: unknown, name: string): T {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new SessionError(`Not a saved ${name}: not JSON (${(error as Error).message})`, undefined, json);
    }
  }
  const result = z.safeParse(schema, value, ENGLISH);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => describe(issue, ''));
  const shown = issues
    .slice(0, SHOWN_ISSUES)
    .map(({ path, message }) => (path === '' ? message : `${path}: ${message}`));
  const more = issues.length > SHOWN_ISSUES ? `; and ${issues.length - SHOWN_ISSUES} more` : '';
  throw new SessionError(`Not a saved ${name}: ${shown.join('; ')}${more}`, undefined, value);
}

function describe(issue: z.core.$ZodIssue, root: string): { path: string; message: string } {
  const at = (issue as { params?: { at?: unknown } }).params?.at;
  return { path: typeof at === 'string' ? at : formatPath(root, issue.path), message: issue.message };
}

/** `['messages', 2, 'role']` → `messages[2].role`. */
function formatPath(root: string, path: ReadonlyArray<PropertyKey>): string {
  let out = root;
  for (const key of path) {
    out = typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`;
  }
  return out;
}
