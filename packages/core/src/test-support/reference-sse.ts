import type { SseEvent } from '../sse/sse-decoder.js';

/**
 * The WHATWG event-stream interpretation, written as plainly as the spec reads, for property tests to
 * compare the incremental decoder with: the whole text at once, split on CRLF, LF or CR, the last line
 * (without its line end) dropped, events dispatched at blank lines.
 */
export function referenceEvents(text: string): SseEvent[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  lines.pop(); // what follows the last line end is not a line yet
  const events: SseEvent[] = [];
  let data = '';
  let hasData = false;
  let eventType = '';
  let lastId = '';
  for (const line of lines) {
    if (line === '') {
      if (hasData) events.push({ event: eventType || 'message', data, id: lastId });
      data = '';
      hasData = false;
      eventType = '';
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') {
      data = hasData ? `${data}\n${value}` : value;
      hasData = true;
    } else if (name === 'event') eventType = value;
    else if (name === 'id' && !value.includes('\0')) lastId = value;
  }
  return events;
}
