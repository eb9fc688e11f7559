import { ValidationError } from '../errors.js';
import type { ProviderPreset } from '../providers/presets.js';
import type { TransportName } from '../resolve-transport.js';
import {
  checkBoolean,
  checkHeaders,
  checkLimit,
  checkMaxRetries,
  checkSseFraming,
  checkString,
  checkTimeout,
  type Issue,
  isHeaderSafe,
  isRecord,
  shown,
} from './options.js';
import { joinPath } from './validate.js';

const TRANSPORT_NAMES = ['undici', 'axios', 'fetch'] as const satisfies readonly TransportName[];
const AUTH_MODES = ['bearer', 'api-key', 'none'];
const LOGGER_METHODS = ['debug', 'info', 'warn', 'error'];
const CLOCK_METHODS = ['now', 'random', 'sleep'];

/**
 * The constructor's arguments, checked before anything is built: a constructor cannot reject, so this
 * throws one `ValidationError` naming every bad option (`config.maxRetries`). Never shows the key.
 */
export function assertClientConfig(apiKey: unknown, config: unknown): void {
  const issues: Issue[] = [];
  if (apiKey !== undefined && typeof apiKey !== 'string')
    issues.push({ path: 'apiKey', message: `expected a string, got ${typeof apiKey}` });
  else if (typeof apiKey === 'string' && !isHeaderSafe(apiKey))
    issues.push({ path: 'apiKey', message: 'contains a character a header cannot carry (a line break?)' });
  if (config !== undefined && !isRecord(config)) {
    issues.push({ path: 'config', message: `expected an object, got ${shown(config)}` });
    throw new ValidationError(issues);
  }
  const options = config ?? {};
  const at = (name: string) => joinPath('config', name);

  const transport = options.transport;
  if (
    transport !== undefined &&
    !(typeof transport === 'string' && (TRANSPORT_NAMES as readonly string[]).includes(transport)) &&
    !(isRecord(transport) && typeof transport.request === 'function')
  )
    issues.push({
      path: at('transport'),
      message: `expected a Transport or one of ${TRANSPORT_NAMES.map((name) => `'${name}'`).join(', ')}, got ${shown(transport)}`,
    });
  checkString(options.baseURL, at('baseURL'), issues, { nonEmpty: true });
  for (const name of ['organization', 'project'] as const) {
    checkString(options[name], at(name), issues);
    if (typeof options[name] === 'string' && !isHeaderSafe(options[name]))
      issues.push({ path: at(name), message: 'contains a character a header cannot carry' });
  }
  checkString(options.endpoint, at('endpoint'), issues, { nonEmpty: true });
  checkString(options.deployment, at('deployment'), issues, { nonEmpty: true });
  checkString(options.apiVersion, at('apiVersion'), issues, { nonEmpty: true });
  if (options.tokenProvider !== undefined && typeof options.tokenProvider !== 'function')
    issues.push({
      path: at('tokenProvider'),
      message: `expected a function, got ${shown(options.tokenProvider)}`,
    });
  else if (options.tokenProvider !== undefined && apiKey !== undefined)
    issues.push({ path: at('tokenProvider'), message: 'give an apiKey or a tokenProvider, not both' });
  checkHeaders(options.defaultHeaders, at('defaultHeaders'), issues);
  checkQuery(options.defaultQuery, at('defaultQuery'), issues);
  checkString(options.defaultModel, at('defaultModel'), issues, { nonEmpty: true });
  checkTimeout(options.timeout, at('timeout'), issues);
  checkMaxRetries(options.maxRetries, at('maxRetries'), issues);
  checkLimit(options.maxBodyBytes, at('maxBodyBytes'), issues);
  checkLimit(options.maxEventSize, at('maxEventSize'), issues);
  checkSseFraming(options.sseFraming, at('sseFraming'), issues);
  checkBoolean(options.throwOnError, at('throwOnError'), issues);
  if (options.auth !== undefined && !AUTH_MODES.includes(options.auth as string))
    issues.push({
      path: at('auth'),
      message: `expected one of ${AUTH_MODES.map((mode) => `'${mode}'`).join(', ')}, got ${shown(options.auth)}`,
    });
  checkMethods(options.logger, at('logger'), LOGGER_METHODS, 'a console-like object', issues);
  checkMethods(options.clock, at('clock'), CLOCK_METHODS, 'an object of clock functions', issues);
  if (issues.length > 0) throw new ValidationError(issues);
}

