import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The description's validator lives in @wireai/testing's test support (ajv over spec/openai-openapi.yaml).
// It is imported by URL at run time: this package's tsconfig (rootDir src) cannot include it statically.
interface OpenAPIParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}
interface Content {
  content?: Record<string, { schema?: object }>;
}
interface OpenAPIValidator {
  openapiOperation(
    method: string,
    path: string,
  ):
    | {
        key: string;
        operation: { requestBody?: Content & { required?: boolean }; responses?: Record<string, Content> };
        pathParams: Record<string, string>;
        parameters: OpenAPIParameter[];
      }
    | undefined;
  openapiSchemaErrors(schema: object, value: unknown): string[];
  openapiResolve<T>(node: unknown): T;
}
const VALIDATOR = new URL('../../../testing/src/test-support/openapi.ts', import.meta.url).href;

/** One request the peer received, as it understood it. */
export interface PeerRequest {
  /** The operation, `'METHOD /template'`. */
  key: string;
  path: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** The JSON body, or for multipart the names of its parts. */
  body: unknown;
}

/** A 127.0.0.1 server that checks each request against the official description and answers canned bodies. */
export interface SpecPeer {
  /** `http://127.0.0.1:<port>/v1` */
  readonly baseURL: string;
  readonly requests: PeerRequest[];
  /** Every way a request, or a canned answer, broke the description. A test expects none (and empties it). */
  readonly problems: string[];
  close(): Promise<void>;
}

/** The canned answer of an operation: a body, or a function of the request. Validated before it is sent. */
export type PeerReplies = Record<string, unknown | ((request: PeerRequest) => unknown)>;

/**
 * Starts a spec-validated peer: each request's operation is found by method and path in the official
 * description, its path parameters, query and body validated against the operation's schemas, and the
 * canned reply for its key validated against the 2xx response schema. A problem answers 400 and is kept
 * in `problems`.
 */
