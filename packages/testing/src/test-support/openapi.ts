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
const compiled = new Map<string, ValidateFunction>();

function load(): Ajv2020 {
  if (ajv) return ajv;
  const spec = parse(readFileSync(findSpec(), 'utf8'), { maxAliasCount: -1 }) as { components: unknown };
  // OpenAPI extensions (x-*, discriminator) are not JSON Schema keywords: strict off ignores them.
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addFormat('unixtime', {
    type: 'number',
    validate: (value: number) => Number.isInteger(value) && value >= 0,
  });
  ajv.addSchema({ $id: 'openai', components: withoutNullable(spec.components) });
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
