import { MalformedResponseError } from '../errors.js';

/**
 * What a 2xx body that is not JSON becomes. `'error'`: a `MalformedResponseError`, for the typed
 * endpoint methods, whose result type promises the API's JSON object. `'text'`: the text itself, as
 * lua-openai's `_request` returns it, for the untyped `request()` (a plain-text or CSV reply, a proxy's
 * "OK"), whose body is `unknown` and so promises nothing.
 */
export type NonJsonBody = 'error' | 'text';

/**
 * The body of a reply that was read whole: `undefined` for an empty 2xx, the parsed JSON, else the text
 * (a non-2xx body always; a 2xx one when `nonJson` is `'text'`).
 */
export function parseBody(text: string, ok: boolean, where: string, nonJson: NonJsonBody = 'error'): unknown {
  if (text === '') return ok ? undefined : text;
  try {
    return JSON.parse(text);
  } catch {
    if (ok && nonJson === 'error')
      throw new MalformedResponseError(`${where}: the response body is not JSON: ${text.slice(0, 120)}`);
    return text;
  }
}
