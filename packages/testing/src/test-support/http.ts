import { createSseDecoder, type SseEvent } from '@wireai/core';

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> & { error?: Record<string, unknown> };
}

export interface StreamResult {
  status: number;
  headers: Headers;
  events: SseEvent[];
  discarded: boolean;
}

/** A JSON request with plain fetch, as a client that knows nothing of wireai would send it. */
export async function call(
  baseURL: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<CallResult> {
  const response = await fetch(`${baseURL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as CallResult['json'] };
}

/** Reads an event stream to its end with plain fetch and wireai's decoder. */
export async function stream(baseURL: string, path: string, body: unknown): Promise<StreamResult> {
  const response = await fetch(`${baseURL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const events: SseEvent[] = [];
  const decoder = createSseDecoder({ onEvent: (event) => events.push(event) });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    decoder.push(value);
  }
  const { discarded } = decoder.end();
  return { status: response.status, headers: response.headers, events, discarded };
}
