import type { SseOut } from './route-result.js';

/** An event whose data is JSON. */
export const jsonEvent = (data: unknown, event?: string): SseOut =>
  event === undefined ? { data: JSON.stringify(data) } : { event, data: JSON.stringify(data) };

/** The wire form of one event. */
export function serialiseEvent({ event, data }: SseOut): string {
  const lines = data.split('\n').map((line) => `data: ${line}`);
  return `${event === undefined ? '' : `event: ${event}\n`}${lines.join('\n')}\n\n`;
}
