import { OpenAI } from '@wireai/openai-client';
import { createUndiciTransport, type UndiciTransport } from '@wireai/transport-undici';
import { startBenchServer } from './child-process.js';
import { median } from './rounds.js';

interface WireServer {
  h1: string;
  h2: string;
  ca: string;
  embeddingBytes: number;
  embeddingGzipBytes: number;
}

interface Stats {
  h1Connections: number;
  h2Sessions: number;
  bodyBytes: number;
}

export interface WireResults {
  /** Requests per second with 64 in flight, and the connections the server saw, per protocol. */
  protocols: Array<{ name: string; requestsPerSecond: number; connections: number }>;
  /** One 1,000-embedding response: milliseconds and bytes on the wire, with and without compression. */
  compression: Array<{ name: string; ms: number; bytes: number }>;
  embeddingBytes: number;
}

const messages = [{ role: 'user' as const, content: 'Hello' }];

/**
 * HTTP/2 against HTTP/1.1 (wireai on undici, 64 requests in flight: one multiplexed connection against a
 * pool of sockets), and a 1,000-embedding reply with and without gzip. Rounds interleave; medians.
 */
export async function wireBench({
  requests,
  rounds,
}: {
  requests: number;
  rounds: number;
}): Promise<WireResults> {
  const server = await startBenchServer('./wire-server.ts');
  const wire = JSON.parse(Buffer.from(server.origin, 'base64').toString()) as WireServer;
  const stats = async () => (await (await fetch(`${wire.h1}/bench/stats`)).json()) as Stats;
  const http1 = createUndiciTransport();
  const transports: Array<[string, string, UndiciTransport]> = [
    ['HTTP/1.1 (a pool of sockets)', wire.h1, http1],
    // One connection per origin: undici multiplexes an HTTP/2 connection's streams only within one client,
    // and its pool would otherwise open a connection per concurrent request.
    [
      'HTTP/2 (one connection)',
      wire.h2,
      createUndiciTransport({ allowH2: true, connections: 1, connect: { ca: wire.ca } }),
    ],
  ];
  try {
    const perSecond = new Map<string, number[]>();
    const connections = new Map<string, number>();
    for (let round = 0; round <= rounds; round++) {
      for (const [name, origin, transport] of transports) {
        const client = new OpenAI('sk-bench', { baseURL: `${origin}/v1`, transport });
        const started = performance.now();
        let next = 0;
        await Promise.all(
          Array.from({ length: 64 }, async () => {
            while (next++ < requests) {
              const result = await client.createChatCompletion(messages);
              if (!result.ok) throw new Error(`${name}: status ${result.status}`);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        const after = await stats();
        if (round === 0) continue; // warm-up: connections opened, TLS negotiated
        perSecond.set(name, [...(perSecond.get(name) ?? []), requests / seconds]);
        // Every connection opened so far (the warm-up opens the pool).
        connections.set(name, origin === wire.h2 ? after.h2Sessions : after.h1Connections);
      }
    }

    // Compression: the same transport, asking for gzip (the default) or not (`accept-encoding: identity`).
    const client = new OpenAI('sk-bench', { baseURL: `${wire.h1}/v1`, transport: http1 });
    const modes: Array<[string, Record<string, string>]> = [
      ['gzip (asked by default)', {}],
      ['identity', { 'accept-encoding': 'identity' }],
    ];
    const times = new Map<string, number[]>();
    const bytes = new Map<string, number>();
    for (let round = 0; round <= rounds; round++) {
      for (const [name, headers] of modes) {
        const before = await stats();
        const started = performance.now();
        const result = await client.embedding('bench', {}, { headers });
        const ms = performance.now() - started;
        if (!result.ok || result.body.data.length !== 1_000) throw new Error(`${name}: not 1,000 embeddings`);
        const after = await stats();
        if (round === 0) continue;
        times.set(name, [...(times.get(name) ?? []), ms]);
        bytes.set(name, after.bodyBytes - before.bodyBytes);
      }
    }
    return {
      protocols: transports.map(([name]) => ({
        name,
        requestsPerSecond: median(perSecond.get(name) ?? []),
        connections: connections.get(name) ?? 0,
      })),
      compression: modes.map(([name]) => ({
        name,
        ms: median(times.get(name) ?? []),
        bytes: bytes.get(name) ?? 0,
      })),
      embeddingBytes: wire.embeddingBytes,
    };
  } finally {
    for (const [, , transport] of transports) await transport.close();
    await server.close();
  }
}