export async function startSpecPeer(replies: PeerReplies): Promise<SpecPeer> {
  const openapi = (await import(/* @vite-ignore */ VALIDATOR)) as OpenAPIValidator;
  warm(openapi, Object.keys(replies));
  const requests: PeerRequest[] = [];
  const problems: string[] = [];
  const server: Server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      const found: string[] = [];
      const answer = handle(openapi, request, raw, replies, requests, found);
      problems.push(...found);
      response.setHeader('content-type', 'application/json');
      response.setHeader('x-request-id', `req_${requests.length}`);
      if (found.length > 0) {
        response.statusCode = 400;
        response.end(JSON.stringify({ error: { message: found.join('; '), type: 'invalid_request_error' } }));
      } else {
        response.statusCode = answer.status;
        response.end(JSON.stringify(answer.body));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    problems,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// Loading the description and compiling its schemas takes seconds: done here, once, so no test's own
// time limit pays for it.
function warm(openapi: OpenAPIValidator, keys: string[]): void {
  for (const key of keys) {
    const [method = '', path = ''] = key.split(' ');
    const match = openapi.openapiOperation(method, path);
    if (!match) throw new Error(`spec peer: ${key} is not an operation of the description`);
    const schemas = [
      ...Object.values(openapi.openapiResolve<Content>(match.operation.requestBody)?.content ?? {}),
      ...Object.values(match.operation.responses ?? {}).flatMap((response) =>
        Object.values(openapi.openapiResolve<Content>(response).content ?? {}),
      ),
    ];
    for (const { schema } of schemas) if (schema) openapi.openapiSchemaErrors(schema, undefined);
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function handle(
  openapi: OpenAPIValidator,
  request: IncomingMessage,
  raw: Buffer,
  replies: PeerReplies,
  requests: PeerRequest[],
  problems: string[],
): { status: number; body: unknown } {
  const url = new URL(request.url ?? '/', 'http://peer');
  const method = request.method ?? 'GET';
  if (!url.pathname.startsWith('/v1/')) {
    problems.push(`${method} ${url.pathname}: not below /v1`);
    return { status: 404, body: undefined };
  }
  const match = openapi.openapiOperation(method, url.pathname.slice(3));
  if (!match) {
    problems.push(`${method} ${url.pathname}: no such operation in the description`);
    return { status: 404, body: undefined };
  }
  const where = match.key;
  for (const parameter of match.parameters.filter((p) => p.in === 'path'))
    for (const problem of openapi.openapiSchemaErrors(
      parameter.schema ?? {},
      match.pathParams[parameter.name],
    ))
      problems.push(`${where} path.${parameter.name}: ${problem}`);

  const query = readQuery(openapi, url.searchParams, match.parameters, where, problems);
  const body = readRequestBody(openapi, request, raw, match.operation.requestBody, where, problems);
  const received: PeerRequest = { key: where, path: match.pathParams, query, headers: request.headers, body };
  requests.push(received);

  if (!Object.hasOwn(replies, where)) {
    problems.push(`${where}: the test gave no reply for it`);
    return { status: 500, body: undefined };
  }
  const reply = replies[where];
  const answer = typeof reply === 'function' ? (reply as (r: PeerRequest) => unknown)(received) : reply;
  const [status, response] =
    Object.entries(match.operation.responses ?? {}).find(([code]) => code.startsWith('2')) ?? [];
  const schema = openapi.openapiResolve<Content>(response).content?.['application/json']?.schema;
  if (!schema) problems.push(`${where}: the description gives no JSON answer`);
  else
    for (const problem of openapi.openapiSchemaErrors(schema, answer))
      problems.push(`${where} (canned answer) ${problem}`);
  return { status: Number(status ?? 200), body: answer };
}

/** The query as the operation's schemas read it: `name` or `name[]`, numbers and booleans coerced. */
function readQuery(
  openapi: OpenAPIValidator,
  params: URLSearchParams,
  parameters: OpenAPIParameter[],
  where: string,
  problems: string[],
): Record<string, unknown> {
  const declared = parameters.filter((p) => p.in === 'query');
  const query: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const bare = name.endsWith('[]') ? name.slice(0, -2) : name;
    const parameter = declared.find((p) => p.name === bare);
    if (!parameter) {
      problems.push(`${where}: query parameter ${name} is not in the description`);
      continue;
    }
    const schema = openapi.openapiResolve<Record<string, unknown>>(parameter.schema ?? {});
    const values = params.getAll(name);
    const itemSchema = openapi.openapiResolve<Record<string, unknown>>(schema.items ?? schema);
    const coerced = values.map((value) => coerce(value, itemSchema));
    const value = schema.type === 'array' ? coerced : coerced[0];
    query[bare] = value;
    for (const problem of openapi.openapiSchemaErrors(parameter.schema ?? {}, value))
      problems.push(`${where} query.${bare}: ${problem}`);
  }
  for (const parameter of declared)
    if (parameter.required && !(parameter.name in query))
      problems.push(`${where}: query.${parameter.name} is required`);
  return query;
}

function coerce(value: string, schema: Record<string, unknown>): unknown {
  const types = [schema.type].flat();
  if (
    (types.includes('integer') || types.includes('number')) &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  )
    return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function readRequestBody(
  openapi: OpenAPIValidator,
  request: IncomingMessage,
  raw: Buffer,
  requestBody: (Content & { required?: boolean }) | undefined,
  where: string,
  problems: string[],
): unknown {
  const contentType = request.headers['content-type'] ?? '';
  const spec = openapi.openapiResolve<(Content & { required?: boolean }) | undefined>(requestBody);
  if (raw.length === 0) {
    if (spec?.required) problems.push(`${where}: a body is required`);
    return undefined;
  }
  if (!spec?.content) {
    problems.push(`${where}: the operation takes no body`);
    return undefined;
  }
  const media = contentType.split(';')[0]?.trim() ?? '';
  const schema = spec.content[media]?.schema;
  if (!schema) {
    problems.push(`${where}: content-type ${media} is not one of ${Object.keys(spec.content).join(', ')}`);
    return undefined;
  }
  if (media === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      problems.push(`${where}: the body is not JSON`);
      return undefined;
    }
    for (const problem of openapi.openapiSchemaErrors(schema, json)) problems.push(`${where} body${problem}`);
    return json;
  }
  if (media === 'multipart/form-data') {
    // The parts' names are checked against the schema's properties; their values are not parsed.
    const names = [
      ...raw.toString('latin1').matchAll(/content-disposition: form-data; name="([^"]+)"/gi),
    ].map((found) => found[1] as string);
    const resolved = openapi.openapiResolve<{ required?: string[]; properties?: Record<string, unknown> }>(
      schema,
    );
    for (const name of resolved.required ?? [])
      if (!names.includes(name)) problems.push(`${where}: multipart part ${name} is required`);
    for (const name of names)
      if (resolved.properties && !(name in resolved.properties))
        problems.push(`${where}: multipart part ${name} is not in the description`);
    return names;
  }
  return raw.toString('utf8');
}
