import { ValidationError } from '../errors.js';
import type { ClientConfig, Logger } from '../request/client-core.js';
import { type Issue, isHeaderSafe } from '../validation/options.js';
import { deploymentRoute } from './azure-deployments.js';
import { loggerFromEnv } from './log-level.js';
import { type ProviderPreset, readEnv } from './presets.js';

/** What the constructor builds from the config, the environment and the preset, in that order. */
export interface ClientSettings {
  /** The base URL and where it came from (`config.baseURL`, `OPENAI_BASE_URL`, `preset.baseURL`…). */
  readonly baseURL: { readonly value: string; readonly path: string };
  readonly organization: string | undefined;
  readonly project: string | undefined;
  readonly defaultQuery: Record<string, string>;
  readonly logger: Logger | undefined;
  /** Puts a path below `/deployments/<deployment>` when it is one of the deployment-scoped operations. */
  readonly routePath: ((method: string, path: string) => string) | undefined;
}

/**
 * The settings openai-node reads from the environment, read in the same places: the base URL
 * (`config.baseURL`, `config.endpoint`, then the preset's `env.baseURL` variables such as
 * `OPENAI_BASE_URL`, then its `env.endpoint` variable, `AZURE_OPENAI_ENDPOINT`), the organization and
 * project (`OPENAI_ORG_ID`, `OPENAI_PROJECT_ID`), the `api-version` (`OPENAI_API_VERSION`), and a console
 * logger from `OPENAI_LOG` when the config gives no logger. A preset without `env` reads none of them.
 * Throws a `ValidationError` naming the option or variable that is wrong (never showing a value).
 */
export function resolveSettings(preset: ProviderPreset, config: ClientConfig): ClientSettings {
  const env = preset.env ?? {};
  const issues: Issue[] = [];
  if (config.baseURL !== undefined && config.endpoint !== undefined)
    issues.push({ path: 'config.endpoint', message: 'give a baseURL or an endpoint, not both' });

  const fromEnv = (name: string | undefined): { value: string; path: string } | undefined => {
    const value = name === undefined ? undefined : readEnv(name);
    return value === undefined ? undefined : { value, path: name as string };
  };
  const azureBase = (endpoint: string) => azureBaseURL(endpoint, config.deployment !== undefined);
  const envBaseURL = (env.baseURL ?? []).map(fromEnv).find((found) => found !== undefined);
  const envEndpoint = fromEnv(env.endpoint);
  const baseURL =
    config.baseURL !== undefined
      ? { value: config.baseURL, path: 'config.baseURL' }
      : config.endpoint !== undefined
        ? { value: azureBase(config.endpoint), path: 'config.endpoint' }
        : (envBaseURL ??
          (envEndpoint ? { value: azureBase(envEndpoint.value), path: envEndpoint.path } : undefined) ?? {
            value: preset.baseURL,
            path: 'preset.baseURL',
          });

  const headerSetting = (given: string | undefined, name: string | undefined): string | undefined => {
    if (given !== undefined) return given || undefined;
    const found = fromEnv(name);
    if (found && !isHeaderSafe(found.value))
      issues.push({ path: found.path, message: 'contains a character a header cannot carry' });
    return found?.value;
  };
  const organization = headerSetting(config.organization, env.organization);
  const project = headerSetting(config.project, env.project);

  const envVersion = fromEnv(env.apiVersion)?.value;
  const defaultQuery: Record<string, string> = {
    ...preset.defaultQuery,
    ...(envVersion === undefined ? {} : { 'api-version': envVersion }),
    ...withoutUndefined(config.defaultQuery),
    ...(config.apiVersion === undefined ? {} : { 'api-version': config.apiVersion }),
  };
  if (config.deployment !== undefined && config.apiVersion === undefined && envVersion === undefined)
    issues.push({
      path: 'config.apiVersion',
      message: `required with config.deployment (Azure's deployment routes are versioned)${env.apiVersion ? `, or set ${env.apiVersion}` : ''}`,
    });
  if (issues.length > 0) throw new ValidationError(issues);

  return {
    baseURL,
    organization,
    project,
    defaultQuery,
    logger: config.logger ?? loggerFromEnv(),
    routePath: config.deployment === undefined ? undefined : deploymentRoute(config.deployment),
  };
}

function withoutUndefined(query: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) out[name] = value;
  return out;
}

/**
 * Azure's base URL from a resource endpoint, which the portal gives as its root
 * (`https://<resource>.openai.azure.com/`): `<endpoint>/openai/v1`, or `<endpoint>/openai` for deployment
 * routes. An endpoint that already ends in `/openai` or `/openai/v1` is completed, not doubled; one with any
 * other path (a gateway) is used as it is. A value that is not a URL is passed on for the URL check to name.
 */
export function azureBaseURL(endpoint: string, deployments: boolean): string {
  if (!URL.canParse(endpoint)) return endpoint;
  const url = new URL(endpoint);
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '' || path === '/openai' || path === '/openai/v1')
    url.pathname = deployments ? '/openai' : '/openai/v1';
  else url.pathname = path;
  return url.toString().replace(/\/+$/, '');
}
