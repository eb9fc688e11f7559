import { expect } from 'vitest';
import { printed } from '../harness/context.js';

// A stream cut inside its second event, as the README's end() comment describes.
const bytes = new TextEncoder().encode('event: greeting\ndata: hello\n\ndata: cut sho');

// #region readme

import { createSseDecoder } from '@wireai/core';

const decoder = createSseDecoder({ onEvent: (event) => console.log(event.event, event.data) });
decoder.push(bytes); // as many chunks as arrive, split anywhere
const { discarded } = decoder.end(); // true when the stream stopped inside an event
// #endregion readme

expect(printed()).toBe('greeting hello\n');
expect(discarded).toBe(true);
