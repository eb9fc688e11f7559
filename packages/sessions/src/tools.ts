import * as z from 'zod/mini';
import { userParseContext } from './zod-messages.js';

/** A JSON Schema object, for tools declared without zod. */
export type JsonSchemaObject = Record<string, unknown>;

/** A tool the runner can execute: a name, what it does, its parameters, and the code. */
export interface Tool<Args = unknown> {
  name: string;
  description?: string;
  /**
   * A zod 4 schema, from `zod` or `zod/mini` (arguments are validated with it), or a JSON Schema
   * (required properties are checked).
   */
  parameters: z.core.$ZodType<Args> | JsonSchemaObject;
  /** Runs the tool; the result goes back to the model (strings as they are, anything else as JSON). */
  execute(args: Args, context: { signal?: AbortSignal }): unknown | Promise<unknown>;
}

/** Declares a tool with its argument type inferred from the zod schema (`zod` or `zod/mini`). */
export function tool<Schema extends z.core.$ZodType>(definition: {
  name: string;
  description?: string;
  parameters: Schema;
  execute(args: z.output<Schema>, context: { signal?: AbortSignal }): unknown | Promise<unknown>;
}): Tool<z.output<Schema>> {
  return definition as Tool<z.output<Schema>>;
}

// Every zod 4 schema, full or mini, is a core `$ZodType` (zod checks the schema's traits, not its class).
const isZod = (value: unknown): value is z.core.$ZodType => value instanceof z.core.$ZodType;

/** The JSON Schema the API is sent for a tool's parameters. */
export function parametersSchema(definition: Tool): JsonSchemaObject {
  if (!isZod(definition.parameters)) return definition.parameters;
  const { $schema: _dialect, ...schema } = z.toJSONSchema(definition.parameters) as JsonSchemaObject;
  return schema;
}

/** The declaration for chat completions' `tools`. */
export const chatToolDeclaration = (definition: Tool) => ({
  type: 'function' as const,
  function: {
    name: definition.name,
    ...(definition.description ? { description: definition.description } : {}),
    parameters: parametersSchema(definition),
  },
});

/** The declaration for the Responses API's `tools`. */
export const responsesToolDeclaration = (definition: Tool) => ({
  type: 'function' as const,
  name: definition.name,
  ...(definition.description ? { description: definition.description } : {}),
  parameters: parametersSchema(definition),
  strict: false,
});

/**
 * Runs one tool call the model asked for. Every failure becomes the tool's result, worded for the model
 * (an unknown tool, arguments that are not JSON or break the schema, an exception), so the model can
 * correct itself instead of the run crashing.
 */
export async function executeToolCall(
  tools: readonly Tool[],
  name: string,
  rawArguments: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  const definition = tools.find((candidate) => candidate.name === name);
  if (!definition)
    return `Error: unknown tool '${name}'. Available tools: ${tools.map((candidate) => candidate.name).join(', ') || 'none'}.`;
  let args: unknown;
  try {
    args = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
  } catch (error) {
    return `Error: the arguments for '${name}' are not valid JSON (${(error as Error).message}). Send a JSON object.`;
  }
  const problem = checkArguments(definition, args);
  if (typeof problem === 'string') return `Error: invalid arguments for '${name}': ${problem}`;
  try {
    const result = await definition.execute(problem.value, signal ? { signal } : {});
    return typeof result === 'string' ? result : (JSON.stringify(result) ?? 'null');
  } catch (error) {
    return `Error: '${name}' failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function checkArguments(definition: Tool, args: unknown): string | { value: unknown } {
  if (isZod(definition.parameters)) {
    const result = z.safeParse(definition.parameters, args, userParseContext());
    if (result.success) return { value: result.data };
    return result.error.issues
      .map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`)
      .join('; ');
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return 'expected a JSON object';
  const required = (definition.parameters as { required?: unknown }).required;
  const missing = Array.isArray(required)
    ? required.filter((key) => typeof key === 'string' && !(key in args))
    : [];
  return missing.length > 0
    ? `missing required ${missing.map((key) => `'${key}'`).join(', ')}`
    : { value: args };
}
