// Messages in the style of lua-openai's tableshape, so "Failed to parse response from server: …"
// reads as it does there: field "choices": expected type "table", got "nil".

const luaType = (value: unknown): string => {
  if (value === undefined || value === null) return 'nil';
  if (typeof value === 'object') return 'table';
  return typeof value;
};

/** The assistant message of a chat completion body, or the tableshape-style reason it is not there. */
export function chatReplyMessage(body: unknown): { message: Record<string, unknown> } | { reason: string } {
  if (typeof body !== 'object' || body === null)
    return { reason: `expected type "table", got "${luaType(body)}"` };
  const { choices } = body as { choices?: unknown };
  if (!Array.isArray(choices))
    return { reason: `field "choices": expected type "table", got "${luaType(choices)}"` };
  const first = choices[0] as { message?: unknown } | undefined;
  if (typeof first !== 'object' || first === null)
    return { reason: `field "choices": field 1: expected type "table", got "${luaType(first)}"` };
  const { message } = first;
  if (typeof message !== 'object' || message === null) {
    return {
      reason: `field "choices": field 1: field "message": expected type "table", got "${luaType(message)}"`,
    };
  }
  const { content } = message as { content?: unknown };
  if (content !== undefined && content !== null && typeof content !== 'string') {
    return {
      reason: `field "choices": field 1: field "message": field "content": expected type "string", got "${luaType(content)}"`,
    };
  }
  return { message: message as Record<string, unknown> };
}

/** A Responses body good enough to continue from: a non-empty `id` and an `output` list. */
export function responseReason(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return `expected type "table", got "${luaType(body)}"`;
  const { id, output } = body as { id?: unknown; output?: unknown };
  if (typeof id !== 'string') return `field "id": expected type "string", got "${luaType(id)}"`;
  // An empty id would break the chain as a missing one does (the streamed path rejects both too).
  if (id === '') return 'field "id": expected a non-empty string';
  if (!Array.isArray(output)) return `field "output": expected type "table", got "${luaType(output)}"`;
  return undefined;
}
