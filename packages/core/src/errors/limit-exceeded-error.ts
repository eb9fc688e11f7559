import { errorBrand, WireaiError } from './wireai-error.js';

/**
 * A response went past a size limit the request set, and was stopped there: the request is aborted at
 * once, and no more than the limit was held in memory. `limit` names the option (`maxBodyBytes`,
 * `maxEventSize`, …) so the message tells what to raise when the response is legitimate.
 */
export class LimitExceededError extends WireaiError {
  static override readonly brand: symbol = errorBrand('LimitExceededError');
  /** The option whose value was passed, e.g. `"maxBodyBytes"`. */
  readonly limit: string;
  /** Its value: bytes for body limits, characters for event limits. */
  readonly max: number;

  constructor(limit: string, max: number, what: string) {
    super(`${what} exceeds ${limit} (${max}); the request was stopped`);
    this.limit = limit;
    this.max = max;
  }
}
