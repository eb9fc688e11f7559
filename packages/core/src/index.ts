export { LimitExceededError } from './errors/limit-exceeded-error.js';
export { type FailureContext, toTransportError } from './errors/to-transport-error.js';
export {
  redactUrl,
  TRANSPORT_ERROR_CODES,
  TransportError,
  type TransportErrorCode,
  type TransportErrorOptions,
} from './errors/transport-error.js';
export { errorBrand, WireaiError, type WireaiErrorOptions } from './errors/wireai-error.js';
export { type FetchFunction, toFetch } from './fetch/to-fetch.js';
export {
  BodyTooLargeError,
  type CollectOptions,
  type Collector,
  IncompleteBodyError,
} from './ltn12/collect.js';
export type { Filter } from './ltn12/filter.js';
export { readableChunks } from './ltn12/readable-chunks.js';
export {
  ConsumerStoppedError,
  type SinkIterable,
  type SinkIterableOptions,
  sinkToAsyncIterable,
} from './ltn12/sink-iterable.js';
export { sinks } from './ltn12/sinks.js';
export { concatBytes, sources } from './ltn12/sources.js';
export { redactText, ScrubbedError, scrubError } from './security/scrub.js';
export { isSecretHeader, SECRET_HEADERS } from './security/secret-headers.js';
export {
  createSseDecoder,
  type SseDecoder,
  type SseDecoderHandlers,
  type SseDecoderOptions,
  type SseEvent,
  type SseFraming,
} from './sse/sse-decoder.js';
export type { SseSinkOptions } from './sse/sse-sink.js';
export { CallerFailure } from './transport/caller-failure.js';
export type { Sink, Source, Transport, TransportRequest, TransportResponse } from './transport/contract.js';
export {
  type ExchangeOptions,
  type HopRequest,
  type OpenedResponse,
  type OpenHop,
  runExchange,
} from './transport/exchange.js';
export { formatStatusLine, rawHeaderPairs, toHeaderRecord } from './transport/header-record.js';
export type { HopSignal } from './transport/hop-signal.js';
export { type Hop, redirectHop } from './transport/redirect-policy.js';
