/** What the mock answers when nothing is scripted: deterministic, so demos and examples need no script. */

export interface ToolDeclaration {
  name: string;
  parameters?: JsonSchema | undefined;
}

/** The part of JSON Schema the mock reads to build a matching sample (tool arguments, structured output). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  description?: string;
};

/** The reply to a user text: an echo, recognisable in demos and tests. */
export function echoReply(userText: string): string {
  return userText.trim() === '' ? 'Hello from the wireai mock server.' : `Echo: ${userText}`;
}

/** The reply once a tool result came back. */
export function toolResultReply(output: string): string {
  return `The tool returned: ${output}`;
}

/** Splits text into the pieces a stream sends: words with their trailing spaces. */
export function streamPieces(text: string): string[] {
  const pieces = text.match(/\S+\s*|\s+/g);
  return pieces ?? [];
}

/** The text of a message content: a string, or the text parts of a list of parts. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => {
      const { type, text } = (part ?? {}) as { type?: string; text?: unknown };
      return (type === 'text' || type === 'input_text' || type === 'output_text') && typeof text === 'string'
        ? text
        : '';
    })
    .filter((text) => text !== '')
    .join(' ');
}

/**
 * The tool the model "decides" to call: the one `tool_choice` names, the first when a tool is required,
 * or one whose name the user's text mentions ("what's the weather" calls `get_weather`); none otherwise.
 */
export function pickTool(
  tools: ToolDeclaration[],
  userText: string,
  toolChoice: unknown,
): ToolDeclaration | undefined {
  if (tools.length === 0 || toolChoice === 'none') return undefined;
  const named = toolChoiceName(toolChoice);
  if (named) return tools.find((tool) => tool.name === named);
  if (toolChoice === 'required') return tools[0];
  const text = userText.toLowerCase();
  return tools.find((tool) => {
    const words = tool.name
      .toLowerCase()
      .split(/[_\-.\s]+/)
      .filter((word) => word.length > 2);
    return (
      text.includes(tool.name.toLowerCase()) || words.some((word) => !COMMON.has(word) && text.includes(word))
    );
  });
}

// Verbs that start many tool names and would match almost any question.
const COMMON = new Set([
  'get',
  'set',
  'list',
  'find',
  'search',
  'fetch',
  'create',
  'update',
  'delete',
  'run',
  'the',
]);

function toolChoiceName(toolChoice: unknown): string | undefined {
  if (typeof toolChoice !== 'object' || toolChoice === null) return undefined;
  const choice = toolChoice as { name?: unknown; function?: { name?: unknown } };
  const name = choice.function?.name ?? choice.name;
  return typeof name === 'string' ? name : undefined;
}

/** A value that satisfies `schema`: used for tool-call arguments and structured output. */
export function sampleFromSchema(schema: JsonSchema | undefined, hint: string, depth = 0): unknown {
  if (!schema || depth > 8) return {};
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return sampleFromSchema(variant, hint, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return hint || 'mock';
    case 'integer':
    case 'number':
      return 42;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return [sampleFromSchema(schema.items, hint, depth + 1)];
    default: {
      const out: Record<string, unknown> = {};
      const properties = schema.properties ?? {};
      // Every property: structured outputs in strict mode require all of them.
      for (const [name, property] of Object.entries(properties)) {
        out[name] = sampleFromSchema(
          property,
          name === 'location' || name === 'query' ? hint : name,
          depth + 1,
        );
      }
      return out;
    }
  }
}

/** Rough token counts: the mock reports usage, and words are close enough for tests. */
export function countTokens(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** A plausible string argument taken from the user's text: its last capitalised word ("Paris"), else "mock". */
export function argumentHint(userText: string): string {
  const words = userText.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  const named = words.slice(1).filter((word) => /^\p{Lu}/u.test(word));
  return named.at(-1) ?? 'mock';
}
