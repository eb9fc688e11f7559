import { parseArgs } from 'node:util';
import { type MockOpenAIServer, startMockOpenAI } from '../openai/mock-openai.js';

const USAGE = `Usage: wireai-mock-openai [options]

An OpenAI-compatible mock server on loopback, for tests, demos and offline development.

Options:
  --port <n>          port to listen on (default 8787; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1)
  --latency <ms>      delay before every response, e.g. 20 or 20ms
  --chunk-delay <ms>  delay between stream events
  --api-key <key>     require this key (401 otherwise, as the API answers)
  --no-cors           do not answer CORS preflights
  -h, --help          show this help`;

/** Parses a duration such as `20`, `20ms` or `1.5s` into milliseconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim());
  if (!match) throw new Error(`not a duration: '${value}' (use e.g. 20, 20ms or 1.5s)`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

/** Runs the CLI: starts the server and returns it (the bin keeps it running until a signal). */
export async function runMockServerCli(
  argv: string[],
  print: (line: string) => void = console.log,
): Promise<MockOpenAIServer | undefined> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      latency: { type: 'string' },
      'chunk-delay': { type: 'string' },
      'api-key': { type: 'string' },
      'no-cors': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    print(USAGE);
    return undefined;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a port number, got '${values.port}'`);
  const server = await startMockOpenAI({
    port,
    host: values.host,
    cors: !values['no-cors'],
    ...(values.latency ? { latencyMs: parseDuration(values.latency) } : {}),
    ...(values['chunk-delay'] ? { chunkDelayMs: parseDuration(values['chunk-delay']) } : {}),
    ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
  });
  print(`wireai mock OpenAI server listening on ${server.baseURL}`);
  print(`  try: ${tryCommand(server.baseURL, values['api-key'])}`);
  return server;
}

/** A curl command that gets an answer from the server: with the key it requires, when it requires one. */
function tryCommand(baseURL: string, apiKey: string | undefined): string {
  const auth = apiKey ? ` -H "Authorization: Bearer ${apiKey}"` : '';
  return `curl ${baseURL}/chat/completions -H 'content-type: application/json'${auth} -d '{"model":"gpt-4.1","messages":[{"role":"user","content":"hi"}]}'`;
}
