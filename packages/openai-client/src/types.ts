import type { components } from './generated/openai.js';

/** Named types from the official description, for the endpoints the client covers. */
type Schemas = components['schemas'];

export type ChatCompletionMessage = Schemas['ChatCompletionRequestMessage'];
export type ChatCompletionRequest = Schemas['CreateChatCompletionRequest'];
export type ChatCompletion = Schemas['CreateChatCompletionResponse'];
export type ChatCompletionChunk = Schemas['CreateChatCompletionStreamResponse'];
export type ResponseInput = Schemas['InputParam'];
export type ResponseRequest = Schemas['CreateResponse'];
export type Response = Schemas['Response'];
export type ResponseStreamEvent = Schemas['ResponseStreamEvent'];
export type CompletionRequest = Schemas['CreateCompletionRequest'];
export type Completion = Schemas['CreateCompletionResponse'];
export type EmbeddingRequest = Schemas['CreateEmbeddingRequest'];
export type EmbeddingList = Schemas['CreateEmbeddingResponse'];
export type ModerationRequest = Schemas['CreateModerationRequest'];
export type Moderation = Schemas['CreateModerationResponse'];
export type Model = Schemas['Model'];
export type ModelList = Schemas['ListModelsResponse'];
export type FileObject = Schemas['OpenAIFile'];
export type FileList = Schemas['ListFilesResponse'];
export type FileDeleted = Schemas['DeleteFileResponse'];
export type ImageRequest = Schemas['CreateImageRequest'];
export type Images = Schemas['ImagesResponse'];
export type Assistant = Schemas['AssistantObject'];
export type AssistantList = Schemas['ListAssistantsResponse'];
export type Thread = Schemas['ThreadObject'];
export type ThreadDeleted = Schemas['DeleteThreadResponse'];
export type ThreadMessage = Schemas['MessageObject'];
export type ThreadMessageList = Schemas['ListMessagesResponse'];
export type ErrorBody = Schemas['ErrorResponse'];

/** `DELETE /responses/{id}` (the description gives no named schema). */
export interface ResponseDeleted {
  id: string;
  object: 'response.deleted' | (string & {});
  deleted: boolean;
}

/** `GET /threads`: lua-openai calls it though the description has no list of threads. */
export interface ThreadList {
  object: 'list';
  data: Thread[];
  first_id?: string | null;
  last_id?: string | null;
  has_more?: boolean;
}

/**
 * What every call resolves: the status, the body and headers, discriminated by `ok` (a 2xx status), so
 * `if (result.ok)` narrows `body` to the endpoint's type. A non-2xx body is the parsed JSON (usually
 * `{ error: { message, type, param, code } }`) or, when it is not JSON, the raw text, as lua-openai returns it.
 */
export type Result<T> =
  | {
      readonly ok: true;
      readonly status: number;
      readonly body: T;
      readonly headers: Readonly<Record<string, string>>;
      readonly requestId: string | undefined;
    }
  | {
      readonly ok: false;
      readonly status: number;
      readonly body: unknown;
      readonly headers: Readonly<Record<string, string>>;
      readonly requestId: string | undefined;
    };
