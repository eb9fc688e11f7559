// The server the benchmarks talk to, run in its own process so its work is not measured with the
// client's. An OpenAI-shaped /v1/chat/completions (JSON, or `max_tokens` stream chunks) and raw routes
// for the memory cases. Prints "READY <origin>" when listening.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completion } from './bench-replies.js';

const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'gpt-4.1', choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }] })}\n\n`;
const CHUNK = chunk(' token');
const FINISH = `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'gpt-4.1', choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;

/** Writes `total` copies of `piece` in batches, waiting for 'drain' (the client's pace). */
async function writeRepeated(res: ServerResponse, piece: string, total: number): Promise<void> {
  const perBatch = Math.max(1, Math.floor(65_536 / piece.length));
  const batch = piece.repeat(perBatch);
  let sent = 0;
  while (sent < total && !res.destroyed) {
    const count = Math.min(perBatch, total - sent);
    const ok = res.write(count === perBatch ? batch : piece.repeat(count));
    sent += count;
    if (!ok) await new Promise((resolve) => res.once('drain', resolve));
  }
}

const server = createServer({ keepAliveTimeout: 30_000 }, async (req, res) => {
  const parts: Buffer[] = [];
  for await (const part of req as AsyncIterable<Buffer>) parts.push(part);
  const url = new URL(req.url ?? '/', 'http://bench');
  if (url.pathname === '/v1/chat/completions') {
    const body = JSON.parse(Buffer.concat(parts).toString() || '{}') as {
      stream?: boolean;
      max_tokens?: number;
    };
    if (!body.stream) {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(completion),
        'x-request-id': 'req_bench',
      });
      res.end(completion);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_bench' });
    await writeRepeated(res, CHUNK, body.max_tokens ?? 50);
    res.end(FINISH);
    return;
  }
  if (url.pathname === '/bench/big-event') {
    // One SSE event whose data is `mib` MiB, then [DONE].
    const mib = Number(url.searchParams.get('mib') ?? '30');
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"');
    await writeRepeated(res, 'A'.repeat(1024), mib * 1024);
    res.end('"},"finish_reason":null}]}\n\ndata: [DONE]\n\n');
    return;
  }
  if (url.pathname === '/bench/big-json') {
    // A JSON body carrying a `mib` MiB base64 image, like images.generate.
    const mib = Number(url.searchParams.get('mib') ?? '30');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"created":1700000000,"data":[{"b64_json":"');
    await writeRepeated(res, 'A'.repeat(1024), mib * 1024);
    res.end('"}]}');
    return;
  }
  if (url.pathname === '/bench/connections') {
    res.writeHead(200, { 'content-type': 'application/json' });
    server.getConnections((_error, count) => res.end(JSON.stringify({ open: count })));
    return;
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
