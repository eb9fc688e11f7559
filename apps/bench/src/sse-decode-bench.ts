import { createSseDecoder } from '@wireai/core';
import { createParser } from 'eventsource-parser';
import { mib } from './measure.js';
import { interleave } from './rounds.js';

/**
 * Event bytes shaped like a recorded OpenAI chat stream (every field a real chunk carries, about 260
 * bytes an event, varied content with multi-byte characters), split at random sizes up to 32 KiB.
 */
function recordedStream(totalBytes: number): { chunks: Uint8Array[]; events: number } {
  const encoder = new TextEncoder();
  const words = [
    'Hello',
    ' world',
    ',',
    ' the',
    ' quick',
    ' brown',
    ' fox',
    ' — ',
    ' naïve',
    ' café',
    ' 😀',
    '\\n',
  ];
  const parts: string[] = [];
  let size = 0;
  let events = 0;
  while (size < totalBytes) {
    const event = `data: {"id":"chatcmpl-BXyZq2Lk9vNw8sTgHcR4mPjD1fEo","object":"chat.completion.chunk","created":1747000000,"model":"gpt-4.1-2025-04-14","service_tier":"default","system_fingerprint":"fp_b3f1157249","choices":[{"index":0,"delta":{"content":"${words[events % words.length]}"},"logprobs":null,"finish_reason":null}],"obfuscation":"${(events * 7919).toString(36).slice(0, 6)}"}\n\n`;
    parts.push(event);
    size += event.length;
    events++;
  }
  const bytes = encoder.encode(parts.join(''));
  const chunks: Uint8Array[] = [];
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let offset = 0; offset < bytes.length; ) {
    const length = 1 + Math.floor(random() * 32_768);
    chunks.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return { chunks, events };
}

interface Decoder {
  name: string;
  run(chunks: Uint8Array[]): number;
}

const decoders: Decoder[] = [
  {
    name: 'floor: one TextDecoder pass',
    run(chunks) {
      const utf8 = new TextDecoder();
      let length = 0;
      for (const chunk of chunks) length += utf8.decode(chunk, { stream: true }).length;
      return length;
    },
  },
  {
    name: 'wireai createSseDecoder',
    run(chunks) {
      let events = 0;
      const decoder = createSseDecoder({ onEvent: () => void events++ });
      for (const chunk of chunks) decoder.push(chunk);
      decoder.end();
      return events;
    },
  },
  {
    name: 'eventsource-parser',
    run(chunks) {
      let events = 0;
      const utf8 = new TextDecoder();
      const parser = createParser({ onEvent: () => void events++ });
      for (const chunk of chunks) parser.feed(utf8.decode(chunk, { stream: true }));
      return events;
    },
  },
];

/** SSE decoding alone on `sizeMiB` of event bytes in random chunk sizes: MB/s. */
export async function sseDecodeBench({
  sizeMiB,
  rounds,
}: {
  sizeMiB: number;
  rounds: number;
}): Promise<Map<string, number>> {
  const { chunks, events } = recordedStream(sizeMiB * 1024 * 1024);
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  for (const decoder of decoders) decoder.run(chunks.slice(0, 200));
  return interleave(decoders, rounds, async (decoder) => {
    const started = performance.now();
    const result = decoder.run(chunks);
    const elapsed = performance.now() - started;
    if (decoder.name !== decoders[0]?.name && result !== events)
      throw new Error(`${decoder.name} decoded ${result} of ${events} events`);
    return mib(total) / (elapsed / 1000);
  });
}
