import { describe, expect, it, vi } from 'vitest';
import { ScrubbedError } from '../security/scrub.js';
import { redactUrl, TRANSPORT_ERROR_CODES, TransportError } from './transport-error.js';
import { errorBrand, WireaiError } from './wireai-error.js';

// Another copy of the classes, as a second install of @wireai/core in node_modules would have.
async function secondCopy() {
  vi.resetModules();
  const base = await import('./wireai-error.js');
  const transport = await import('./transport-error.js');
  return { WireaiError: base.WireaiError, TransportError: transport.TransportError };
}

describe('WireaiError', () => {
  it('is recognised by isInstance across copies of the package, where instanceof fails', async () => {
    const other = await secondCopy();
    expect(other.TransportError).not.toBe(TransportError);
    const foreign = new other.TransportError('ABORTED', 'stopped');
    expect(foreign instanceof TransportError).toBe(false);
    expect(TransportError.isInstance(foreign)).toBe(true);
    expect(WireaiError.isInstance(foreign)).toBe(true);
  });

  it('tells a parent from a subclass', () => {
    class CustomError extends WireaiError {
      static override readonly brand = errorBrand('CustomError');
    }
    const base = new WireaiError('x');
    expect(CustomError.isInstance(base)).toBe(false);
    expect(WireaiError.isInstance(new CustomError('y'))).toBe(true);
    expect(TransportError.isInstance(new CustomError('y'))).toBe(false);
    expect(WireaiError.isInstance(new Error('plain'))).toBe(false);
    expect(WireaiError.isInstance(null)).toBe(false);
    expect(WireaiError.isInstance({ message: 'lookalike' })).toBe(false);
  });

  it('names itself after its class and keeps the cause', () => {
    const cause = Object.assign(new Error('socket'), { code: 'ECONNRESET', config: { key: 'sk-x' } });
    const error = new TransportError('CONNECTION_RESET', 'reset', { cause });
    expect(error.name).toBe('TransportError');
    // A scrubbed copy: class name, code and message kept, the library's objects dropped.
    expect(error.cause).toBeInstanceOf(ScrubbedError);
    expect(error.cause).toMatchObject({ name: 'Error', code: 'ECONNRESET', message: 'socket' });
    expect(error.cause).not.toHaveProperty('config');
    expect(error).toBeInstanceOf(Error);
  });

  it('keeps the brand out of serialisation', () => {
    expect(Object.keys(new TransportError('ABORTED', 'x'))).not.toContain(String(TransportError.brand));
    expect(JSON.stringify(new TransportError('ABORTED', 'x'))).not.toContain('wireai');
  });
});

describe('TransportError', () => {
  it('has the stable codes of the contract', () => {
    expect(TRANSPORT_ERROR_CODES).toEqual([
      'ABORTED',
      'TIMEOUT',
      'CONNECTION_REFUSED',
      'CONNECTION_RESET',
      'DNS',
      'TLS',
      'PROTOCOL',
      'UNKNOWN',
      'REDIRECT',
      'INVALID_REQUEST',
    ]);
  });

  it('names the method and URL without the query string or credentials', () => {
    const error = new TransportError('TIMEOUT', 'Request timed out', {
      method: 'POST',
      url: 'https://user:secret@generativelanguage.example/v1/models?key=AIza-secret#frag',
    });
    expect(error.message).toBe('Request timed out (POST https://generativelanguage.example/v1/models)');
    expect(error.url).toBe('https://generativelanguage.example/v1/models');
    expect(error.message).not.toContain('secret');
  });

  it('does not echo an unparseable URL', () => {
    expect(redactUrl('not a url sk-123')).toBe('<invalid url>');
  });
});
