import type { Source } from '@wireai/core';
import type { operations, paths } from '../generated/openai-api.js';
import type { CallOptions } from '../request/send-request.js';

/** The HTTP methods the official description uses, as `client.call()` spells them. */
export type OperationMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Defined<T> = [T] extends [never] ? never : Exclude<T, undefined>;

/**
 * Every operation of the official OpenAI description as `'METHOD /path'`, e.g. `'POST /batches'` or
 * `'GET /vector_stores/{vector_store_id}'`: what `client.call()` takes first.
 */
export type OperationKey = {
  [P in keyof paths & string]: {
    [M in OperationMethod]: [Defined<paths[P][Lowercase<M>]>] extends [never] ? never : `${M} ${P}`;
  }[OperationMethod];
}[keyof paths & string];

/** The generated operation (`operations['createBatch']`) behind a key. */
export type OperationOf<K extends OperationKey> = K extends `${infer M} ${infer P}`
  ? P extends keyof paths
    ? Lowercase<M> extends keyof paths[P]
      ? Defined<paths[P][Lowercase<M>]>
      : never
    : never
  : never;

/** The `operationId`s of the description (`createBatch`, `getVectorStore`…). */
export type OperationId = keyof operations;

type ParametersOf<O> = O extends { parameters: infer Q } ? Q : never;
type ParameterGroup<O, G extends 'path' | 'query'> = G extends keyof ParametersOf<O>
  ? Defined<ParametersOf<O>[G]>
  : never;

/** The path parameters of an operation, by name (`{ vector_store_id: string }`); `never` when it has none. */
export type OperationPathParams<K extends OperationKey> = ParameterGroup<OperationOf<K>, 'path'>;

/** The query parameters of an operation (`{ after?, limit?, order? }`); `never` when it has none. */
export type OperationQuery<K extends OperationKey> = ParameterGroup<OperationOf<K>, 'query'>;

type RequestContent<O> = O extends { requestBody?: infer B }
  ? Defined<B> extends { content: infer C }
    ? C
    : never
  : never;

/** The JSON body an operation takes; `never` when it takes none, or only a body that is not JSON. */
export type OperationBody<K extends OperationKey> =
  RequestContent<OperationOf<K>> extends infer C
    ? 'application/json' extends keyof C
      ? C['application/json']
      : never
    : never;

/** The content types an operation's body may have (`'application/json'`, `'multipart/form-data'`…). */
export type OperationBodyContentType<K extends OperationKey> = keyof RequestContent<OperationOf<K>> & string;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;
type Responses<O> = O extends { responses: infer R } ? R : never;
type JsonContent<R> = R extends { content: infer C }
  ? 'application/json' extends keyof C
    ? C['application/json']
    : unknown
  : undefined;

/**
 * The body of an operation's 2xx answer, from its `application/json` schema; `undefined` when the
 * description gives it no content, `unknown` when its content is not JSON (which `call()` cannot read).
 */
export type OperationResult<K extends OperationKey> = {
  [S in keyof Responses<OperationOf<K>> & SuccessStatus]: JsonContent<Responses<OperationOf<K>>[S]>;
}[keyof Responses<OperationOf<K>> & SuccessStatus];

type BodyRequired<O> = O extends { requestBody: unknown } ? true : false;
// An object with no keys: it extends T exactly when every key of T is optional.
type Empty = Record<never, never>;
type HasRequired<T> = [T] extends [never] ? false : Empty extends T ? false : true;

type PathPart<K extends OperationKey> = [OperationPathParams<K>] extends [never]
  ? { path?: undefined }
  : { path: OperationPathParams<K> };

type QueryPart<K extends OperationKey> = [OperationQuery<K>] extends [never]
  ? { query?: undefined }
  : HasRequired<OperationQuery<K>> extends true
    ? { query: OperationQuery<K> }
    : { query?: OperationQuery<K> };

/** A body that is not JSON (multipart, SDP): its bytes or chunks and content type, built by the caller. */
export interface RawBody {
  source: Source;
  contentType: string;
}

type BodyPart<K extends OperationKey> = [RequestContent<OperationOf<K>>] extends [never]
  ? { body?: undefined; rawBody?: undefined }
  : [OperationBody<K>] extends [never]
    ? BodyRequired<OperationOf<K>> extends true
      ? { body?: undefined; rawBody: RawBody }
      : { body?: undefined; rawBody?: RawBody }
    : BodyRequired<OperationOf<K>> extends true
      ? { body: OperationBody<K>; rawBody?: undefined }
      : { body?: OperationBody<K>; rawBody?: undefined };

/**
 * What `client.call(key, params)` takes for one operation: `path` (its path parameters, required when
 * it has any), `query`, the JSON `body` (or `rawBody` for a multipart or other non-JSON operation), and
 * the call options (`signal`, `timeout`, `maxRetries`, `headers`, limits).
 */
export type OperationParams<K extends OperationKey> = PathPart<K> &
  QueryPart<K> &
  BodyPart<K> &
  Omit<CallOptions, 'query'>;

type AllOptional<T> = Empty extends T ? true : false;

/** The parameters as `call()`'s rest argument: optional when the operation needs none. */
export type OperationArgs<K extends OperationKey> =
  AllOptional<OperationParams<K>> extends true ? [params?: OperationParams<K>] : [params: OperationParams<K>];
