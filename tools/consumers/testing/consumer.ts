// Type-checked with tsc against the published declarations: what a user writes must compile as written.
import { type Collector, sinks, sources, type Transport } from '@wireai/core';
import { createMockTransport, type MockOpenAIServer, startMockOpenAI } from '@wireai/testing';

export async function serve(): Promise<MockOpenAIServer> {
  const server = await startMockOpenAI({ apiKey: 'sk-consumer' });
  server.script('POST /chat/completions', { text: 'scripted' });
  return server;
}

export async function inMemory(): Promise<string> {
  const transport: Transport = createMockTransport(() => ({ status: 200, body: 'pong' }));
  const body: Collector = sinks.collect();
  await transport.request({
    url: 'http://mock/ping',
    method: 'POST',
    headers: {},
    source: sources.string('ping'),
    sink: body.sink,
  });
  return body.text();
}
