import { PROVIDERS, type ProviderName } from '@wireai/openai-client';
import { describe, expect, it } from 'vitest';
import { checkHttpUrl, checkProviderApi } from './flags.js';
import { UsageError } from './usage-error.js';

describe('flag checks', () => {
  it('takes http and https URLs only, naming the flag and the value', () => {
    expect(checkHttpUrl('http://127.0.0.1:8787/v1', '--base-url').port).toBe('8787');
    expect(() => checkHttpUrl('file:///etc/passwd', '--base-url')).toThrow(
      "--base-url 'file:///etc/passwd' is not an http(s) URL",
    );
  });

  it('refuses the Responses API where the preset does not serve it, and only there', () => {
    const refused = (Object.keys(PROVIDERS) as ProviderName[]).filter((name) => {
      try {
        checkProviderApi(name, 'responses');
        return false;
      } catch (error) {
        return error instanceof UsageError;
      }
    });
    expect(refused.sort()).toEqual(['deepseek', 'gemini', 'mistral']);
    for (const name of Object.keys(PROVIDERS) as ProviderName[]) checkProviderApi(name, 'chat');
  });
});
