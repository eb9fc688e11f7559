import { writeFile } from 'node:fs/promises';
import { OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

const client = new OpenAI();
// The harness runs each snippet in a fresh temporary directory.
await writeFile('batch.jsonl', '{"custom_id":"1"}\n');
const response = new Response('hello'); // a download, say, streamed on into the upload

// #region readme

import { toFile } from '@wireai/openai-client';

// A path (Node, Bun, Deno): streamed from disk; name `batch.jsonl`, type from the extension.
await client.uploadFile({ purpose: 'batch', path: 'batch.jsonl' });
// A File or Blob: its name and type.
await client.uploadFile({ purpose: 'assistants', data: new File(['# Notes'], 'notes.md') });
// Bytes (a Buffer too), text, a ReadableStream or an async iterable: name it.
await client.uploadFile({ purpose: 'user_data', data: response.body!, filename: 'page.txt' });
// toFile keeps content, name and type together, like openai-node's.
const file = toFile(new Uint8Array([1, 2, 3]), 'data.bin', { contentType: 'application/x-wireai' });
const uploaded = await client.uploadFile({ purpose: 'assistants', data: file });
if (uploaded.ok) console.log(uploaded.body.id, uploaded.body.filename, uploaded.body.bytes);
// #endregion readme

expect(printed()).toMatch(/^file\w+ data\.bin 3\n$/);
expect(mockServer().requests.map((request) => request.body)).toEqual([
  { purpose: 'batch', file: { filename: 'batch.jsonl', size: 18, type: 'application/jsonl' } },
  { purpose: 'assistants', file: { filename: 'notes.md', size: 7, type: 'text/markdown' } },
  { purpose: 'user_data', file: { filename: 'page.txt', size: 5, type: 'text/plain' } },
  { purpose: 'assistants', file: { filename: 'data.bin', size: 3, type: 'application/x-wireai' } },
]);
