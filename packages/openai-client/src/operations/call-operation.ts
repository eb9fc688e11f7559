import { ValidationError } from '../errors.js';
import { CALL_OPTION_NAMES } from '../request/call-option-names.js';
import type { ClientCore } from '../request/client-core.js';
import { sendRequest } from '../request/send-request.js';
import type { Result } from '../types.js';
import { pathSegment } from '../validation/ids.js';
import { type Issue, isRecord, shown } from '../validation/options.js';
import { joinPath, throwIssues } from '../validation/validate.js';
import type { OperationKey, OperationResult } from './operation-types.js';
import { encodeQuery } from './query-string.js';

const KEY = /^(GET|POST|PUT|PATCH|DELETE) (\/[^\s]*)$/;
const PLACEHOLDER = /\{([^{}]+)\}/g;
const PARAM_FIELDS = new Set(['path', 'query', 'body', 'rawBody']);
// `query` is one of `call()`'s own parameters, not a call option there.
const CALL_FIELDS = new Set<string>(CALL_OPTION_NAMES.filter((name) => name !== 'query'));

/**
 * `client.call(key, params)`: one operation of the official description, through `sendRequest` like
 * every other call. The key's `{name}` placeholders take `params.path[name]`, each one checked and
 * percent-encoded by `pathSegment`; a missing, extra or bad one, an unknown field, a streaming body
 * (`stream: true`), or a bad query is a `ValidationError` before anything is sent.
 */
export async function callOperation<K extends OperationKey>(
  core: ClientCore,
  key: K,
  params: unknown,
): Promise<Result<OperationResult<K>>> {
  const issues: Issue[] = [];
  const match = typeof key === 'string' ? KEY.exec(key) : null;
  if (!match)
    throw new ValidationError([
      { path: 'key', message: `expected 'METHOD /path' from the OpenAI description, got ${shown(key)}` },
    ]);
  const method = match[1] as string;
  const template = match[2] as string;
  const given = params ?? {};
  if (!isRecord(given))
    throw new ValidationError([{ path: 'params', message: `expected an object, got ${shown(given)}` }]);
  const fields = given;
  for (const name of Object.keys(fields))
    if (!PARAM_FIELDS.has(name) && !CALL_FIELDS.has(name) && fields[name] !== undefined)
      issues.push({
        path: name,
        message: `not a parameter of call(): ${[...PARAM_FIELDS].join(', ')} or a call option`,
      });

  const path = fillPath(template, fields.path, issues);
  const query = encodeQuery(fields.query, issues);
  if (isRecord(fields.body) && fields.body.stream === true)
    issues.push({
      path: 'body.stream',
      message:
        'call() reads JSON answers; stream with createChatCompletion/createResponse, or request({ onEvent })',
    });
  throwIssues(issues);

  const call: Record<string, unknown> = {};
  for (const name of CALL_FIELDS) if (fields[name] !== undefined) call[name] = fields[name];
  const separator = path.includes('?') ? '&' : '?';
  return sendRequest<OperationResult<K>>(core, {
    ...call,
    method,
    path: query ? `${path}${separator}${query}` : path,
    ...(fields.body === undefined ? {} : { body: fields.body }),
    ...(fields.rawBody === undefined ? {} : { rawBody: fields.rawBody as never }),
  });
}

/** The key's path with each `{name}` replaced by its encoded parameter; every given one must be used. */
function fillPath(template: string, given: unknown, issues: Issue[]): string {
  const names = [...template.matchAll(PLACEHOLDER)].map((found) => found[1] as string);
  if (given !== undefined && !isRecord(given)) {
    issues.push({ path: 'path', message: `expected an object of path parameters, got ${shown(given)}` });
    return template;
  }
  const values = given ?? {};
  for (const name of Object.keys(values))
    if (!names.includes(name) && values[name] !== undefined)
      issues.push({
        path: joinPath('path', name),
        message: names.length
          ? `not a path parameter of this operation (it has ${names.join(', ')})`
          : 'this operation has no path parameters',
      });
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    try {
      return pathSegment(values[name], joinPath('path', name));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
      return whole;
    }
  });
}
