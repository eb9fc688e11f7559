import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redactText, ScrubbedError, scrubError } from './scrub.js';
import { secretsOf } from './secret-headers.js';

const KEY = 'sk-live-0123456789abcdef';

describe('redactText', () => {
  it.each([
    ['a URL with a query key', `GET https://host.example/v1/models?key=${KEY} failed`],
    ['a bare query string', `?alt=sse&key=${KEY}`],
    ['a bearer token', `Invalid header value "Bearer ${KEY}"`],
    ['credentials in a URL', `connect https://user:${KEY}@proxy.example:8080/ refused`],
  ])('removes %s', (_, text) => {
    expect(redactText(text)).not.toContain(KEY);
  });

  it('removes every given secret, wherever it is', () => {
    expect(redactText(`header x-custom: ${KEY}!`, [KEY])).toBe('header x-custom: <redacted>!');
  });

  it('keeps what is not secret readable', () => {
    expect(redactText('connect ECONNREFUSED 127.0.0.1:9')).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(redactText('GET https://api.example/v1/models?x=1')).toBe('GET https://api.example/v1/models');
  });
});

describe('secretsOf', () => {
  it('takes header values but plumbing ones, the token after a scheme, and query values', () => {
    const secrets = secretsOf(
      { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'x-mine': 'custom-secret' },
      'https://h.example/v1?key=query-secret',
    );
    expect(secrets).toEqual(expect.arrayContaining([`Bearer ${KEY}`, KEY, 'custom-secret', 'query-secret']));
    expect(secrets).not.toContain('application/json');
  });
});

describe('scrubError', () => {
  // What libraries really keep: axios' config with the headers, node-fetch's message with the URL.
  const library = () => {
    const inner = Object.assign(new Error(`getaddrinfo ENOTFOUND x.example ${KEY}`), { code: 'ENOTFOUND' });
    const aggregate = new AggregateError([inner, new Error(`second ${KEY}`)], 'all failed');
    return Object.assign(
      new Error(`request to https://x.example/v1?key=${KEY} failed`, { cause: aggregate }),
      {
        name: 'FetchError',
        code: 'ECONNREFUSED',
        config: { headers: { Authorization: `Bearer ${KEY}` } },
        request: { _header: `Authorization: Bearer ${KEY}` },
      },
    );
  };

  it('keeps class names, codes and the chain, and nothing that holds the key, at any depth', () => {
    const scrubbed = scrubError(library(), [KEY]);
    expect(scrubbed).toBeInstanceOf(ScrubbedError);
    expect(scrubbed).toMatchObject({ name: 'FetchError', code: 'ECONNREFUSED' });
    expect(scrubbed).not.toHaveProperty('config');
    const cause = scrubbed?.cause as ScrubbedError;
    expect(cause.name).toBe('AggregateError');
    expect(cause.errors).toHaveLength(2);
    expect((cause.errors as ScrubbedError[])[0]?.code).toBe('ENOTFOUND');
    for (const shown of [
      inspect(scrubbed, { depth: Number.POSITIVE_INFINITY }),
      String(scrubbed),
      JSON.stringify(scrubbed),
      scrubbed?.stack ?? '',
    ])
      expect(shown).not.toContain(KEY);
  });

  it('cuts a cause chain that loops or runs deep', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    let depth = 0;
    for (let at: unknown = scrubError(a); at; at = (at as Error).cause) depth++;
    expect(depth).toBeLessThanOrEqual(8);
  });

  it('turns a thrown non-error into an error', () => {
    expect(scrubError(`plain ${KEY}`, [KEY])?.message).toBe('plain <redacted>');
    expect(scrubError(undefined)).toBeUndefined();
  });
});
