// Node, Bun and Deno (the package's `#transport-loader` default): a transport package is loaded lazily by its
// name. A variable module name keeps bundlers and TypeScript from requiring the optional peers at build time.
// Worker and browser bundles get transport-loader.portable.ts instead (package.json "imports").
import type { TransportName } from './resolve-transport.js';

/** The transports this runtime can load by name. */
export const AVAILABLE_TRANSPORTS: readonly TransportName[] = ['undici', 'axios', 'fetch'];

/** Node runs undici when it is installed; Deno, Bun run fetch (docs/ARCHITECTURE.md, "Package graph"). */
export function defaultTransportNames(): TransportName[] {
  const global = globalThis as { Deno?: unknown; Bun?: unknown; process?: { versions?: { node?: string } } };
  const isNode =
    global.process?.versions?.node !== undefined && global.Deno === undefined && global.Bun === undefined;
  return isNode ? ['undici', 'fetch'] : ['fetch'];
}

/** Imports the package of a named transport. */
export function importTransport(_name: TransportName, module: string): Promise<Record<string, unknown>> {
  return import(/* @vite-ignore */ module);
}
