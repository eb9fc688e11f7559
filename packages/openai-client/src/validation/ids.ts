import { ValidationError } from '../errors.js';
import { shown } from './options.js';

/**
 * An id as one path segment: a non-empty string, not `.` or `..` (which a URL resolves to the parent,
 * so `deleteFile('..')` would send `DELETE /v1/`), percent-encoded so `/`, `?` and `#` stay inside it.
 * Every endpoint that puts an id in its path goes through this; `path` names the parameter (`file_id`).
 */
export function pathSegment(id: unknown, path: string): string {
  const problem =
    typeof id !== 'string' || id === ''
      ? `required (a non-empty string), got ${shown(id)}`
      : id === '.' || id === '..'
        ? `'${id}' is not an id (it would leave its path segment)`
        : undefined;
  if (problem) throw new ValidationError([{ path, message: problem }]);
  try {
    return encodeURIComponent(id as string);
  } catch {
    // A lone surrogate has no UTF-8 encoding.
    throw new ValidationError([{ path, message: 'not valid Unicode (a lone surrogate)' }]);
  }
}
