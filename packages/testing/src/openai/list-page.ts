import { EndpointError, invalidValue } from './openai-error.js';

/** How a list of the API pages: its default and largest `limit`. */
export interface ListLimits {
  defaultLimit: number;
  maxLimit: number;
}

/** `GET /files`: up to 10,000 a page, all by default. */
export const FILE_LIST_LIMITS: ListLimits = { defaultLimit: 10_000, maxLimit: 10_000 };
/** The Assistants lists (assistants, threads, messages): 20 a page by default, 100 at most. */
export const ASSISTANTS_LIST_LIMITS: ListLimits = { defaultLimit: 20, maxLimit: 100 };

/**
 * One page of `items` (oldest first, as the mock stores them) as the API's cursor lists answer: sorted by
 * `order` (default `desc`, newest first, as the API), then after the `after` id or before the `before` id,
 * at most `limit` items; `has_more` says whether items remain in that direction. An unknown cursor id gives
 * an empty page. `first_id`/`last_id` are strings ('' for an empty page), as the description types them.
 */
export function listPage<T extends Record<string, unknown>>(
  items: readonly T[],
  query: URLSearchParams,
  limits: ListLimits,
): { object: 'list'; data: T[]; first_id: string; last_id: string; has_more: boolean } {
  const limit = parseLimit(query.get('limit'), limits);
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc')
    throw new EndpointError(
      invalidValue('order', `Invalid value: '${order}'. Supported values are: 'asc' and 'desc'.`),
    );
  const sorted = order === 'asc' ? [...items] : [...items].reverse();
  const after = query.get('after');
  const before = query.get('before');
  let data: T[];
  let hasMore: boolean;
  if (after !== null) {
    const at = sorted.findIndex((item) => item.id === after);
    const rest = at < 0 ? [] : sorted.slice(at + 1);
    data = rest.slice(0, limit);
    hasMore = rest.length > limit;
  } else if (before !== null) {
    const at = sorted.findIndex((item) => item.id === before);
    const rest = at < 0 ? [] : sorted.slice(0, at);
    data = rest.slice(Math.max(0, rest.length - limit));
    hasMore = rest.length > limit;
  } else {
    data = sorted.slice(0, limit);
    hasMore = sorted.length > limit;
  }
  return {
    object: 'list',
    data,
    first_id: (data[0]?.id as string | undefined) ?? '',
    last_id: (data.at(-1)?.id as string | undefined) ?? '',
    has_more: hasMore,
  };
}

function parseLimit(value: string | null, limits: ListLimits): number {
  if (value === null) return limits.defaultLimit;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > limits.maxLimit)
    throw new EndpointError(
      invalidValue(
        'limit',
        `Invalid 'limit': expected an integer between 1 and ${limits.maxLimit}, got '${value}'.`,
      ),
    );
  return limit;
}
