// The server of the wire benchmarks (HTTP/2 against HTTP/1.1, compression), in its own process so its
// work is not measured with the client's. The same chat completion over HTTP/1.1 and over HTTP/2 with TLS
// (a self-signed certificate made here, handed to the client as `ca`), and 1,000 embeddings as JSON,
// gzipped once at start for clients that ask. Counts connections and body bytes written, and prints
// `READY <base64 JSON>` when listening.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { loopbackCertificate } from '@wireai/testing';
import { completion } from './bench-replies.js';

// 1,000 embeddings of 1,536 dimensions (text-embedding-3-small), as the API writes floats.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const embeddings = Buffer.from(
  JSON.stringify({
    object: 'list',
    data: Array.from({ length: 1_000 }, (_, index) => ({
      object: 'embedding',
      index,
      embedding: Array.from({ length: 1_536 }, () => Number((random() * 0.2 - 0.1).toFixed(9))),
    })),
    model: 'text-embedding-3-small',
    usage: { prompt_tokens: 8_000, total_tokens: 8_000 },
  }),
);
const embeddingsGzip = gzipSync(embeddings);

const stats = { h1Connections: 0, h2Sessions: 0, bodyBytes: 0 };

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;

async function handle(req: Req, res: Res): Promise<void> {
  for await (const _ of req as AsyncIterable<Buffer>);
  const path = new URL(req.url ?? '/', 'http://bench').pathname;
  const send = (status: number, headers: Record<string, string | number>, body: string | Buffer) => {
    stats.bodyBytes += Buffer.byteLength(body);
    (res as ServerResponse).writeHead(status, headers);
    (res as ServerResponse).end(body);
  };
  if (path === '/v1/chat/completions')
    return send(
      200,
      { 'content-type': 'application/json', 'content-length': Buffer.byteLength(completion) },
      completion,
    );
  if (path === '/v1/embeddings') {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? embeddingsGzip : embeddings;
    return send(
      200,
      {
        'content-type': 'application/json',
        'content-length': body.byteLength,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      },
      body,
    );
  }
  if (path === '/bench/stats') {
    const text = JSON.stringify(stats);
    (res as ServerResponse).writeHead(200, { 'content-type': 'application/json' });
    (res as ServerResponse).end(text);
    return;
  }
  (res as ServerResponse).writeHead(404);
  (res as ServerResponse).end();
}

const h1 = createServer({ keepAliveTimeout: 30_000 }, (req, res) => void handle(req, res));
h1.on('connection', () => stats.h1Connections++);
const certificate = await loopbackCertificate();
const h2 = createSecureServer(
  { key: certificate.key, cert: certificate.cert, allowHTTP1: false },
  (req, res) => void handle(req, res),
);
h2.on('session', () => stats.h2Sessions++);
await Promise.all([
  new Promise<void>((resolve) => h1.listen(0, '127.0.0.1', resolve)),
  new Promise<void>((resolve) => h2.listen(0, '127.0.0.1', resolve)),
]);
const port = (server: { address(): AddressInfo | string | null }) => (server.address() as AddressInfo).port;
// base64, so the PEM's spaces and line breaks do not end the READY token.
process.stdout.write(
  `READY ${Buffer.from(
    JSON.stringify({
      h1: `http://127.0.0.1:${port(h1)}`,
      h2: `https://127.0.0.1:${port(h2)}`,
      ca: certificate.cert,
      embeddingBytes: embeddings.byteLength,
      embeddingGzipBytes: embeddingsGzip.byteLength,
    }),
  ).toString('base64')}\n`,
);
process.on('SIGTERM', () => {
  h1.closeAllConnections();
  h1.close();
  h2.close();
  process.exit(0);
});
