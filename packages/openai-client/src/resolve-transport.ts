import type { Transport } from '@wireai/core';
// `#transport-loader` is transport-loader.ts on Node, Bun and Deno (lazy, by name) and
// transport-loader.portable.ts under the workerd, edge-light, worker and browser conditions (fetch only,
// a string-literal import): package.json "imports".
import {
  AVAILABLE_TRANSPORTS,
  importTransport,
  defaultTransportNames as runtimeDefaults,
} from '#transport-loader';
import { OpenAIError } from './errors.js';

/** The transports wireai publishes, by the name a config may give instead of an instance. */
export type TransportName = 'undici' | 'axios' | 'fetch';

const FACTORIES: Record<TransportName, { module: string; factory: string; install: string }> = {
  undici: {
    module: '@wireai/transport-undici',
    factory: 'createUndiciTransport',
    install: 'npm install @wireai/transport-undici undici',
  },
  axios: {
    module: '@wireai/transport-axios',
    factory: 'createAxiosTransport',
    install: 'npm install @wireai/transport-axios axios',
  },
  fetch: {
    module: '@wireai/transport-fetch',
    factory: 'createFetchTransport',
    install: 'npm install @wireai/transport-fetch',
  },
};

/** Loads a named transport package, with an error that says what to install when it is missing. */
export async function loadTransport(name: TransportName): Promise<Transport> {
  const entry = FACTORIES[name];
  if (!entry)
    throw new OpenAIError(
      `Unknown transport '${String(name)}': use 'undici', 'axios', 'fetch' or a Transport object`,
    );
  if (!AVAILABLE_TRANSPORTS.includes(name))
    throw new OpenAIError(
      `The '${name}' transport is not available in this runtime: pass a Transport (\`transport: createFetchTransport()\` from @wireai/transport-fetch, or your own)`,
    );
  let module: Record<string, unknown>;
  try {
    module = await importTransport(name, entry.module);
  } catch (error) {
    throw new OpenAIError(`The '${name}' transport needs ${entry.module}: ${entry.install}`, {
      cause: error,
    });
  }
  return (module[entry.factory] as () => Transport)();
}

/** Node runs undici when it is installed; Deno, Bun, workers and browsers run fetch (docs/ARCHITECTURE.md, "Package graph"). */
export function defaultTransportNames(): TransportName[] {
  return runtimeDefaults();
}

/** The transport a client uses: the one given, the one named, or the runtime's default. */
export async function resolveTransport(choice: Transport | TransportName | undefined): Promise<Transport> {
  if (choice !== undefined && typeof choice === 'object') return choice;
  if (choice !== undefined) return loadTransport(choice);
  const names = defaultTransportNames();
  for (const name of names) {
    try {
      return await loadTransport(name);
    } catch {
      // try the next one
    }
  }
  const installs = names.map((name) => FACTORIES[name].install).join(' or ');
  throw new OpenAIError(
    `No wireai transport is installed. Install one: ${installs}; or pass \`transport\` in the config.`,
  );
}
