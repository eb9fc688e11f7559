import { APIConnectionError, APITimeoutError } from '@wireai/openai-client';
import { SessionError } from '@wireai/sessions';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors.js';

describe('describeError', () => {
  it('says a session’s bad status as the client’s error for that status', () => {
    const body = (message: string) => ({ error: { message, type: 'x', param: null, code: null } });
    expect(describeError(SessionError.badStatus(401, body('bad key')), false)).toMatch(
      /^The API key was rejected \(401\)\./,
    );
    expect(describeError(SessionError.badStatus(404, body('no such model')), false)).toBe(
      'Not found (404): no such model',
    );
    expect(describeError(SessionError.badStatus(429, body('slow down')), false)).toBe(
      'Rate limited (429): slow down. Wait a moment and retry.',
    );
    expect(describeError(SessionError.badStatus(500, body('oops')), false)).toBe(
      'The API answered 500: oops',
    );
  });

  it('says a timeout and a refused connection', () => {
    expect(describeError(new APITimeoutError('Request timed out.'), false)).toBe(
      'No answer in time: Request timed out.',
    );
    expect(describeError(new APIConnectionError('Connection refused'), false)).toMatch(
      /^Could not reach the API: Connection refused\. /,
    );
  });

  it('is one line (a server’s message may have several); the stack follows only with debug', () => {
    const error = new Error('first\n  second\nthird');
    expect(describeError(error, false)).toBe('first second third');
    const debug = describeError(error, true).split('\n');
    expect(debug[0]).toBe('first second third');
    expect(debug.slice(1).some((line) => line.startsWith('    at '))).toBe(true);
  });
});
