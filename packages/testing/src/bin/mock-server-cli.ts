import { parseArgs } from 'node:util';
import {
  DEFAULT_MAX_BODY_BYTES,
  type MockClock,
  type MockOpenAIServer,
  startMockOpenAI,
} from '../openai/mock-openai.js';
import { DEFAULT_REQUEST_LOG_SIZE } from '../openai/request-log.js';

const USAGE = `Usage: wireai-mock-openai [options]

An OpenAI-compatible mock server on loopback, for tests, demos and offline development.

Options:
  --port <n>            port to listen on (default 8787; 0 picks a free one)
  --host <addr>         address to bind (default 127.0.0.1)
  --latency <ms>        delay before every response, e.g. 20 or 20ms
  --chunk-delay <ms>    delay between stream events
  --api-key <key>       require this key (401 otherwise, as the API answers)
  --max-body-bytes <n>  answer larger request bodies 413, e.g. 1048576 or 8MiB (default ${DEFAULT_MAX_BODY_BYTES / 1024 ** 2}MiB)
  --log-size <n>        how many requests the request log keeps (default ${DEFAULT_REQUEST_LOG_SIZE}; 0 keeps none)
  --no-cors             do not answer CORS preflights
  -h, --help            show this help`;

const BYTE_UNITS = new Map([
  ['', 1],
  ['b', 1],
  ['k', 1024],
  ['kb', 1024],
  ['kib', 1024],
  ['m', 1024 ** 2],
  ['mb', 1024 ** 2],
  ['mib', 1024 ** 2],
  ['g', 1024 ** 3],
  ['gb', 1024 ** 3],
  ['gib', 1024 ** 3],
]);

/** Parses a size such as `1048576`, `512k` or `8MiB` (binary multiples: k is 1024) into bytes. */
export function parseBytes(value: string): number {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
  const unit = BYTE_UNITS.get((match?.[2] ?? '').toLowerCase());
  const bytes = match && unit !== undefined ? Number(match[1]) * unit : Number.NaN;
  if (!Number.isSafeInteger(bytes))
    throw new Error(`not a size: '${value}' (use e.g. 1048576, 512k or 8MiB)`);
  return bytes;
}

/** Parses a duration such as `20`, `20ms` or `1.5s` into milliseconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim());
  if (!match) throw new Error(`not a duration: '${value}' (use e.g. 20, 20ms or 1.5s)`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

/**
 * Runs the CLI: starts the server and returns it (the bin keeps it running until a signal). `clock` is for
 * tests, which record the delays the flags set instead of waiting through them.
 */
export async function runMockServerCli(
  argv: string[],
  print: (line: string) => void = console.log,
  clock?: MockClock,
): Promise<MockOpenAIServer | undefined> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      latency: { type: 'string' },
      'chunk-delay': { type: 'string' },
      'api-key': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'log-size': { type: 'string' },
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
  const maxBodyBytes = option('--max-body-bytes', values['max-body-bytes'], parseBytes);
  const logSize = option('--log-size', values['log-size'], (value) => {
    if (!/^\d+$/.test(value)) throw new Error(`not a whole number: '${value}'`);
    return Number(value);
  });
  const server = await startMockOpenAI({
    port,
    host: values.host,
    cors: !values['no-cors'],
    ...(values.latency ? { latencyMs: parseDuration(values.latency) } : {}),
    ...(values['chunk-delay'] ? { chunkDelayMs: parseDuration(values['chunk-delay']) } : {}),
    ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
    ...(logSize === undefined ? {} : { requestLog: { size: logSize } }),
    ...(clock ? { clock } : {}),
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

/** A flag's value parsed by `parse`, its error prefixed with the flag's name; undefined when not given. */
function option<T>(name: string, value: string | undefined, parse: (value: string) => T): T | undefined {
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
