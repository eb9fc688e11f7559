import type { operations } from '../generated/openai.js';
import { type Issue, isRecord, shown } from '../validation/options.js';
import { joinPath, throwIssues } from '../validation/validate.js';
import type { CursorParams } from './cursor-page.js';

/**
 * A list's query parameters as the methods take them: each optional, and `undefined` allowed (left out)
 * whatever `exactOptionalPropertyTypes` says, so `{ after: cursor }` compiles when `cursor` may be unset.
 */
export type ListParams<Query> = { [K in keyof Query]?: Query[K] | undefined };

/** The query parameters of `GET /files`, from the official description (`after`, `limit`, `order`, `purpose`). */
export type FileListParams = ListParams<NonNullable<operations['listFiles']['parameters']['query']>>;
/** The query parameters of `GET /assistants` (`after`, `before`, `limit`, `order`). */
export type AssistantListParams = ListParams<
  NonNullable<operations['listAssistants']['parameters']['query']>
>;
/** The query parameters of `GET /threads/{thread_id}/messages` (the cursor ones and `run_id`). */
export type ThreadMessageListParams = ListParams<
  NonNullable<operations['listMessages']['parameters']['query']>
>;
/** The query parameters of `GET /threads` (not in the description; the cursor ones, as the other lists). */
export type ThreadListParams = ListParams<CursorParams>;

/** How one list parameter is checked. */
export type ListParamKind = 'id' | 'limit' | 'order' | 'string';

/** The parameters each list takes, by kind: anything else is refused, so a misplaced call option is caught. */
export const LIST_PARAMS = {
  files: { after: 'id', limit: 'limit', order: 'order', purpose: 'string' },
  assistants: { after: 'id', before: 'id', limit: 'limit', order: 'order' },
  threads: { after: 'id', before: 'id', limit: 'limit', order: 'order' },
  threadMessages: { after: 'id', before: 'id', limit: 'limit', order: 'order', run_id: 'string' },
} as const satisfies Record<string, Record<string, ListParamKind>>;

/**
 * A list's parameters checked against `allowed`: ids and strings non-empty, `limit` an integer ≥ 1,
 * `order` `asc` or `desc`, no other name (call options such as `signal` go in the next argument, extra
 * query parameters in `call.query`). Throws one `ValidationError` naming each problem (`params.limit`).
 */
export function checkListParams<Q extends object>(
  params: unknown,
  allowed: Readonly<Record<string, ListParamKind>>,
  root = 'params',
): Q {
  if (params === undefined || params === null) return {} as Q;
  const issues: Issue[] = [];
  if (!isRecord(params)) {
    throwIssues([{ path: root, message: `expected an object of list parameters, got ${shown(params)}` }]);
    return {} as Q;
  }
  const query: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const path = joinPath(root, name);
    const kind = allowed[name];
    if (kind === undefined) {
      issues.push({
        path,
        message: `not a parameter of this list (expected ${Object.keys(allowed).join(', ')}; call options go in the next argument)`,
      });
      continue;
    }
    if (value === undefined) continue;
    if (kind === 'limit') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
        issues.push({ path, message: `expected an integer ≥ 1, got ${shown(value)}` });
    } else if (kind === 'order') {
      if (value !== 'asc' && value !== 'desc')
        issues.push({ path, message: `expected 'asc' or 'desc', got ${shown(value)}` });
    } else if (typeof value !== 'string' || value === '') {
      issues.push({ path, message: `expected a non-empty string, got ${shown(value)}` });
    }
    if (typeof value === 'string' || typeof value === 'number') query[name] = value;
  }
  throwIssues(issues);
  return query as Q;
}
