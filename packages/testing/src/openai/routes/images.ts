import { EndpointError, missingParameter } from '../openai-error.js';
import type { EndpointContext, EndpointRequest, RouteResult } from '../route-result.js';

/** The image the mock generates: a valid 1×1 PNG in base64, small, and any image decoder accepts it. */
export const MOCK_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** `POST /images/generations`: `b64_json` images (or URLs when `response_format: 'url'`). */
export function createImage({ body, raw }: EndpointRequest, context: EndpointContext): RouteResult {
  if (typeof body.prompt !== 'string') throw new EndpointError(missingParameter('prompt'));
  const count = typeof body.n === 'number' ? body.n : 1;
  const asUrl = body.response_format === 'url';
  const origin = new URL(raw.url).origin;
  const data = Array.from({ length: count }, () =>
    asUrl
      ? { url: `${origin}/mock-images/1x1.png`, revised_prompt: body.prompt }
      : { b64_json: MOCK_PNG_BASE64, revised_prompt: body.prompt },
  );
  return { kind: 'json', body: { created: context.now(), data } };
}
