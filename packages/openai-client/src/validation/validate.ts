import type { z } from 'zod';
import { ValidationError } from '../errors.js';

type Issue = z.core.$ZodIssue;

export interface FoundIssue {
  path: PropertyKey[];
  message: string;
}

/** Checks `value` against `schema` under the name `root`; throws a `ValidationError` naming each bad path. */
export function validate<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
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
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
    root,
  );
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
