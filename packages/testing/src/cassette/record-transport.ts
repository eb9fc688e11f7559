import {
  sources,
  type Transport,
  TransportError,
  type TransportRequest,
  type TransportResponse,
} from '@wireai/core';
import { redactHeaders, redactUrlSecrets } from '../redact.js';
import {
  type Cassette,
  type CassetteChunk,
  encodeBytes,
  type Interaction,
  writeCassette,
} from './cassette.js';

/** Options of `recordTransport`. */
export interface RecordOptions {
  /** Keep the time between chunks, so a replay can reproduce the pacing (default false). */
  timing?: boolean;
  /** A last change to each interaction before it is written (redact a body field, say). */
  redact?: (interaction: Interaction) => Interaction;
}

/** A transport that records what it sends through another one (see `recordTransport`). */
export interface RecordingTransport extends Transport {
  /** The interactions recorded so far (also written to the file after each one). */
  readonly cassette: Cassette;
}

/**
 * Sends through `inner` and writes every exchange to the JSON cassette `file`, chunk by chunk, after each
 * one settles. Secrets never reach the file: `Authorization`, `api-key` and similar headers, `Set-Cookie`,
 * and key query parameters are redacted.
 */
export function recordTransport(
  inner: Transport,
  file: string,
  options: RecordOptions = {},
): RecordingTransport {
  const cassette: Cassette = { version: 1, interactions: [] };

  async function request(request: TransportRequest): Promise<TransportResponse> {
    // The body is read once so it can be both recorded and sent.
    const body = request.source === undefined ? undefined : await sources.readAll(request.source);
    const encoded = body === undefined || body.byteLength === 0 ? undefined : encodeBytes(body);
    const interaction: Interaction = {
      request: {
        method: request.method,
        url: redactUrlSecrets(request.url),
        headers: redactHeaders(request.headers),
        body: encoded === undefined ? null : 'text' in encoded ? encoded.text : encoded.base64,
        ...(encoded && 'base64' in encoded ? { bodyEncoding: 'base64' as const } : {}),
      },
    };
    const chunks: CassetteChunk[] = [];
    let seenHead: TransportResponse | undefined;
    let last = performance.now();
    const stamp = (chunk: CassetteChunk): CassetteChunk => {
      if (!options.timing) return chunk;
      const now = performance.now();
      const delayMs = Math.round(now - last);
      last = now;
      return { ...chunk, delayMs };
    };
    try {
      const head = await inner.request({
        ...request,
        ...(body === undefined ? {} : { source: body }),
        onHeaders: (value) => {
          seenHead = value;
          last = performance.now();
          return request.onHeaders?.(value);
        },
        sink: (chunk) => {
          if (chunk !== null) chunks.push(stamp(encodeBytes(chunk)));
          return request.sink?.(chunk);
        },
      });
      interaction.response = responseOf(head, chunks);
      return head;
    } catch (error) {
      // A transport failure replays as that failure; a failure of the caller's own sink replays the
      // response as far as it came, so the caller's code meets the same bytes again.
      if (TransportError.isInstance(error)) interaction.error = { code: error.code, message: error.message };
      else if (seenHead) interaction.response = responseOf(seenHead, chunks);
      else
        interaction.error = {
          code: 'UNKNOWN',
          message: error instanceof Error ? error.message : String(error),
        };
      throw error;
    } finally {
      cassette.interactions.push(options.redact ? options.redact(interaction) : interaction);
      writeCassette(file, cassette);
    }
  }

  // The request goes to `inner` as it is, `timeout` included: it keeps the limit if `inner` does.
  return {
    name: `record(${inner.name})`,
    ...(inner.supportsTimeout === true ? { supportsTimeout: true } : {}),
    request,
    cassette,
  };
}

function responseOf(head: TransportResponse, chunks: CassetteChunk[]) {
  return { status: head.status, headers: redactHeaders(head.headers), statusLine: head.statusLine, chunks };
}
