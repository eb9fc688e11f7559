import { createClient, PROVIDERS, type TransportName } from '@wireai/openai-client';
import { ChatSession, ResponsesChatSession, tool } from '@wireai/sessions';
import { z } from 'zod';
import type { Connection } from '../connect.js';
import { type Io, println } from '../io.js';
import { streamReply } from '../reply.js';

const TRANSPORTS: TransportName[] = ['undici', 'axios', 'fetch'];

const weather = tool({
  name: 'get_weather',
  description: 'The current weather in a city',
  parameters: z.object({ location: z.string() }),
  execute: ({ location }) => ({ location, forecast: 'sunny', celsius: 22 }),
});

/**
 * `pnpm demo`: a short tour — a streamed chat over each transport with its timing, a ChatSession with a
 * tool call round trip, a ResponsesChatSession continuing via previous_response_id, and an embedding.
 */
export async function demo(connection: Connection, io: Io): Promise<void> {
  const started = performance.now();
  const step = (title: string) => println(io.stdout, `\n▸ ${title}`);
  const baseURL = connection.client.baseURL;
  const key = connection.mock ? 'sk-mock' : undefined;

  step('One question, streamed over each transport');
  for (const transport of TRANSPORTS) {
    const client = createClient(PROVIDERS.openai, key, { baseURL, transport });
    await client.models(); // load the transport and open a connection, so the timing is of the request
    const t0 = performance.now();
    let first = 0;
    const { text, chunks } = await streamReply(
      { ...connection, client },
      'Say hello to wireai in five words',
      () => {
        first ||= performance.now() - t0;
      },
    );
    const total = performance.now() - t0;
    println(
      io.stdout,
      `  ${transport.padEnd(6)} ${text.trim()}  (${chunks} chunks, first after ${first.toFixed(1)} ms, done in ${total.toFixed(1)} ms)`,
    );
  }

  step('A ChatSession runs a tool and answers');
  const chat = new ChatSession(connection.client, { model: connection.model });
  const answer = await chat.run("What's the weather in Paris?", { tools: [weather] });
  const call = chat.messages.find(
    (message) => message.role === 'assistant' && 'tool_calls' in message && message.tool_calls,
  );
  const toolCalls =
    (call as { tool_calls?: Array<{ function: { name: string; arguments: string } }> } | undefined)
      ?.tool_calls ?? [];
  for (const request of toolCalls)
    println(io.stdout, `  model called ${request.function.name}(${request.function.arguments})`);
  println(io.stdout, `  answer: ${answer}`);

  step('A ResponsesChatSession continues with previous_response_id');
  const responses = new ResponsesChatSession(connection.client, { model: connection.model });
  const first = await responses.send('Remember the word "lighthouse".');
  const second = await responses.send('What word did I ask you to remember?');
  println(io.stdout, `  ${first.id}: ${first.outputText()}`);
  println(
    io.stdout,
    `  ${second.id} (previous_response_id ${second.previous_response_id}): ${second.outputText()}`,
  );

  step('An embedding');
  const embedding = await connection.client.embedding('wireai: one OpenAI client, any HTTP stack', {
    model: 'text-embedding-3-small',
  });
  if (embedding.ok)
    println(
      io.stdout,
      `  ${embedding.body.data[0]?.embedding.length ?? 0} dimensions, ${embedding.body.usage.total_tokens} tokens`,
    );
  else println(io.stdout, `  the API answered ${embedding.status}`);

  println(
    io.stdout,
    `\nDone in ${((performance.now() - started) / 1000).toFixed(2)} s${connection.mock ? ' on the embedded mock server' : ''}.`,
  );
}
