import { FILE_LIST_LIMITS, listPage } from '../list-page.js';
import { EndpointError, invalidValue, missingParameter, openaiError } from '../openai-error.js';
import type { EndpointContext, EndpointRequest, RouteResult } from '../route-result.js';

const PURPOSES = ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'];

/** `POST /files`: a multipart upload with `file` and `purpose`, parsed with the platform's FormData. */
export async function uploadFile({ raw }: EndpointRequest, context: EndpointContext): Promise<RouteResult> {
  const contentType = raw.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    throw new EndpointError(
      openaiError(400, 'Invalid Content-Type header (expected multipart/form-data).', {
        code: 'invalid_content_type',
      }),
    );
  }
  let form: FormData;
  try {
    form = await new Response(raw.body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new EndpointError(openaiError(400, 'Could not parse the multipart body.'));
  }
  const purpose = form.get('purpose');
  const file = form.get('file');
  if (typeof purpose !== 'string') throw new EndpointError(missingParameter('purpose'));
  if (!PURPOSES.includes(purpose)) {
    throw new EndpointError(
      invalidValue(
        'purpose',
        `Invalid value: '${purpose}'. Supported values are: ${PURPOSES.map((p) => `'${p}'`).join(', ')}.`,
      ),
    );
  }
  if (file === null || typeof file === 'string') throw new EndpointError(missingParameter('file'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const record = {
    id: context.id('file'),
    object: 'file',
    bytes: bytes.byteLength,
    created_at: context.now(),
    filename: file.name,
    purpose,
    status: 'processed',
  };
  context.store.files.set(record.id, { ...record, content: bytes });
  return { kind: 'json', body: record };
}

/** `GET /files`: paged by `after`, `limit` and `order`, filtered by `purpose`. */
export function listFiles({ raw }: EndpointRequest, context: EndpointContext): RouteResult {
  const purpose = raw.query.get('purpose');
  const files = [...context.store.files.values()]
    .filter((file) => purpose === null || file.purpose === purpose)
    .map(publicFile);
  return { kind: 'json', body: listPage(files, raw.query, FILE_LIST_LIMITS) };
}

export function getFile({ params }: EndpointRequest, context: EndpointContext): RouteResult {
  return { kind: 'json', body: publicFile(storedFile(params.id ?? '', context)) };
}

export function deleteFile({ params }: EndpointRequest, context: EndpointContext): RouteResult {
  const id = params.id ?? '';
  storedFile(id, context);
  context.store.files.delete(id);
  return { kind: 'json', body: { id, object: 'file', deleted: true } };
}

function storedFile(id: string, context: EndpointContext): Record<string, unknown> {
  const file = context.store.files.get(id);
  if (!file) throw new EndpointError(openaiError(404, `No such File object: ${id}`, { param: 'id' }));
  return file;
}

function publicFile(file: Record<string, unknown>): Record<string, unknown> & { id: string } {
  const { content: _content, ...rest } = file;
  return rest as Record<string, unknown> & { id: string };
}
