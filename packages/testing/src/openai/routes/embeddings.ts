import { createHash } from 'node:crypto';
import { countTokens } from '../default-replies.js';
import { EndpointError, invalidValue, missingParameter } from '../openai-error.js';
import type { EndpointRequest, RouteResult } from '../route-result.js';

/**
 * `POST /embeddings`: deterministic unit vectors derived from a hash of each input, so equal texts get
 * equal embeddings and tests can compare them. `dimensions` (default 16) and `encoding_format: base64`
 * are honoured.
 */
export function createEmbedding({ body }: EndpointRequest): RouteResult {
  if (body.input === undefined) throw new EndpointError(missingParameter('input'));
  if (typeof body.model !== 'string') throw new EndpointError(missingParameter('model'));
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  if (inputs.length === 0) throw new EndpointError(invalidValue('input', "'input' must not be empty."));
  const dimensions = typeof body.dimensions === 'number' ? body.dimensions : 16;
  const base64 = body.encoding_format === 'base64';
  const data = inputs.map((input, index) => {
    const vector = embed(typeof input === 'string' ? input : JSON.stringify(input), dimensions);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = inputs.reduce((sum: number, input) => sum + countTokens(String(input)), 0);
  return {
    kind: 'json',
    body: { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } },
  };
}

function embed(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let i = 0; i + 1 < digest.length && values.length < dimensions; i += 2)
      values.push(digest.readUInt16BE(i) / 32_767.5 - 1);
  }
  const norm = Math.hypot(...values) || 1;
  return values.map((value) => Math.fround(value / norm));
}
