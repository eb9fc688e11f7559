import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

// The official description is vendored at the workspace root (spec/openai-openapi.yaml, see its README);
// WIREAI_OPENAPI overrides.
function findSpec(): string {
  if (process.env.WIREAI_OPENAPI) return process.env.WIREAI_OPENAPI;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('openapi.ts: the workspace root (pnpm-workspace.yaml) was not found');
    dir = parent;
  }
  const spec = join(dir, 'spec', 'openai-openapi.yaml');
  if (!existsSync(spec))
    throw new Error(`The official OpenAPI description was not found at ${spec} (set WIREAI_OPENAPI)`);
  return spec;
}

let ajv: Ajv2020 | undefined;
let parsed: OpenAPISpec | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The parts of the description this file reads. */
interface OpenAPISpec {
  components: Record<string, Record<string, unknown>>;
  paths: Record<string, Record<string, unknown>>;
}

function spec(): OpenAPISpec {
  parsed ??= parse(readFileSync(findSpec(), 'utf8'), { maxAliasCount: -1 }) as OpenAPISpec;
  return parsed;
}

function load(): Ajv2020 {
  if (ajv) return ajv;
  const { components } = spec();
  // OpenAPI extensions (x-*, discriminator) are not JSON Schema keywords: strict off ignores them.
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addFormat('unixtime', {
    type: 'number',
    validate: (value: number) => Number.isInteger(value) && value >= 0,
  });
  ajv.addSchema({ $id: 'openai', components: withoutNullable(components) });
  return ajv;
}

// OpenAPI 3.0's `nullable` (still in places of this 3.1 file) is not JSON Schema: spell it as a null type.
function withoutNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNullable);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) out[key] = withoutNullable(value);
  if (nullable !== true) return out;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  return { anyOf: [out, { type: 'null' }] };
}

/** Validates `value` against `#/components/schemas/<name>` of the official OpenAI description. */
export function openapiErrors(name: string, value: unknown): string[] {
  const instance = load();
  let validate = compiled.get(name);
  if (!validate) {
    validate = instance.compile({ $ref: `openai#/components/schemas/${name}` });
    compiled.set(name, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}

const inlineCompiled = new WeakMap<object, ValidateFunction>();

/** Validates `value` against a schema found inside the description (an operation's, say), its `$ref`s resolved. */
export function openapiSchemaErrors(schema: object, value: unknown): string[] {
  const instance = load();
  let validate = inlineCompiled.get(schema);
  if (!validate) {
    validate = instance.compile(withoutNullable(anchored(schema)) as object);
    inlineCompiled.set(schema, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}

// A schema taken out of the description points at `#/components/…`, which only the `openai` document has.
function anchored(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(anchored);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `openai${value}`
        : anchored(value),
    ]),
  );
}

/** A `#/components/…` reference followed to what it names (anything else as it is). */
export function openapiResolve<T = Record<string, unknown>>(node: unknown): T {
  let current = node as { $ref?: unknown };
  while (typeof current?.$ref === 'string' && current.$ref.startsWith('#/components/')) {
    const [, , section, name] = current.$ref.split('/');
    current = spec().components[section as string]?.[name as string] as { $ref?: unknown };
  }
  return current as T;
}

/** One parameter of an operation, its reference resolved. */
export interface OpenAPIParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
}

/** An operation of the description matched by a request's method and path. */
export interface OpenAPIOperationMatch {
  /** `'METHOD /template'`, as `client.call()` names it. */
  key: string;
  operation: {
    operationId?: string;
    parameters?: unknown[];
    requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
    responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
  };
  /** The path parameters, decoded. */
  pathParams: Record<string, string>;
  parameters: OpenAPIParameter[];
}

/**
 * The operation of the description a request is for: its method and its path below the base URL
 * (`/vector_stores/vs_1`), matched against every path template; `undefined` when none matches. A
 * template without placeholders wins over one with them (`/vector_stores/search` before `/{id}`).
 */
export function openapiOperation(method: string, path: string): OpenAPIOperationMatch | undefined {
  const candidates = Object.entries(spec().paths)
    .filter(([template]) => !template.includes('?'))
    .sort(([a], [b]) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  for (const [template, item] of candidates) {
    const operation = item[method.toLowerCase()] as OpenAPIOperationMatch['operation'] | undefined;
    if (!operation) continue;
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    const found = pattern.exec(path);
    if (!found) continue;
    const pathParams = Object.fromEntries(
      names.map((name, index) => [name, decodeURIComponent(found[index + 1] as string)]),
    );
    const parameters = [...((item.parameters as unknown[]) ?? []), ...(operation.parameters ?? [])].map(
      (parameter) => openapiResolve<OpenAPIParameter>(parameter),
    );
    return { key: `${method.toUpperCase()} ${template}`, operation, pathParams, parameters };
  }
  return undefined;
}
