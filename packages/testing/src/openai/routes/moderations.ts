import { EndpointError, missingParameter } from '../openai-error.js';
import type { EndpointContext, EndpointRequest, RouteResult } from '../route-result.js';

const CATEGORIES = [
  'hate',
  'hate/threatening',
  'harassment',
  'harassment/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
];

/** `POST /moderations`: flags `violence` for texts that mention "kill", so both outcomes can be tested. */
export function createModeration({ body }: EndpointRequest, context: EndpointContext): RouteResult {
  if (body.input === undefined) throw new EndpointError(missingParameter('input'));
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const results = inputs.map((input) => {
    const violent = /\bkill/i.test(typeof input === 'string' ? input : JSON.stringify(input));
    const entries = (value: (category: string) => unknown) =>
      Object.fromEntries(CATEGORIES.map((category) => [category, value(category)]));
    return {
      flagged: violent,
      categories: entries((category) => violent && category === 'violence'),
      category_scores: entries((category) => (violent && category === 'violence' ? 0.91 : 0.0001)),
      category_applied_input_types: entries(() => ['text']),
    };
  });
  return {
    kind: 'json',
    body: { id: context.id('modr'), model: String(body.model ?? 'omni-moderation-latest'), results },
  };
}
