import { type ChatCompletionOptions, ValidationError } from '@wireai/openai-client';
import * as z from 'zod/mini';
import { functionDeclarations, issuesOf } from './saved-session.js';

/** A session's legacy `functions` (lua-openai's), as the API takes them. */
export type FunctionDeclarations = NonNullable<ChatCompletionOptions['functions']>;
/** A session's `tools`, as the API takes them. */
export type ToolDeclarations = NonNullable<ChatCompletionOptions['tools']>;

// A function tool needs its declaration; other kinds (`custom`…) pass as they are.
const toolDeclarations = z.array(
  z
    .looseObject({
      type: z.string(),
      function: z.optional(
        z.looseObject({
          name: z.string(),
          description: z.optional(z.string()),
          parameters: z.optional(z.record(z.string(), z.unknown())),
        }),
      ),
    })
    .check(
      z.refine((tool) => tool.type !== 'function' || tool.function !== undefined, {
        error: 'a function tool needs function: { name, parameters? }',
        path: ['function'],
      }),
    ),
);

/**
 * lua-openai's test_function: a list of declarations, each with a name, an optional description and a
 * parameters object. Throws `ValidationError` naming the path (`functions[0].name`).
 */
export function checkFunctions(functions: unknown, path = 'functions'): void {
  const issues = issuesOf(functionDeclarations, functions, path);
  if (issues.length > 0) throw new ValidationError(issues);
}

/** A list of tools, each with a `type`; a function tool with its declaration. Throws `ValidationError` naming the path. */
export function checkTools(tools: unknown, path = 'tools'): void {
  const issues = issuesOf(toolDeclarations, tools, path);
  if (issues.length > 0) throw new ValidationError(issues);
}

// The Responses API's tools are flat (`{ type: 'function', name, parameters }`) and of many kinds.
const responseToolDeclarations = z.array(
  z.looseObject({ type: z.string(), name: z.optional(z.string()) }).check(
    z.refine((tool) => tool.type !== 'function' || typeof tool.name === 'string', {
      error: 'a function tool needs a name',
      path: ['name'],
    }),
  ),
);

/** A list of Responses API tools, each with a `type`; a function tool with a `name`. Throws `ValidationError` naming the path. */
export function checkResponseTools(tools: unknown, path = 'tools'): void {
  const issues = issuesOf(responseToolDeclarations, tools, path);
  if (issues.length > 0) throw new ValidationError(issues);
}
