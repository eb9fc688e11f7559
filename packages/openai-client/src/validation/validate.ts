import * as v from 'valibot';
import { ValidationError } from '../errors.js';

// The schemas are valibot's (each check its own function, so a bundle carries only the ones used, and
// Node loads one file). Its issues are turned here into the paths and messages the client has always
// given (they are zod 4's wording; the tests pin them).

/** A schema as the validation modules build them. */
export type Schema<T = unknown> = v.GenericSchema<unknown, T>;
type Issue = v.BaseIssue<unknown>;

export interface FoundIssue {
  path: PropertyKey[];
  message: string;
}

/** Checks `value` against `schema` under the name `root`; throws a `ValidationError` naming each bad path. */
export function validate<T>(schema: Schema<T>, value: unknown, root: string): T {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  throw new ValidationError(
    explain(schema, result.issues, value).map(({ path, message }) => ({
      path: formatPath(root, path),
      message,
    })),
  );
}

/** valibot's issues (of `value` against `schema`) as paths and messages a person can act on. */
export function explain(schema: Schema, issues: readonly Issue[], value: unknown): FoundIssue[] {
  return issues
    .flatMap((issue) => flatten(issue, []))
    .map(({ issue, path }) => ({ path, message: describe(schema, issue, path, value) }));
}

const pathOf = (issue: Issue, prefix: PropertyKey[]): PropertyKey[] => [
  ...prefix,
  ...(issue.path ?? []).map((item) => item.key as PropertyKey),
];

// A union that failed reports every option's issues, their paths from the union's value. The options
// that got into the value (issues below it: the array of a string-or-array) are the ones the caller
// meant, so their issues are the ones to show; when none did, the union's own issue says what it takes.
function flatten(issue: Issue, prefix: PropertyKey[]): Array<{ issue: Issue; path: PropertyKey[] }> {
  const path = pathOf(issue, prefix);
  if (issue.type !== 'union') return [{ issue, path }];
  const deeper = (issue.issues ?? []).filter((inner) => (inner.path?.length ?? 0) > 0);
  if (deeper.length === 0) return [{ issue, path }];
  return deeper.flatMap((inner) => flatten(inner, path));
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

/** An object, not an array or null: what the API means by an object. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The message for a value of the wrong type (`Invalid input: expected string, received number`). */
export const wrongType = (expected: string, received: unknown): string =>
  received === undefined
    ? `required (${expected})`
    : `Invalid input: expected ${expected}, received ${typeName(received)}`;

/** valibot's type names for what each schema expects, as the messages name them. */
const TYPE_NAMES: Record<string, string> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  null: 'null',
  array: 'array',
  object: 'object',
  loose_object: 'object',
  variant: 'object',
  record: 'record',
};

function describe(schema: Schema, issue: Issue, path: PropertyKey[], value: unknown): string {
  const received = valueAt(value, path);
  if (issue.type === 'variant' && issue.expected !== 'Object') {
    const listed = optionsOf(issue.expected)
      .map((option) => `'${option}'`)
      .join(', ');
    return received === undefined
      ? `required: one of ${listed}`
      : `expected one of ${listed}, got ${show(received)}`;
  }
  // A required key that is missing: reported on the object; the message is the field's own.
  if ((issue.type === 'loose_object' || issue.type === 'object') && issue.input === undefined) {
    const field = schemaAt(schema, value, path);
    if (field) return missing(field);
  }
  if (issue.type === 'union') {
    const expected = [
      ...new Set(
        (issue.issues ?? []).flatMap((inner) => (TYPE_NAMES[inner.type] ? [TYPE_NAMES[inner.type]] : [])),
      ),
    ];
    if (expected.length > 0)
      return received === undefined
        ? `required (${expected.join(' or ')})`
        : `expected ${expected.join(' or ')}, got ${kind(received)}`;
  }
  if (issue.type === 'literal') return `Invalid input: expected ${issue.expected}`;
  if (issue.type === 'picklist')
    return `Invalid option: expected one of ${optionsOf(issue.expected)
      .map((option) => `"${option}"`)
      .join('|')}`;
  const name = TYPE_NAMES[issue.type];
  if (issue.kind === 'schema' && name) return wrongType(name, received);
  return issue.message;
}

/** What a missing required field of this schema is reported as. */
function missing(field: Schema): string {
  const inner = unwrap(field);
  if (inner.type === 'literal') return `Invalid input: expected ${inner.expects}`;
  if (inner.type === 'picklist')
    return `Invalid option: expected one of ${optionsOf(inner.expects)
      .map((option) => `"${option}"`)
      .join('|')}`;
  if (inner.type === 'union') {
    const names = (inner as unknown as { options: Schema[] }).options.flatMap((option) => {
      const type = TYPE_NAMES[unwrap(option).type];
      return type ? [type] : [];
    });
    return `required (${[...new Set(names)].join(' or ')})`;
  }
  return `required (${TYPE_NAMES[inner.type] ?? inner.type})`;
}

/** The schema a piped or nullable schema checks its value with (`nullable(string())` → `string()`). */
function unwrap(schema: Schema): Schema {
  let current = schema as Schema & { pipe?: Schema[]; wrapped?: Schema };
  for (;;) {
    if ((current.type === 'nullable' || current.type === 'optional') && current.wrapped)
      current = current.wrapped;
    else if (current.pipe) {
      const last = [...current.pipe].reverse().find((item) => item.kind === 'schema' && item !== current);
      if (!last || last === current) return current;
      current = last;
    } else return current;
  }
}

/** The schema that checks the value at `path` (following variants by their key's value), if one does. */
function schemaAt(schema: Schema, value: unknown, path: readonly PropertyKey[]): Schema | undefined {
  let current: Schema | undefined = schema;
  let here: unknown = value;
  for (const key of path) {
    current = current && chosen(unwrap(current), here);
    if (!current) return undefined;
    const node = current as Schema & { entries?: Record<string, Schema>; item?: Schema };
    current = typeof key === 'number' ? node.item : node.entries?.[String(key)];
    here =
      isPlainObject(here) || Array.isArray(here) ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return current;
}

/** The option of a variant or union that checks `value`; other schemas as they are. */
function chosen(schema: Schema, value: unknown): Schema | undefined {
  const node = schema as Schema & { key?: string; options?: Schema[] };
  if (schema.type === 'variant' && node.options && node.key) {
    const tag = isPlainObject(value) ? value[node.key] : undefined;
    return node.options.find((option) => literalOf(option, node.key as string) === tag);
  }
  if (schema.type === 'union' && node.options)
    return node.options
      .map(unwrap)
      .find((option) =>
        Array.isArray(value) ? option.type === 'array' : isPlainObject(value) && option.type !== 'array',
      );
  return schema;
}

function literalOf(option: Schema, key: string): unknown {
  const entry = (unwrap(option) as Schema & { entries?: Record<string, Schema & { literal?: unknown }> })
    .entries?.[key];
  return entry?.literal;
}

/** `("a" | "b")` (valibot's list of what was expected) → `['a', 'b']`. */
function optionsOf(expected: string | null): string[] {
  const list = expected?.startsWith('(') ? expected.slice(1, -1) : (expected ?? '');
  return list.split(' | ').map((option) => {
    try {
      return String(JSON.parse(option));
    } catch {
      return option;
    }
  });
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A value's type as the messages name it (`number`, `array`, `null`, `NaN`, a class name). */
function typeName(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null && typeof prototype.constructor === 'function')
      return prototype.constructor.name;
  }
  return typeof value;
}

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}
