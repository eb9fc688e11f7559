import { OpenAIError } from '../errors.js';
import { type OkResult, type ResultFor, resultError } from '../result/unwrap.js';
import type { Result } from '../types.js';

/** What a cursor-paged list answers (`GET /files`, `/assistants`…): the items, and whether more follow. */
export interface CursorListBody<Item> {
  data: Item[];
  object?: string;
  first_id?: string | null;
  last_id?: string | null;
  /** `true` when items follow the last one of `data` (absent: a list that is never paged, such as models). */
  has_more?: boolean;
}

/** The cursor parameters the paged lists share, as the official description names them. */
export type CursorParams = {
  /** An object id: the page starts after it (the last id of the previous page). */
  after?: string | undefined;
  /** An object id: the page ends before it (the first id of the next page, walking back). */
  before?: string | undefined;
  /** How many items a page holds (the API's default and maximum differ by list). */
  limit?: number | undefined;
  /** By `created_at`: `asc` or `desc` (the API's default is `desc`). */
  order?: 'asc' | 'desc' | undefined;
};

/** Sends the request for one page with the given query; its `Result` as the call resolves it. */
export type FetchPage<Body, Q> = (query: Q) => Promise<Result<Body>>;

/** The methods every page has beside the list's own fields. */
export interface PageMethods<Item, Body> {
  /** Whether a next page exists: the API said `has_more` and this page has an item to continue from. */
  hasNextPage(): boolean;
  /**
   * The next page, as the first one was fetched (same parameters and call options, the cursor moved on),
   * resolved as a `Result` (or rejected, with `throwOnError`). Rejects with `OpenAIError` when
   * `hasNextPage()` is false.
   */
  nextPage(): Promise<Result<Page<Item, Body>>>;
  /** This page, then each following one; a page that fails throws its `APIError` subclass. */
  pages(): AsyncIterableIterator<Page<Item, Body>>;
  /** Every item of this page and of the pages after it, fetched as the loop reaches them. */
  [Symbol.asyncIterator](): AsyncIterator<Item>;
}

/**
 * One page of a list: the list's body as the API sent it (`data`, `has_more`, `first_id`, `last_id`,
 * `object`, as own enumerable fields, so `JSON.stringify(page)` is the body), plus the methods of
 * `PageMethods` on the prototype.
 */
export type Page<Item, Body = CursorListBody<Item>> = Body & PageMethods<Item, Body>;

/**
 * What a list method returns: the promise of the first page's `Result` (so `await` keeps the usual
 * contract), and an async iterable over every item of every page (`for await (const file of client.files())`),
 * which throws a non-2xx page as its `APIError` subclass. With `throwOnError: true` in the call options, the
 * result is narrowed to the ok branch.
 */
export type PagePromise<Item, Body = CursorListBody<Item>, C = unknown> = Promise<
  ResultFor<Page<Item, Body>, C>
> &
  AsyncIterable<Item>;

const withId = (item: unknown): string | undefined => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

class CursorPage<Item, Body extends CursorListBody<Item>, Q extends CursorParams> {
  // Private fields: not enumerable, so the page serialises as the body alone.
  readonly #fetch: FetchPage<Body, Q>;
  readonly #query: Q;

  constructor(body: Body, query: Q, fetch: FetchPage<Body, Q>) {
    Object.assign(this, body);
    this.#fetch = fetch;
    this.#query = query;
  }

  /** The query of the next page, or `undefined` at the end. */
  #nextQuery(): Q | undefined {
    const body = this as unknown as Body;
    if (body.has_more !== true || !Array.isArray(body.data) || body.data.length === 0) return undefined;
    // Walking back (`before` given without `after`), the cursor is the first id; else the last one.
    if (this.#query.before !== undefined && this.#query.after === undefined) {
      const first = withId(body.data[0]) ?? body.first_id ?? undefined;
      return first === undefined ? undefined : { ...this.#query, before: first };
    }
    const last = withId(body.data.at(-1)) ?? body.last_id ?? undefined;
    if (last === undefined) return undefined;
    const { before: _before, ...rest } = this.#query;
    return { ...rest, after: last } as Q;
  }

  hasNextPage(): boolean {
    return this.#nextQuery() !== undefined;
  }

  async nextPage(): Promise<Result<Page<Item, Body>>> {
    const query = this.#nextQuery();
    if (query === undefined) throw new OpenAIError('There is no next page: check hasNextPage() first');
    return fetchPage<Item, Body, Q>(this.#fetch, query);
  }

  async *pages(): AsyncIterableIterator<Page<Item, Body>> {
    let page = this as unknown as Page<Item, Body>;
    for (;;) {
      yield page;
      if (!page.hasNextPage()) return;
      const next = await page.nextPage();
      if (!next.ok) throw resultError(next);
      page = next.body;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of this.pages()) yield* (page as unknown as Body).data;
  }
}

/** Fetches one page and, when it is ok, makes its body a `Page`. */
async function fetchPage<Item, Body extends CursorListBody<Item>, Q extends CursorParams>(
  fetch: FetchPage<Body, Q>,
  query: Q,
): Promise<Result<Page<Item, Body>>> {
  const result = await fetch(query);
  if (!result.ok) return result;
  const page = new CursorPage<Item, Body, Q>(result.body, query, fetch) as unknown as Page<Item, Body>;
  return { ...result, body: page } as OkResult<Page<Item, Body>>;
}

/**
 * A paged list for any endpoint family: `query()` checks and gives the first page's query (a throw becomes
 * the promise's rejection, so a list method never throws where it is called), `fetch` sends one page's
 * request. The cursor is the id of the last item (`after`), or of the first when walking back with `before`;
 * `has_more` says whether to go on.
 */
export function cursorList<Item, Body extends CursorListBody<Item>, Q extends CursorParams, C = unknown>(
  fetch: FetchPage<Body, Q>,
  query: () => Q,
): PagePromise<Item, Body, C> {
  const first = (async () => fetchPage<Item, Body, Q>(fetch, query()))();
  const iterate = async function* (): AsyncGenerator<Item> {
    const result = await first;
    if (!result.ok) throw resultError(result);
    yield* result.body;
  };
  return Object.assign(first, { [Symbol.asyncIterator]: iterate }) as unknown as PagePromise<Item, Body, C>;
}

/**
 * `make()`'s list, or, when `make` throws where it is called (a method called without its client), a list
 * whose promise rejects with that error and whose iteration throws it: a list method never throws.
 */
export function guardList<P>(make: () => P): P {
  try {
    return make();
  } catch (error) {
    const failed = Promise.reject(error);
    return Object.assign(failed, {
      [Symbol.asyncIterator]: async function* () {
        yield await failed;
      },
    }) as unknown as P;
  }
}
