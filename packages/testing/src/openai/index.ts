export type { JsonSchema } from './default-replies.js';
export { MAX_JSON_DEPTH } from './json-body.js';
export {
  createMockOpenAI,
  DEFAULT_MAX_BODY_BYTES,
  type MockClock,
  type MockOpenAI,
  type MockOpenAIOptions,
  type MockOpenAIServer,
  type RecordedOpenAIRequest,
  type RouteHandler,
  type RouteKey,
  startMockOpenAI,
} from './mock-openai.js';
export { DEFAULT_REQUEST_LOG_SIZE } from './request-log.js';
export type { EndpointRequest, Fault, ScriptedContent, ScriptedReply } from './route-result.js';
export { MOCK_PNG_BASE64 } from './routes/images.js';
export { MOCK_MODELS } from './routes/models.js';
