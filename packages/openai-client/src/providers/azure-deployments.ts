import { pathSegment } from '../validation/ids.js';

/**
 * The operations Azure serves below a deployment (`/openai/deployments/<deployment>/chat/completions`),
 * the same list openai-node's `AzureOpenAI` routes: the rest (files, batches listing, models…) stay at
 * the resource's `/openai/…`.
 */
export const DEPLOYMENT_PATHS: ReadonlySet<string> = new Set([
  '/completions',
  '/chat/completions',
  '/embeddings',
  '/audio/transcriptions',
  '/audio/translations',
  '/audio/speech',
  '/images/generations',
  '/batches',
]);

/** A path router for one deployment: a `POST` to a deployment-scoped path goes below `/deployments/<name>`. */
export function deploymentRoute(deployment: string): (method: string, path: string) => string {
  const prefix = `/deployments/${pathSegment(deployment, 'config.deployment')}`;
  return (method, path) => {
    const bare = path.split('?')[0] as string;
    return method.toUpperCase() === 'POST' && DEPLOYMENT_PATHS.has(bare) ? `${prefix}${path}` : path;
  };
}
