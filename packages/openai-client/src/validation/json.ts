import { ValidationError } from '../errors.js';
import { type Issue, shown } from './options.js';
import { formatPath } from './validate.js';

/** Past this many problems the walk stops: the first ones are enough to fix. */
const MAX_ISSUES = 20;

/**
 * A request body as JSON, after checking that JSON carries all of it as given: `JSON.stringify` would
 * throw a bare TypeError on a circular reference or a BigInt, and silently change the rest (NaN and
 * Infinity become `null`, functions and symbols vanish, an AbortSignal or a Map becomes `{}`, `undefined`
 * in an array becomes `null`). Each of those is a `ValidationError` naming its path under `root` instead,
 * before anything is sent. Plain objects, arrays, strings, finite numbers, booleans and null pass; so do
 * objects with a `toJSON()` (a Date), as what it returns; `undefined` object properties are left out, as
 * JSON does.
 */
export function encodeJson(value: unknown, root: string): string {
  const issues: Issue[] = [];
  visit(value, '', { root, keys: [], ancestors: new Map(), issues });
  if (issues.length > 0) throw new ValidationError(issues);
  return JSON.stringify(value);
}

interface Walk {
  root: string;
  /** The keys from the body down to the value being visited. */
  keys: PropertyKey[];
  /** The objects being visited (each an ancestor of the value), with their depth, to find cycles. */
  ancestors: Map<object, number>;
  issues: Issue[];
}

// A function of the walk, not a closure per visited value: the walk runs on every request body.
function fail(walk: Walk, message: string): void {
  walk.issues.push({ path: formatPath(walk.root, walk.keys) || 'body', message });
}

function visit(input: unknown, key: string, walk: Walk): void {
  if (walk.issues.length >= MAX_ISSUES) return;
  let value = input;
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      try {
        value = toJSON.call(value, key);
      } catch (error) {
        return void fail(walk, `its toJSON() threw: ${(error as Error)?.message ?? String(error)}`);
      }
    }
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value))
        fail(walk, `expected a finite number, got ${value} (JSON would send null)`);
      return;
    case 'bigint':
      return void fail(walk, `got ${shown(value)}, which JSON cannot carry: send a number or a string`);
    case 'function':
    case 'symbol':
    case 'undefined':
      return void fail(walk, `got ${shown(value)}, which JSON cannot carry`);
  }
  if (value === null) return;
  const object = value as object;
  const depth = walk.ancestors.get(object);
  if (depth !== undefined) {
    const target = formatPath(walk.root, walk.keys.slice(0, depth)) || 'the body';
    return void fail(walk, `a circular reference (back to ${target}), which JSON cannot carry`);
  }
  const prototype = Object.getPrototypeOf(object);
  const isArray = Array.isArray(object);
  if (!isArray && prototype !== Object.prototype && prototype !== null) {
    const hint =
      typeof AbortSignal !== 'undefined' && object instanceof AbortSignal
        ? ' (a signal goes in the call options: { signal })'
        : '';
    return void fail(
      walk,
      `got ${shown(object)}, which JSON cannot carry: use plain objects and arrays${hint}`,
    );
  }
  walk.ancestors.set(object, walk.keys.length);
  if (isArray) {
    const array = object as unknown[];
    for (let index = 0; index < array.length; index++) {
      if (isPlainScalar(array[index])) continue; // the common case, without a call
      walk.keys.push(index);
      // In an array, undefined (or a hole) would become null: not what was given.
      if (array[index] === undefined) fail(walk, 'undefined in an array, which JSON would send as null');
      else visit(array[index], String(index), walk);
      walk.keys.pop();
    }
  } else {
    const record = object as Record<string, unknown>;
    for (const name of Object.keys(record)) {
      const property = record[name];
      // Left out, as JSON does: `{ temperature: undefined }` is no temperature.
      if (property === undefined || isPlainScalar(property)) continue;
      walk.keys.push(name);
      visit(property, name, walk);
      walk.keys.pop();
    }
  }
  walk.ancestors.delete(object);
}

/** A string, a boolean or a finite number: JSON as it is. */
const isPlainScalar = (value: unknown): boolean =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));
