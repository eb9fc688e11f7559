// The edge smoke worker: openai-client + transport-fetch + sessions in one bundle, run by workerd (a module
// worker under miniflare) and edge-runtime (edge-entry.js). edge-smoke.mjs builds it and calls one route per
// check; the mock server's URL comes in the `x-mock-url` header. Streams go back to the caller as they arrive.
import { APIUserAbortError, OpenAI } from '@wireai/openai-client';
import { ChatSession, tool } from '@wireai/sessions';
import { createFetchTransport } from '@wireai/transport-fetch';
import { z } from 'zod';

const json = (value) =>
  new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });

// A ReadableStream the worker answers with: `produce(write)` writes text as the client receives it. start()
// does not wait for it (a stream does not flow until start() has settled).
function streamed(produce) {
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    start(controller) {
      produce((text) => controller.enqueue(encoder.encode(text))).then(
        () => controller.close(),
        (error) => controller.error(error),
      );
    },
  });
  // content-encoding: identity: workerd otherwise gzips a text/* answer for a caller that accepts it, and the
  // compressor holds the chunks back until the end.
  return new Response(stream, {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'identity' },
  });
}

const weather = tool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ location: z.string() }),
  execute: ({ location }) => ({ location, forecast: 'sunny', celsius: 22 }),
});

const routes = {
  // The default transport (none given): fetch, resolved without a dynamic import or a Node module.
  async default(baseURL) {
    const client = new OpenAI('sk-edge', { baseURL });
    const models = await client.models();
    return json({ transport: (await client.transport()).name, ok: models.ok });
  },
  async json(baseURL) {
    const client = new OpenAI('sk-edge', { baseURL, transport: createFetchTransport() });
    const models = await client.models();
    return json({ ok: models.ok, count: models.body.data.length });
  },
  // Streaming with a callback: each delta is written to the worker's response as it comes.
  'stream-callback'(baseURL) {
    const client = new OpenAI('sk-edge', { baseURL, transport: createFetchTransport() });
    return streamed(async (write) => {
      const result = await client.createChatCompletion(
        [{ role: 'user', content: 'callback' }],
        { stream: true },
        (chunk) => {
          const text = chunk.choices[0]?.delta?.content;
          if (text) write(text);
        },
      );
      if (!result.ok) throw new Error(`status ${result.status}`);
    });
  },
  // Streaming with for await.
  'stream-iterate'(baseURL) {
    const client = new OpenAI('sk-edge', { baseURL, transport: createFetchTransport() });
    return streamed(async (write) => {
      for await (const chunk of client.streamChatCompletion([{ role: 'user', content: 'iterate' }])) {
        const text = chunk.choices[0]?.delta?.content;
        if (text) write(text);
      }
    });
  },
  async abort(baseURL) {
    const client = new OpenAI('sk-edge', { baseURL });
    const controller = new AbortController();
    const started = Date.now();
    let error;
    try {
      for await (const event of client.streamResponse('slow words', {}, { signal: controller.signal }))
        if (event.type === 'response.output_text.delta') controller.abort();
    } catch (caught) {
      error = caught;
    }
    return json({
      aborted: APIUserAbortError.isInstance(error),
      ms: Date.now() - started,
      error: String(error),
    });
  },
  async retry(baseURL) {
    const client = new OpenAI('sk-edge', { baseURL });
    const embedding = await client.embedding('retried', { model: 'text-embedding-3-small' });
    return json({ ok: embedding.ok });
  },
  async session(baseURL) {
    const client = new OpenAI('sk-edge', { baseURL });
    const session = new ChatSession(client);
    const answer = await session.run("What's the weather in Paris?", { tools: [weather] });
    return json({ answer, roles: session.messages.map((message) => message.role) });
  },
  // Naming a Node-only transport: refused with a clear error.
  async undici(baseURL) {
    const client = new OpenAI('sk-edge', { baseURL, transport: 'undici' });
    const error = await client.models().catch((caught) => caught);
    return json({ message: String(error?.message) });
  },
};

export default {
  async fetch(request) {
    const route = routes[new URL(request.url).pathname.slice(1)];
    if (!route) return new Response('no such check', { status: 404 });
    try {
      return await route(request.headers.get('x-mock-url'));
    } catch (error) {
      return new Response(`${error?.name}: ${error?.message}\n${error?.stack}`, { status: 500 });
    }
  },
};
