import { type Issue, isRecord, shown } from '../validation/options.js';
import { joinPath } from '../validation/validate.js';

type Scalar = string | number | boolean;

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/**
 * An operation's query as a query string, the way openai-node sends one: scalars as they are, an array
 * as repeated `name[]=value`, an object as `name[key]=value`; `undefined` left out. Anything else (a
 * `NaN`, `null`, a function) is an issue naming `query.name`. Empty: `''`.
 */
export function encodeQuery(query: unknown, issues: Issue[]): string {
  if (query === undefined) return '';
  if (!isRecord(query)) {
    issues.push({ path: 'query', message: `expected an object, got ${shown(query)}` });
    return '';
  }
  const params = new URLSearchParams();
  const add = (name: string, value: unknown, path: string, depth: number): void => {
    if (value === undefined) return;
    if (isScalar(value)) params.append(name, String(value));
    else if (Array.isArray(value) && depth < 2)
      for (const [index, item] of value.entries()) add(`${name}[]`, item, `${path}[${index}]`, depth + 1);
    else if (isRecord(value) && depth < 2)
      for (const [key, item] of Object.entries(value))
        add(`${name}[${key}]`, item, joinPath(path, key), depth + 1);
    else
      issues.push({
        path,
        message: `expected a string, a finite number, a boolean, or an array or object of them, got ${shown(value)}`,
      });
  };
  for (const [name, value] of Object.entries(query)) add(name, value, joinPath('query', name), 0);
  return params.toString();
}
