// Workers (workerd, edge-light, worker) and browsers (the package's `#transport-loader` under those export
// conditions): only the fetch transport exists there, imported with a string-literal specifier so a bundler
// inlines it and no dynamic module specifier is left in the bundle (workerd refuses one). undici and axios
// need Node: naming them is an error (resolve-transport.ts says "pass a Transport").
import type { TransportName } from './resolve-transport.js';

/** The transports this runtime can load by name. */
export const AVAILABLE_TRANSPORTS: readonly TransportName[] = ['fetch'];

/** Workers and browsers run fetch. */
export function defaultTransportNames(): TransportName[] {
  return ['fetch'];
}

/** Imports the package of a named transport (only fetch: AVAILABLE_TRANSPORTS). */
export async function importTransport(
  name: TransportName,
  _module: string,
): Promise<Record<string, unknown>> {
  if (name !== 'fetch') throw new Error(`'${name}' is not available in this runtime`);
  // Inside try: a bundle whose app passes its own transport still builds without @wireai/transport-fetch.
  try {
    return await import('@wireai/transport-fetch');
  } catch (error) {
    throw new Error('@wireai/transport-fetch could not be imported', { cause: error });
  }
}
