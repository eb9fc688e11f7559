import type { components } from './generated/openai.js';

/** Named types from the official description, for the endpoints the client covers. */
type Schemas = components['schemas'];

/** One message of a chat completion request (system, user, assistant, tool…). */
export type ChatCompletionMessage = Schemas['ChatCompletionRequestMessage'];
/** The body of `POST /chat/completions`. */
export type ChatCompletionRequest = Schemas['CreateChatCompletionRequest'];
/** A chat completion, as `POST /chat/completions` returns it without streaming. */
export type ChatCompletion = Schemas['CreateChatCompletionResponse'];
/** One chunk of a streamed chat completion. */
export type ChatCompletionChunk = Schemas['CreateChatCompletionStreamResponse'];
/** The `input` of `POST /responses`: a string or a list of input items. */
export type ResponseInput = Schemas['InputParam'];
/** The body of `POST /responses`. */
export type ResponseRequest = Schemas['CreateResponse'];
/** A response object, from `POST /responses` or `GET /responses/{id}`. */
export type Response = Schemas['Response'];
/** One event of a streamed response (`response.created`, `response.output_text.delta`, …). */
export type ResponseStreamEvent = Schemas['ResponseStreamEvent'];
/** The body of `POST /completions` (legacy text completions). */
export type CompletionRequest = Schemas['CreateCompletionRequest'];
/** What `POST /completions` returns. */
export type Completion = Schemas['CreateCompletionResponse'];
/** The body of `POST /embeddings`. */
export type EmbeddingRequest = Schemas['CreateEmbeddingRequest'];
/** What `POST /embeddings` returns: one embedding per input. */
export type EmbeddingList = Schemas['CreateEmbeddingResponse'];
/** The body of `POST /moderations`. */
export type ModerationRequest = Schemas['CreateModerationRequest'];
/** What `POST /moderations` returns. */
export type Moderation = Schemas['CreateModerationResponse'];
/** A model, as `GET /models/{id}` returns it. */
export type Model = Schemas['Model'];
/** What `GET /models` returns. */
export type ModelList = Schemas['ListModelsResponse'];
/** An uploaded file's metadata (`POST /files`, `GET /files/{id}`). */
export type FileObject = Schemas['OpenAIFile'];
/** What `GET /files` returns. */
export type FileList = Schemas['ListFilesResponse'];
/** What `DELETE /files/{id}` returns. */
export type FileDeleted = Schemas['DeleteFileResponse'];
/** The body of `POST /images/generations`. */
export type ImageRequest = Schemas['CreateImageRequest'];
/** What `POST /images/generations` returns. */
export type Images = Schemas['ImagesResponse'];
/** An assistant of the Assistants API. */
export type Assistant = Schemas['AssistantObject'];
/** What `GET /assistants` returns. */
export type AssistantList = Schemas['ListAssistantsResponse'];
/** A thread of the Assistants API. */
export type Thread = Schemas['ThreadObject'];
/** What `DELETE /threads/{id}` returns. */
export type ThreadDeleted = Schemas['DeleteThreadResponse'];
/** A message in an Assistants API thread. */
export type ThreadMessage = Schemas['MessageObject'];
/** What `GET /threads/{id}/messages` returns. */
export type ThreadMessageList = Schemas['ListMessagesResponse'];
/** The usual body of a non-2xx answer: `{ error: { message, type, param, code } }`. */
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
