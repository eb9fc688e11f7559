import { PROVIDERS, type ProviderName } from '@wireai/openai-client';
import { HELP_HINT, UsageError } from './usage-error.js';

/** Checks an option's value is an http(s) URL when it is parsed, naming the flag and the value. */
export function httpUrl(flag: string): (value: string) => string {
  return (value) => {
    checkHttpUrl(value, flag);
    return value;
  };
}

export function checkHttpUrl(value: string, source: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    throw new UsageError(`${source} '${value}' is not an http(s) URL`, HELP_HINT);
  return url;
}

/** Refuses an API the provider does not serve (the presets say which ones they do). */
export function checkProviderApi(provider: ProviderName, api: 'chat' | 'responses'): void {
  const preset = PROVIDERS[provider];
  const apis: readonly string[] | undefined = preset?.apis;
  if (!apis || apis.includes(api)) return;
  const name = api === 'responses' ? 'the Responses API' : 'chat completions';
  throw new UsageError(
    `--provider ${provider} does not offer ${name} (--api ${api}); ${preset.name} serves: --api ${apis.join(', ')}`,
    HELP_HINT,
  );
}
