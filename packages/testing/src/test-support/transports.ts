import type { Transport } from '@wireai/core';
import { createAxiosTransport } from '@wireai/transport-axios';
import { createFetchTransport } from '@wireai/transport-fetch';
import { createUndiciTransport } from '@wireai/transport-undici';

/** The three network transports, one matrix: the same checks for each (imported by source, see vitest.config.ts). */
export const TRANSPORTS: Array<[name: string, create: () => Transport]> = [
  ['undici', () => createUndiciTransport()],
  ['axios', () => createAxiosTransport()],
  ['fetch', () => createFetchTransport()],
];
