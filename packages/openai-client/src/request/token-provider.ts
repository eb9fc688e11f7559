import { OpenAIError } from '../errors.js';
import { isHeaderSafe } from '../validation/options.js';

/** Returns a bearer token (a Microsoft Entra ID access token, say); called before each attempt. */
export type TokenProvider = () => string | Promise<string>;

/**
 * The `Authorization: Bearer` header from `provider`, asked for a token before every attempt so a retry
 * after a long wait never sends an expired one. A provider that throws, or returns anything but a
 * non-empty string a header can carry, is an `OpenAIError` naming `config.tokenProvider` (its error as
 * `cause`); the token itself never appears in a message.
 */
export async function tokenHeaders(provider: TokenProvider): Promise<Record<string, string>> {
  let token: unknown;
  try {
    token = await provider();
  } catch (error) {
    throw new OpenAIError('config.tokenProvider failed, so nothing was sent', { cause: error });
  }
  if (typeof token !== 'string' || token === '')
    throw new OpenAIError(
      `config.tokenProvider must return a non-empty string, got ${token === '' ? 'an empty string' : typeof token}`,
    );
  if (!isHeaderSafe(token))
    throw new OpenAIError('config.tokenProvider returned a token a header cannot carry (a line break?)');
  return { authorization: `Bearer ${token}` };
}
