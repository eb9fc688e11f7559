import { createSseDecoder } from '@wireai/core';
import { chunked, medianMs, mib } from './measure.js';

/**
 * Decoding time must grow linearly with the size of a single event: a decoder that rescans or re-joins
 * its partial line on every chunk is quadratic, and a 30 MiB event (a base64 image) would stall it.
 * Measures MB/s for one 3 MiB and one 30 MiB `data` line arriving in 64 KiB chunks, beside the floor
 * (a streaming `TextDecoder` pass that joins the text, which any decoder must at least do).
 */
export function sseLinearity(): { rows: string[][]; ratio: number } {
  const rows: string[][] = [];
  const rates: number[] = [];
  for (const size of [3 * 1024 * 1024, 30 * 1024 * 1024]) {
    const stream = new TextEncoder().encode(`data: ${'A'.repeat(size)}\n\n`);
    const chunks = chunked(stream, 64 * 1024);
    let decodedLength = 0;
    const ms = medianMs(() => {
      const decoder = createSseDecoder({
        onEvent: (event) => {
          decodedLength = event.data.length;
        },
      });
      for (const chunk of chunks) decoder.push(chunk);
      decoder.end();
    });
    if (decodedLength !== size) throw new Error(`decoded ${decodedLength} characters, expected ${size}`);
    const floorMs = medianMs(() => {
      const utf8 = new TextDecoder();
      let text = '';
      for (const chunk of chunks) text += utf8.decode(chunk, { stream: true });
      decodedLength = text.charCodeAt(text.length - 1); // flattens the joined string, as the decoder does
    });
    const rate = mib(stream.length) / (ms / 1000);
    const floorRate = mib(stream.length) / (floorMs / 1000);
    rates.push(rate);
    rows.push([
      `${mib(size)} MiB event`,
      ms.toFixed(1),
      rate.toFixed(0),
      floorRate.toFixed(0),
      (rate / floorRate).toFixed(2),
    ]);
  }
  const ratio = Math.max(...rates) / Math.min(...rates);
  return { rows, ratio };
}
