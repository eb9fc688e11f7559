import { ToolLoopError } from './session-error.js';
import { executeToolCall, type Tool } from './tools.js';

/** A tool call as the model asked for it, whichever API it came from. */
export interface ToolCallRequest {
  id: string;
  name: string;
  arguments: string;
}

/** What a reply means to the runner: the final text, or the calls to run. */
export type ToolTurn = { text: string } | { calls: readonly ToolCallRequest[] };

/**
 * The tool loop both sessions run: read the reply, run every call it asks for concurrently (a failing
 * tool becomes its result, see `executeToolCall`), hand the outputs to `next` for the next reply, until a
 * reply is text. Throws `ToolLoopError` when the `maxSteps`-th reply still calls tools.
 */
export async function runToolLoop<Reply>(loop: {
  first: Reply;
  read(reply: Reply): ToolTurn;
  next(outputs: Array<{ id: string; output: string }>): Promise<Reply>;
  tools: readonly Tool[];
  maxSteps: number;
  signal: AbortSignal | undefined;
  /** What a reply is called in the error: `model replies`, `responses`. */
  unit: string;
}): Promise<string> {
  let reply = loop.first;
  for (let step = 1; ; step++) {
    const turn = loop.read(reply);
    if ('text' in turn) return turn.text;
    if (step >= loop.maxSteps)
      throw new ToolLoopError(
        `No final answer after ${loop.maxSteps} ${loop.unit}; the last one still called tools`,
      );
    const outputs = await Promise.all(
      turn.calls.map((call) => executeToolCall(loop.tools, call.name, call.arguments, loop.signal)),
    );
    reply = await loop.next(turn.calls.map((call, index) => ({ id: call.id, output: outputs[index] ?? '' })));
  }
}
