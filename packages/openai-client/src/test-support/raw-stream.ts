import type { MockResponseInit } from '@wireai/testing';

/** A 200 event-stream reply written chunk by chunk, exactly as given (single-newline framing and all). */
export function rawStream(chunks: readonly string[]): MockResponseInit {
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
    body: (async function* () {
      yield* chunks;
    })(),
  };
}

/** Chat chunks carrying `content` pieces, one `data:` line each, ended by one line break only. */
export function singleNewlineChat(pieces: readonly string[]): string[] {
  return [
    ...pieces.map(
      (content, index) =>
        `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index, delta: { content } }] })}\n`,
    ),
    'data: [DONE]\n',
  ];
}
