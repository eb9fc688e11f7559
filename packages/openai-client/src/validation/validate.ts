import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ValidationError } from '../errors.js';

type Issue = z.core.$ZodIssue;

/**
 * zod/mini carries no messages of its own; the English ones are passed with each parse (a schema's own
 * message still wins) rather than set with `z.config()`, which would change every zod user's messages.
 */
export const PARSE_CONTEXT: z.core.ParseContext<z.core.$ZodIssue> = { error: en().localeError };

export interface FoundIssue {
  path: PropertyKey[];
  message: string;
}

/** Checks `value` against `schema` under the name `root`; throws a `ValidationError` naming each bad path. */
export function validate<T>(schema: z.ZodMiniType<T>, value: unknown, root: string): T {
  const result = z.safeParse(schema, value, PARSE_CONTEXT);
  if (result.success) return result.data;
  throw new ValidationError(
    explain(result.error.issues, value).map(({ path, message }) => ({
      path: formatPath(root, path),
      message,
    })),
  );
}

/** zod's issues as paths and messages a person can act on. */
export function explain(issues: readonly Issue[], value: unknown): FoundIssue[] {
  return issues
    .flatMap((issue) => flatten(issue, []))
    .map(({ issue, path }) => ({ path, message: describe(issue, path, value) }));
}

/** `['messages', 2, 'role']` → `messages[2].role`. */
export function formatPath(root: string, path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(joinPath, root);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * One step of a path: `messages` + 2 → `messages[2]`, + `role` → `messages[2].role`, + `x-team` →
 * `headers["x-team"]`. An empty root starts the path at the key (`temperature`, `[0]`).
 */
export function joinPath(root: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${root}[${key}]`;
  const name = String(key);
  if (!IDENTIFIER.test(name)) return `${root}[${JSON.stringify(name)}]`;
  return root === '' ? name : `${root}.${name}`;
}

/** Throws the `ValidationError` for `issues`, if there are any. */
export function throwIssues(issues: ReadonlyArray<{ path: string; message: string }>): void {
  if (issues.length > 0) throw new ValidationError(issues);
}

const branchesOf = (issue: Issue): Issue[][] | undefined =>
  issue.code === 'invalid_union' ? (issue as { errors?: Issue[][] }).errors : undefined;

// A union that failed reports every branch's issues; the branch that got furthest into the value (its
// issues have the longest paths) is the one the caller meant, so its issues are the ones to show.
function flatten(issue: Issue, prefix: PropertyKey[]): Array<{ issue: Issue; path: PropertyKey[] }> {
  const path = [...prefix, ...issue.path];
  const branches = branchesOf(issue);
  if (!branches || branches.length === 0) return [{ issue, path }];
  const depth = (branch: Issue[]) =>
    Math.max(0, ...branch.map((inner) => inner.path.length + (branchesOf(inner)?.length ? 1 : 0)));
  const best = branches.reduce((chosen, branch) => (depth(branch) > depth(chosen) ? branch : chosen));
  if (depth(best) === 0) return [{ issue, path }];
  return best.flatMap((inner) => flatten(inner, path));
}

function describe(issue: Issue, path: PropertyKey[], value: unknown): string {
  const received = valueAt(value, path);
  const options = (issue as { options?: unknown[] }).options;
  if (issue.code === 'invalid_union' && 'discriminator' in issue && Array.isArray(options)) {
    const listed = options.map((option) => `'${String(option)}'`).join(', ');
    return received === undefined
      ? `required: one of ${listed}`
      : `expected one of ${listed}, got ${show(received)}`;
  }
  const branches = branchesOf(issue);
  if (branches) {
    const expected = [
      ...new Set(
        branches
          .flat()
          .flatMap((inner) =>
            inner.code === 'invalid_type' && inner.path.length === 0 ? [inner.expected] : [],
          ),
      ),
    ];
    if (expected.length > 0) {
      return received === undefined
        ? `required (${expected.join(' or ')})`
        : `expected ${expected.join(' or ')}, got ${kind(received)}`;
    }
  }
  if (issue.code === 'invalid_type' && received === undefined) return `required (${issue.expected})`;
  return issue.message;
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}
