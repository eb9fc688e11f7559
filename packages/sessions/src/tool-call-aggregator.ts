import { SessionError } from './session-error.js';

export interface AggregatedToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

interface ToolCallDelta {
  index?: unknown;
  id?: unknown;
  type?: unknown;
  function?: { name?: unknown; arguments?: unknown } | null;
}

// A streamed reply has a handful of calls; an index far beyond is a broken or hostile stream.
const MAX_INDEX = 127;

/**
 * Joins streamed tool-call deltas by `index` (id, type and name as they come, arguments concatenated).
 * Indexes are checked integers kept in a Map, so a delta with `index: "__proto__"`, a negative or a huge
 * index is a clear `SessionError`, never a write to an object's prototype.
 */
export class ToolCallAggregator {
  readonly #calls = new Map<number, AggregatedToolCall>();

  add(deltas: readonly ToolCallDelta[]): void {
    for (const delta of deltas) {
      const { index } = delta;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > MAX_INDEX) {
        throw new SessionError(
          `Malformed tool call in stream: index ${JSON.stringify(index)} is not an integer from 0 to ${MAX_INDEX}`,
          undefined,
          delta,
        );
      }
      let call = this.#calls.get(index);
      if (!call) {
        call = { id: '', type: 'function', function: { name: '', arguments: '' } };
        this.#calls.set(index, call);
      }
      if (typeof delta.id === 'string' && delta.id !== '') call.id = delta.id;
      if (typeof delta.function?.name === 'string') call.function.name += delta.function.name;
      if (typeof delta.function?.arguments === 'string') call.function.arguments += delta.function.arguments;
    }
  }

  get size(): number {
    return this.#calls.size;
  }

  /** The calls in index order; a call that never got an id or a name is an error (it could not be answered). */
  result(): AggregatedToolCall[] {
    const calls = [...this.#calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
    for (const [position, call] of calls.entries()) {
      if (call.id === '' || call.function.name === '') {
        throw new SessionError(
          `Malformed tool call in stream: call ${position} has no ${call.id === '' ? 'id' : 'name'}`,
          undefined,
          call,
        );
      }
    }
    return calls;
  }
}
