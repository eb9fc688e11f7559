import { IncompleteStreamError } from '../../errors.js';
import type { Response, ResponseStreamEvent } from '../../types.js';
import { malformedStreamEvent, responseEventProblem } from '../event-shapes.js';

type OutputItem = Response['output'][number];

// A response has a handful of output items; an index far beyond is a broken or hostile stream.
const MAX_OUTPUT_INDEX = 1023;

const LIFECYCLE = new Set([
  'response.created',
  'response.queued',
  'response.in_progress',
  'response.completed',
  'response.failed',
  'response.incomplete',
]);

/**
 * Rebuilds the final `Response` of a streamed Responses API call: `add()` each event, then `result()`.
 *
 * The final response is `response.completed`'s. If the stream ended otherwise, the fallback is the last
 * response a lifecycle event carried (`response.incomplete` or `response.failed`, whose `status` says so,
 * else `response.in_progress`/`created`), with the output items the stream finished
 * (`response.output_item.done`) in place of an empty `output`.
 *
 * @example
 * ```ts
 * const accumulator = new ResponseAccumulator();
 * for await (const event of client.streamResponse('Hello')) accumulator.add(event);
 * console.log(accumulator.result().status);
 * ```
 */
export class ResponseAccumulator {
  #last: Response | undefined;
  #completed = false;
  readonly #items = new Map<number, OutputItem>();

  /** Whether `response.completed` arrived: `result()` is then exactly its response. */
  get completed(): boolean {
    return this.#completed;
  }

  /**
   * Adds one event. Throws `MalformedResponseError` for an event the code cannot use (see
   * `assertResponseStreamEvent`); the client checks streamed events the same way before they reach you.
   */
  add(event: ResponseStreamEvent): void {
    const problem = responseEventProblem(event);
    if (problem !== undefined) throw malformedStreamEvent(problem, event);
    if (LIFECYCLE.has(event.type) && 'response' in event) {
      this.#last = event.response as Response;
      if (event.type === 'response.completed') this.#completed = true;
      return;
    }
    if (event.type === 'response.output_item.done') {
      const { output_index: index, item } = event;
      if (Number.isInteger(index) && index >= 0 && index <= MAX_OUTPUT_INDEX && item)
        this.#items.set(index, item);
    }
  }

  /**
   * The final response (see the class). Throws `IncompleteStreamError` when no event carried a
   * response at all.
   */
  result(): Response {
    const last = this.#last;
    if (!last) throw new IncompleteStreamError('The stream carried no response');
    if (this.#completed || (Array.isArray(last.output) && last.output.length > 0)) return last;
    const output = [...this.#items.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
    return { ...last, output };
  }
}
