/** How many requests `createMockOpenAI` and `startMockOpenAI` keep by default. */
export const DEFAULT_REQUEST_LOG_SIZE = 1000;

/**
 * The last `size` items pushed, oldest first: a ring buffer, so a long-running mock keeps a bounded
 * number of requests (and bodies). `size` 0 keeps none; `Infinity` keeps every one.
 */
export class RingBuffer<T> {
  readonly #slots: T[] = [];
  #next = 0; // where the next item goes once the buffer is full
  #total = 0;

  constructor(readonly size: number) {
    if (!(size === Number.POSITIVE_INFINITY || (Number.isSafeInteger(size) && size >= 0)))
      throw new RangeError(`requestLog.size must be a whole number (0 or more) or Infinity, got ${size}`);
  }

  push(item: T): void {
    this.#total++;
    if (this.size === 0) return;
    if (this.#slots.length < this.size) {
      this.#slots.push(item);
      return;
    }
    this.#slots[this.#next] = item;
    this.#next = (this.#next + 1) % this.size;
  }

  /** The items kept, oldest first (a copy). */
  toArray(): T[] {
    return [...this.#slots.slice(this.#next), ...this.#slots.slice(0, this.#next)];
  }

  /** Items pushed since the start or the last `clear()`, kept or not. */
  get total(): number {
    return this.#total;
  }

  clear(): void {
    this.#slots.length = 0;
    this.#next = 0;
    this.#total = 0;
  }
}
