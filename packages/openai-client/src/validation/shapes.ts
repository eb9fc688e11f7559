import * as v from 'valibot';
import { isPlainObject, wrongType } from './validate.js';

// valibot's object schemas take an array as an object; the API does not. These wrap them so an array
// (or null, or a string) is refused with the same message as any value of the wrong type.

const plainObject = <T = Record<string, unknown>>(expected: string) =>
  v.custom<T>(isPlainObject, (issue) => wrongType(expected, issue.input));

/** A record is a plain object (`{}` or `Object.create(null)`), not an instance of a class (a Date). */
const isRecord = (value: unknown): value is Record<string, unknown> => {
  if (!isPlainObject(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** An object whose known fields must be right; unknown fields (a provider's extension) pass. */
export const looseObject = <const Entries extends v.ObjectEntries>(entries: Entries) =>
  v.pipe(
    plainObject<v.InferInput<v.LooseObjectSchema<Entries, undefined>>>('object'),
    v.looseObject(entries),
  );

/** One of several objects, chosen by the value of `key` (`role`, `type`). */
export const variant = <const Key extends string, const Options extends v.VariantOptions<Key>>(
  key: Key,
  options: Options,
) => v.pipe(plainObject<v.InferInput<Options[number]>>('object'), v.variant(key, options));

/** An object of any fields (a JSON Schema, say). */
export const record = v.custom<Record<string, unknown>>(isRecord, (issue) =>
  wrongType('record', issue.input),
);
