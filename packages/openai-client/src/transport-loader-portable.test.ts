import { describe, expect, it, vi } from 'vitest';

// The worker/browser build of `#transport-loader` (package.json "imports": workerd, edge-light, worker,
// browser): fetch only, by a string-literal import; undici and axios refused with a clear error.
vi.mock('#transport-loader', () => import('./transport-loader.portable.js'));

const { loadTransport, defaultTransportNames, resolveTransport } = await import('./resolve-transport.js');

describe('choosing a transport in a worker or a browser', () => {
  it('defaults to fetch', async () => {
    expect(defaultTransportNames()).toEqual(['fetch']);
    expect((await resolveTransport(undefined)).name).toBe('fetch');
    expect((await loadTransport('fetch')).name).toBe('fetch');
  });

  it.each(['undici', 'axios'] as const)('refuses %s: not available in this runtime', async (name) => {
    await expect(loadTransport(name)).rejects.toThrow(
      `The '${name}' transport is not available in this runtime: pass a Transport`,
    );
  });

  it('resolves the loader per runtime in package.json', async () => {
    const { imports } = (await import('../package.json', { with: { type: 'json' } })).default as {
      imports: Record<string, Record<string, string>>;
    };
    const loader = imports['#transport-loader'] ?? {};
    for (const condition of ['workerd', 'edge-light', 'worker', 'browser'])
      expect(loader[condition]).toBe('./dist/transport-loader.portable.js');
    expect(loader.default).toBe('./dist/transport-loader.js');
  });
});
