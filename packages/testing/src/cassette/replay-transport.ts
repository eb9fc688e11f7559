import { setTimeout as sleep } from 'node:timers/promises';
import {
  CallerFailure,
  type HopRequest,
  type OpenedResponse,
  runExchange,
  sources,
  type Transport,
  TransportError,
  type TransportErrorCode,
} from '@wireai/core';
import type { MockClock } from '../openai/mock-openai.js';
import { redactUrlSecrets } from '../redact.js';
import {
  type Cassette,
  type CassetteRequest,
  checkCassette,
  decodeChunk,
  encodeBytes,
  type Interaction,
  readCassette,
} from './cassette.js';

/** Options of `replayTransport`. */
export interface ReplayOptions {
  /**
   * `'order'` (default): each request takes the next interaction, which must match it.
   * `'request'`: each request takes the first unused interaction with the same method, path and body.
   */
  match?: 'order' | 'request';
  /** Wait the recorded time between chunks (only when the cassette recorded timing). Default false. */
  timing?: boolean;
  /** What `timing` waits with: a test passes a `sleep` that records the delays. Default: a real timer. */
  clock?: MockClock;
}

/** A transport that answers from a cassette (see `replayTransport`). */
export interface ReplayingTransport extends Transport {
  /** How many recorded interactions no request has used yet. */
  readonly remaining: number;
}

/** A request the cassette has no answer for: the message shows the closest recorded one. */
export class NoRecordedMatchError extends Error {
  override name = 'NoRecordedMatchError';
}

/**
 * Answers from a cassette written by `recordTransport`, with no network: the recorded chunks reach the
 * sink one by one, recorded failures reject with their `TransportError` code. The cassette is checked
 * up front: one that is unreadable, not JSON or not in the recorded shape throws a `CassetteError` naming
 * the file, the interaction and what is wrong.
 */
export function replayTransport(
  fileOrCassette: string | Cassette,
  options: ReplayOptions = {},
): ReplayingTransport {
  const cassette =
    typeof fileOrCassette === 'string'
      ? readCassette(fileOrCassette)
      : checkCassette(fileOrCassette, 'object given');
  const unused = [...cassette.interactions];
  const mode = options.match ?? 'order';

  // One hop answered from the cassette; runExchange keeps the contract's rules (abort, limits, errors).
  async function open(hop: HopRequest): Promise<OpenedResponse> {
    const context = { method: hop.method, url: hop.url };
    const body = hop.source === undefined ? undefined : await sources.readAll(hop.source);
    const wanted = { method: hop.method, url: redactUrlSecrets(hop.url), body: bodyText(body) };
    const index =
      mode === 'order'
        ? matches(unused[0], wanted)
          ? 0
          : -1
        : unused.findIndex((item) => matches(item, wanted));
    if (index < 0)
      throw new CallerFailure(
        new NoRecordedMatchError(
          noMatchMessage(
            wanted,
            mode === 'order' ? unused.slice(0, 1) : unused,
            cassette.interactions.length,
          ),
        ),
      );
    const [interaction] = unused.splice(index, 1) as [Interaction];

    if (interaction.error || !interaction.response) {
      const code = (interaction.error?.code ?? 'UNKNOWN') as TransportErrorCode;
      throw new TransportError(
        code,
        `Replayed failure: ${interaction.error?.message ?? 'no response recorded'}`,
        context,
      );
    }
    const recorded = interaction.response;
    const { signal } = hop;
    async function* chunks() {
      for (const chunk of recorded.chunks) {
        if (options.timing && chunk.delayMs)
          await (options.clock?.sleep(chunk.delayMs, signal) ??
            sleep(chunk.delayMs, undefined, signal ? { signal } : {}).catch(() => undefined));
        if (signal?.aborted) throw new TransportError('ABORTED', 'Request aborted', context);
        yield decodeChunk(chunk);
      }
    }
    return {
      status: recorded.status,
      headers: { ...recorded.headers },
      statusLine: recorded.statusLine,
      body: chunks(),
    };
  }

  return {
    name: 'replay',
    supportsTimeout: true,
    request: (request) => runExchange(request, open),
    get remaining() {
      return unused.length;
    },
  };
}

interface Wanted {
  method: string;
  url: string;
  body: string | null;
}

function bodyText(body: Uint8Array | undefined): string | null {
  if (!body || body.byteLength === 0) return null;
  const encoded = encodeBytes(body);
  return 'text' in encoded ? encoded.text : encoded.base64;
}

function matches(interaction: Interaction | undefined, wanted: Wanted): boolean {
  if (!interaction) return false;
  const { request } = interaction;
  return (
    request.method.toUpperCase() === wanted.method.toUpperCase() &&
    samePath(request.url, wanted.url) &&
    sameBody(request.body, wanted.body)
  );
}

function samePath(a: string, b: string): boolean {
  const left = new URL(a);
  const right = new URL(b);
  return left.pathname === right.pathname && left.search === right.search;
}

function sameBody(recorded: string | null, sent: string | null): boolean {
  if (recorded === sent) return true;
  if (recorded === null || sent === null) return false;
  try {
    return JSON.stringify(sortKeys(JSON.parse(recorded))) === JSON.stringify(sortKeys(JSON.parse(sent)));
  } catch {
    return false;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

function describeRequest({
  method,
  url,
  body,
}: {
  method: string;
  url: string;
  body: string | null;
}): string {
  const { pathname, search } = new URL(url);
  const shown = body === null ? 'no body' : `body ${body.length > 300 ? `${body.slice(0, 300)}…` : body}`;
  return `${method.toUpperCase()} ${pathname}${search} with ${shown}`;
}

// The closest candidate: same method and path first, then the longest common body prefix.
function noMatchMessage(wanted: Wanted, candidates: Interaction[], total: number): string {
  const head = `No recorded interaction matches ${describeRequest(wanted)}.`;
  if (candidates.length === 0) return `${head} All ${total} recorded interactions were used.`;
  const score = ({ request }: Interaction) =>
    (request.method.toUpperCase() === wanted.method.toUpperCase() ? 2 : 0) +
    (new URL(request.url).pathname === new URL(wanted.url).pathname ? 1 : 0) +
    commonPrefix(request.body ?? '', wanted.body ?? '') / 1e6;
  const closest = candidates.reduce((best, item) => (score(item) > score(best) ? item : best));
  return `${head} Closest recorded: ${describeRequest(closest.request satisfies CassetteRequest)}.`;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
