export { rejectionOf } from './assertions/rejection-of.js';
export * from './cassette/index.js';
export { type LoopbackCertificate, loopbackCertificate } from './conformance/loopback-certificate.js';
export { resetConnection } from './mock/faults.js';
export type { MockBody, MockHandler, MockRequest, MockResponseInit } from './mock/mock-handler.js';
export { createMockTransport, type MockTransport, type RecordedRequest } from './mock/mock-transport.js';
export { type HandlerServer, type ServeOptions, serveHandler } from './mock/serve-handler.js';
export * from './openai/index.js';
export {
  CHAT_STREAM_QUIRKS,
  type ChatStreamFixture,
  type FixtureToolCall,
  GEMINI_THOUGHT_SIGNATURE,
} from './provider-streams/chat-stream-quirks.js';
export {
  eventsOf,
  type StreamServer,
  startStreamServer,
  textStream,
} from './provider-streams/stream-server.js';
export { REDACTED, redactHeaders, redactUrlSecrets } from './redact.js';
