import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A raw node:http server on 127.0.0.1 answering each POST with the next scripted event stream. */
export interface StreamServer {
  readonly baseURL: string;
  /** The JSON bodies of the requests received, in order. */
  readonly requests: Array<Record<string, unknown>>;
  /** Queues event-stream bodies, answered one per request in order (the last one repeats). */
  serve(...bodies: string[]): void;
  close(): Promise<void>;
}

/** Starts a `StreamServer`; every request gets `text/event-stream`, written as one body. */
export async function startStreamServer(): Promise<StreamServer> {
  const requests: Array<Record<string, unknown>> = [];
  let queue: string[] = [];
  const server: Server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      requests.push(JSON.parse(Buffer.concat(parts).toString('utf8') || '{}'));
      const body = queue.length > 1 ? (queue.shift() as string) : (queue[0] ?? 'data: [DONE]\n\n');
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    serve(...bodies) {
      queue = bodies;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A chat completion stream answering `text`, in two chunks, as OpenAI sends it. */
export function textStream(text: string): string {
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-t', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const half = Math.ceil(text.length / 2);
  return `${chunk({ role: 'assistant', content: text.slice(0, half) }, null)}${chunk({ content: text.slice(half) }, 'stop')}data: [DONE]\n\n`;
}
