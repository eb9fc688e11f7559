import { MalformedResponseError } from '../../errors.js';
import type { components } from '../../generated/openai.js';
import { mergeUnknownFields } from './provider-metadata.js';

/**
 * A tool call joined from a stream: the API's function tool call, plus whatever provider metadata came
 * with it (Gemini's `extra_content`), kept so it can be sent back in the next request.
 */
export type AccumulatedToolCall = components['schemas']['ChatCompletionMessageToolCall'] & {
  [field: string]: unknown;
};

interface CallState {
  index: number;
  id: string;
  type: string;
  name: string;
  arguments: string;
  metadata: Record<string, unknown>;
}

// A streamed reply has a handful of calls; an index far beyond is a broken or hostile stream.
const MAX_INDEX = 127;
const KNOWN_FIELDS = new Set(['index', 'id', 'type', 'function']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Joins the tool-call deltas of one choice into calls. The provider quirks are handled here, and only here:
 *
 * - a delta without `index` (Gemini) belongs to the call in progress, or starts call 0 when there is none;
 * - a delta whose `id` differs from the id of the call at its index starts a new call (some proxies reuse
 *   an index for the next call; Gemini sends parallel calls without index, each with its own id);
 * - the function name replaces the one before (providers that repeat it in every delta would give `"ff"`);
 *   the arguments are concatenated;
 * - any other field (`extra_content`…) is merged onto the call and kept.
 *
 * A delta with neither an `index` nor a new `id` cannot be told from the rest of the call in progress,
 * so it joins it: a provider that sent parallel calls with neither could not be read apart by anyone.
 *
 * Calls come out by index, in the order they started within an index. `index` must be an integer from 0 to 127 (checked, and calls
 * are kept in a Map, so `"__proto__"` or a huge index is a clear error, never a prototype write).
 */
export class ToolCallJoiner {
  readonly #calls: CallState[] = [];
  readonly #byIndex = new Map<number, CallState>();
  #current: CallState | undefined;

  /** How many calls have started. */
  get size(): number {
    return this.#calls.length;
  }

  /** Adds the `tool_calls` of one delta; `path` names it in an error (`choices[0].delta.tool_calls`). */
  add(deltas: unknown, path = 'tool_calls'): void {
    if (deltas === undefined || deltas === null) return;
    if (!Array.isArray(deltas)) throw malformed(`${path}: expected an array`, deltas);
    for (const [position, delta] of deltas.entries()) {
      if (!isObject(delta)) throw malformed(`${path}[${position}]: expected an object`, delta);
      this.#addOne(delta, `${path}[${position}]`);
    }
  }

  #addOne(delta: Record<string, unknown>, path: string): void {
    const { index, id } = delta;
    let call: CallState | undefined;
    if (index === undefined || index === null) {
      call = this.#current ?? this.#byIndex.get(0);
    } else if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > MAX_INDEX) {
      throw malformed(
        `${path}.index: ${typeof index === 'string' ? JSON.stringify(index) : String(index)} is not an integer from 0 to ${MAX_INDEX}`,
        delta,
      );
    } else {
      call = this.#byIndex.get(index);
    }
    const newId = typeof id === 'string' && id !== '' ? id : undefined;
    if (!call || (newId !== undefined && call.id !== '' && call.id !== newId)) {
      const slot = typeof index === 'number' ? index : (call?.index ?? 0);
      call = { index: slot, id: '', type: '', name: '', arguments: '', metadata: {} };
      this.#calls.push(call);
      this.#byIndex.set(slot, call);
    }
    this.#current = call;
    if (newId !== undefined) call.id = newId;
    if (typeof delta.type === 'string' && delta.type !== '') call.type = delta.type;
    const fn = delta.function;
    if (isObject(fn)) {
      if (typeof fn.name === 'string' && fn.name !== '') call.name = fn.name;
      if (typeof fn.arguments === 'string') call.arguments += fn.arguments;
    }
    mergeUnknownFields(call.metadata, delta, KNOWN_FIELDS);
  }

  /**
   * The calls by index, in the order they started within an index. A call that never got a name cannot be answered: that is a
   * `MalformedResponseError`. A call that never got an id (some OpenAI-compatible servers send none) gets
   * `call_<n>`, its position in the reply, unique in the message, so the tool's answer can refer to it.
   */
  result(): AccumulatedToolCall[] {
    const taken = new Set(this.#calls.map((call) => call.id).filter((id) => id !== ''));
    // A stable sort: calls sharing an index (a reused index, Gemini's indexless calls) keep their order.
    const ordered = [...this.#calls].sort((a, b) => a.index - b.index);
    return ordered.map((call, position) => {
      if (call.name === '')
        throw malformed(`Malformed tool call in stream: call ${position} has no name`, call, true);
      let { id } = call;
      if (id === '') {
        id = `call_${position}`;
        for (let n = 1; taken.has(id); n++) id = `call_${position}_${n}`;
        taken.add(id);
      }
      return {
        ...call.metadata,
        id,
        type: (call.type || 'function') as 'function',
        function: { name: call.name, arguments: call.arguments },
      };
    });
  }
}

function malformed(problem: string, event: unknown, whole = false): MalformedResponseError {
  return new MalformedResponseError(whole ? problem : `Malformed tool call in stream: ${problem}`, { event });
}
