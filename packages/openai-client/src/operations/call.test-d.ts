import { describe, expectTypeOf, test } from 'vitest';
import type { OpenAI } from '../client.js';
import type { components } from '../generated/openai-api.js';
import type { OPERATION_KEYS } from '../test-support/operation-keys.js';
import type { Result } from '../types.js';
import type {
  OperationArgs,
  OperationBody,
  OperationKey,
  OperationParams,
  OperationPathParams,
  OperationQuery,
  OperationResult,
} from './operation-types.js';

declare const client: OpenAI;
type Schemas = components['schemas'];

// OPERATION_KEYS is generated from spec/openai-openapi.yaml by scripts/generate-types.mjs (check:generated
// keeps it current), independently of the mapped type over `paths` that `OperationKey` is.
type Listed = (typeof OPERATION_KEYS)[number];

/** The keys for which `T<K>` is `never`: each check below wants none. */
type Unresolved<F extends { [K in OperationKey]: unknown }> = {
  [K in OperationKey]: [F[K]] extends [never] ? K : never;
}[OperationKey];

describe('every operation of the description', () => {
  test('OperationKey is exactly the generated list of 288 operations', () => {
    expectTypeOf<Listed>().toEqualTypeOf<OperationKey>();
    expectTypeOf<(typeof OPERATION_KEYS)['length']>().toEqualTypeOf<288>();
  });

  test('each key has parameters and a result type', () => {
    expectTypeOf<Unresolved<{ [K in OperationKey]: OperationParams<K> }>>().toBeNever();
    expectTypeOf<Unresolved<{ [K in OperationKey]: OperationArgs<K> }>>().toBeNever();
    expectTypeOf<Unresolved<{ [K in OperationKey]: OperationResult<K> }>>().toBeNever();
  });

  test('call() accepts each key with its parameters and resolves its Result', () => {
    type Calls = { [K in OperationKey]: ReturnType<typeof client.call<K>> };
    expectTypeOf<Unresolved<Calls>>().toBeNever();
    expectTypeOf<{ [K in OperationKey]: Parameters<typeof client.call<K>> }>().toEqualTypeOf<{
      [K in OperationKey]: [key: K, ...params: OperationArgs<K>];
    }>();
    expectTypeOf<Calls['POST /batches']>().toEqualTypeOf<Promise<Result<Schemas['Batch']>>>();
  });

  test('every operation with a JSON body types it', () => {
    type JsonBodied = {
      [K in OperationKey]: OperationBody<K> extends never ? never : K;
    }[OperationKey];
    expectTypeOf<'POST /batches'>().toExtend<JsonBodied>();
    expectTypeOf<'POST /uploads/{upload_id}/parts'>().not.toExtend<JsonBodied>();
  });
});

describe('targeted operations', () => {
  test('a path parameter is required, by its own name', () => {
    expectTypeOf<OperationPathParams<'GET /vector_stores/{vector_store_id}'>>().toEqualTypeOf<{
      vector_store_id: string;
    }>();
    void client.call('GET /vector_stores/{vector_store_id}', { path: { vector_store_id: 'vs_1' } });
    // @ts-expect-error the parameter is vector_store_id
    void client.call('GET /vector_stores/{vector_store_id}', { path: { id: 'vs_1' } });
    // @ts-expect-error path parameters are required
    void client.call('GET /vector_stores/{vector_store_id}');
    void client.call('GET /vector_stores/{vector_store_id}/files/{file_id}', {
      // @ts-expect-error two parameters, both required
      path: { vector_store_id: 'vs_1' },
    });
    // @ts-expect-error an operation without path parameters takes none
    void client.call('GET /batches', { path: { batch_id: 'b' } });
  });

  test('an unknown key, or a method the path lacks, is a type error', () => {
    // @ts-expect-error not in the description
    void client.call('POST /batchez', { body: {} });
    // @ts-expect-error /batches/{batch_id} has no DELETE
    void client.call('DELETE /batches/{batch_id}', { path: { batch_id: 'b' } });
    // @ts-expect-error methods are upper case
    void client.call('post /batches', { body: {} });
  });

  test('the body is the operation’s schema, required where the description requires it', () => {
    expectTypeOf<OperationBody<'POST /batches'>>().toHaveProperty('input_file_id');
    void client.call('POST /batches', {
      body: { input_file_id: 'file_1', endpoint: '/v1/chat/completions', completion_window: '24h' },
    });
    void client.call('POST /batches', {
      // @ts-expect-error completion_window is '24h'
      body: { input_file_id: 'f', endpoint: '/v1/chat/completions', completion_window: '1h' },
    });
    // @ts-expect-error the body is required
    void client.call('POST /batches');
    // @ts-expect-error GET takes no body
    void client.call('GET /batches', { body: {} });
  });

  test('the query is typed, optional when no parameter is required', () => {
    expectTypeOf<OperationQuery<'GET /vector_stores'>>().toEqualTypeOf<{
      after?: string;
      before?: string;
      limit?: number;
      order?: 'asc' | 'desc';
    }>();
    void client.call('GET /vector_stores', { query: { limit: 2, order: 'asc' } });
    void client.call('GET /vector_stores');
    // @ts-expect-error order is 'asc' or 'desc'
    void client.call('GET /vector_stores', { query: { order: 'up' } });
    // @ts-expect-error start_time is required
    void client.call('GET /organization/costs', {});
  });

  test('a multipart operation takes rawBody, not body', () => {
    void client.call('POST /uploads/{upload_id}/parts', {
      path: { upload_id: 'upload_1' },
      rawBody: { source: new Uint8Array(), contentType: 'multipart/form-data; boundary=x' },
    });
    // @ts-expect-error a multipart body is built by the caller
    void client.call('POST /uploads/{upload_id}/parts', { path: { upload_id: 'u' }, body: { data: 'x' } });
  });

  test('results come from the 2xx schema', () => {
    expectTypeOf<OperationResult<'GET /vector_stores/{vector_store_id}'>>().toEqualTypeOf<
      Schemas['VectorStoreObject']
    >();
    expectTypeOf<OperationResult<'POST /uploads'>>().toEqualTypeOf<Schemas['Upload']>();
    expectTypeOf<OperationResult<'GET /batches'>>().toEqualTypeOf<Schemas['ListBatchesResponse']>();
  });

  test('call options sit beside the parameters', () => {
    void client.call('GET /batches', { timeout: 1000, maxRetries: 0, headers: { 'x-a': 'b' } });
  });
});
