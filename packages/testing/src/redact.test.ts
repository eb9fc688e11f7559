import { describe, expect, it } from 'vitest';
import { redactHeaders, redactUrlSecrets } from './redact.js';

describe('redaction', () => {
  it('replaces every secret header value, whatever the case of its name', () => {
    expect(
      redactHeaders({
        Authorization: 'Bearer sk-1',
        'api-key': 'k',
        'X-Goog-Api-Key': 'g',
        'content-type': 'application/json',
      }),
    ).toEqual({
      authorization: '[redacted]',
      'api-key': '[redacted]',
      'x-goog-api-key': '[redacted]',
      'content-type': 'application/json',
    });
  });

  it('redacts key query parameters and URL credentials', () => {
    const url = redactUrlSecrets('https://user:pw@example.test/v1beta/models?key=AIza-secret&alt=sse');
    expect(url).not.toContain('AIza-secret');
    expect(url).not.toContain('pw@');
    expect(new URL(url).searchParams.get('alt')).toBe('sse');
  });
});
