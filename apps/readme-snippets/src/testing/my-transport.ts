import type { Transport } from '@wireai/core';
import { createUndiciTransport } from '@wireai/transport-undici';

// The "my transport" the conformance snippet imports: a transport of your own. Here it hands each request
// to the undici transport, so the suite the README shows runs for real.
export function createMyTransport(): Transport {
  const inner = createUndiciTransport();
  return { name: 'mine', request: (request) => inner.request(request) };
}
