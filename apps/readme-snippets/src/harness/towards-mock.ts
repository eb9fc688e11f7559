import type { Transport } from '@wireai/core';

const OPENAI = 'https://api.openai.com/v1';

/**
 * A transport that sends what a snippet addresses to api.openai.com to the harness's mock server
 * (OPENAI_BASE_URL) instead, for snippets that write the real URL out.
 */
export function towardsMock(transport: Transport): Transport {
  const base = process.env.OPENAI_BASE_URL;
  if (!base)
    throw new Error('towardsMock(): OPENAI_BASE_URL is not set (run under src/run-snippets.test.ts)');
  return {
    name: transport.name,
    request: (request) =>
      transport.request({
        ...request,
        url: request.url.startsWith(OPENAI) ? base + request.url.slice(OPENAI.length) : request.url,
      }),
  };
}
