import { OpenAI } from '@wireai/openai-client';
import { expect } from 'vitest';
import { mockServer, printed } from '../harness/context.js';

const client = new OpenAI();
for (const name of ['a.jsonl', 'b.jsonl', 'c.jsonl'])
  await client.uploadFile({ purpose: 'batch', data: '{}', filename: name }, { throwOnError: true });
const before = mockServer().requestCount;

// #region readme

// `await` gives the first page's Result; its body is the page: the API's fields and the paging methods.
const result = await client.files({ purpose: 'batch', limit: 2, order: 'asc' });
if (result.ok) {
  const page = result.body;
  console.log(
    page.data.map((file) => file.filename),
    page.has_more,
  );
  if (page.hasNextPage()) {
    const next = await page.nextPage(); // a Result too, same parameters, `after` the last id
    if (next.ok) console.log(next.body.data.map((file) => file.filename));
  }
}

// `for await` walks every item of every page, fetching each page as the loop reaches it.
for await (const file of client.files({ limit: 2 })) console.log(file.id, file.filename);
// #endregion readme

expect(printed().split('\n').slice(0, 2)).toEqual(["[ 'a.jsonl', 'b.jsonl' ] true", "[ 'c.jsonl' ]"]);
expect(
  printed()
    .split('\n')
    .filter((line) => line.startsWith('file')),
).toHaveLength(3);
expect(mockServer().requestCount - before).toBe(4);
