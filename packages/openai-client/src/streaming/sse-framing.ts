import type { SseFraming } from '@wireai/core';

/**
 * How a streamed reply is split into events (`ClientConfig.sseFraming`, `CallOptions.sseFraming`, a
 * preset's `sseFraming`): `'strict'`, the WHATWG rules and the default; or `'lenient'`, for servers and
 * proxies that end each `data:` line with one line break and never send the blank line between events:
 * a `data:` line holding a whole JSON value (or `[DONE]`) then ends its event, as lua-openai's
 * line-based reader takes it. See `SseFraming` in `@wireai/core`.
 */
export type StreamFraming = SseFraming;
