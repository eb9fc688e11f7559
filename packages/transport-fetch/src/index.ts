export type { FetchInit, FetchLike, FetchResponseLike } from './fetch-like.js';
export { createFetchTransport, type FetchTransportOptions } from './fetch-transport.js';