/** An object whose listed members, where present, are functions (a logger, a clock); `null` counts as absent. */
function checkMethods(
  value: unknown,
  path: string,
  methods: readonly string[],
  expected: string,
  issues: Issue[],
): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object') {
    issues.push({ path, message: `expected ${expected}, got ${shown(value)}` });
    return;
  }
  for (const method of methods) {
    const member = (value as Record<string, unknown>)[method];
    if (member !== undefined && typeof member !== 'function')
      issues.push({ path: joinPath(path, method), message: `expected a function, got ${shown(member)}` });
  }
}

/** Query parameters every request carries: strings (`undefined` leaves one out). */
function checkQuery(value: unknown, path: string, issues: Issue[]): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    issues.push({ path, message: `expected an object of strings, got ${shown(value)}` });
    return;
  }
  for (const [name, parameter] of Object.entries(value))
    if (parameter !== undefined && typeof parameter !== 'string')
      issues.push({ path: joinPath(path, name), message: `expected a string, got ${shown(parameter)}` });
}

/**
 * A provider preset (a built-in one, or one passed to `createClient`): where its key comes from, a
 * model, headers and query parameters of the right shape. Paths start at `preset`.
 */
export function assertPreset(preset: unknown): asserts preset is ProviderPreset {
  if (!isRecord(preset))
    throw new ValidationError([
      { path: 'preset', message: `expected a preset object, got ${shown(preset)}` },
    ]);
  const issues: Issue[] = [];
  if (!Array.isArray(preset.apiKeyEnv) || !preset.apiKeyEnv.every((name) => typeof name === 'string'))
    issues.push({
      path: 'preset.apiKeyEnv',
      message: `expected an array of variable names, got ${shown(preset.apiKeyEnv)}`,
    });
  if (typeof preset.defaultModel !== 'string' || preset.defaultModel === '')
    issues.push({
      path: 'preset.defaultModel',
      message: `expected a non-empty string, got ${shown(preset.defaultModel)}`,
    });
  checkHeaders(preset.defaultHeaders, 'preset.defaultHeaders', issues);
  checkQuery(preset.defaultQuery, 'preset.defaultQuery', issues);
  checkSseFraming(preset.sseFraming, 'preset.sseFraming', issues);
  if (preset.auth !== undefined && !AUTH_MODES.includes(preset.auth as string))
    issues.push({
      path: 'preset.auth',
      message: `expected one of ${AUTH_MODES.map((mode) => `'${mode}'`).join(', ')}, got ${shown(preset.auth)}`,
    });
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * What the client ends up with from the config, the environment and the preset: a key a header can
 * carry (from `OPENAI_API_KEY`, say) and an absolute http(s) base URL. `baseURL.path` names where the URL
 * came from (`config.baseURL`, `OPENAI_BASE_URL`, `preset.baseURL`).
 */
export function assertResolved(apiKey: string | undefined, baseURL: { path: string; value: unknown }): void {
  const issues: Issue[] = [];
  if (apiKey !== undefined && !isHeaderSafe(apiKey))
    issues.push({ path: 'apiKey', message: 'contains a character a header cannot carry (a line break?)' });
  checkBaseURL(baseURL.value, baseURL.path, issues);
  if (issues.length > 0) throw new ValidationError(issues);
}

/** An absolute http(s) URL. */
function checkBaseURL(value: unknown, path: string, issues: Issue[]): void {
  let protocol: string | undefined;
  try {
    protocol = typeof value === 'string' ? new URL(value).protocol : undefined;
  } catch {
    // reported below
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    issues.push({ path, message: `expected an absolute http(s) URL, got ${shown(value)}` });
}
