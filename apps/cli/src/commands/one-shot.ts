import { writeFile } from 'node:fs/promises';
import type { Connection } from '../connect.js';
import { fileError } from '../file-errors.js';
import { type Io, println, readAll } from '../io.js';
import { streamReply } from '../reply.js';
import { startSpinner } from '../spinner.js';
import { UsageError } from '../usage-error.js';

// Each call passes `throwOnError: true`: a non-2xx answer rejects with its APIError subclass (RateLimitError…),
// which errors.ts turns into a sentence, and the result is typed as the ok one.
const THROW = { throwOnError: true } as const;

/** `wireai ask "prompt"`: one question, the answer streamed (stdin when piped, `--json` for the raw response). */
export async function ask(
  connection: Connection,
  words: string[],
  options: { json?: boolean },
  io: Io,
): Promise<void> {
  let prompt = words.join(' ').trim();
  if (!prompt && !io.stdin.isTTY) prompt = (await readAll(io.stdin)).trim();
  if (!prompt) throw new UsageError('Nothing to ask: give a prompt (wireai ask "…") or pipe one in.');
  const { client, model, api } = connection;
  if (options.json) {
    const { body } =
      api === 'responses'
        ? await client.createResponse(prompt, { model }, THROW)
        : await client.createChatCompletion([{ role: 'user', content: prompt }], { model }, THROW);
    println(io.stdout, JSON.stringify(body, null, 2));
    return;
  }
  const stop = startSpinner(io.stderr);
  let begun = false;
  try {
    await streamReply(connection, prompt, (text) => {
      stop();
      begun = true;
      io.stdout.write(text);
    });
  } catch (error) {
    if (begun) println(io.stdout); // half an answer still ends its line
    throw error;
  } finally {
    stop();
  }
  println(io.stdout);
}

/** `wireai models`: the model ids, one per line. */
export async function models(connection: Connection, options: { json?: boolean }, io: Io): Promise<void> {
  const { body: list } = await connection.client.models(THROW);
  if (options.json) return println(io.stdout, JSON.stringify(list, null, 2));
  for (const id of list.data.map((model) => model.id).sort()) println(io.stdout, id);
}

const EMBEDDING_MODELS: Record<string, string> = { gemini: 'gemini-embedding-001' };

/** `wireai embed "text"`: the embedding's size and first values. */
export async function embed(
  connection: Connection,
  text: string,
  options: { json?: boolean; embeddingModel?: string; provider?: string },
  io: Io,
): Promise<void> {
  const model =
    options.embeddingModel ?? EMBEDDING_MODELS[options.provider ?? ''] ?? 'text-embedding-3-small';
  const { body: list } = await connection.client.embedding(text, { model }, THROW);
  if (options.json) return println(io.stdout, JSON.stringify(list, null, 2));
  const vector = list.data[0]?.embedding ?? [];
  const values = Array.isArray(vector) ? vector : [];
  println(
    io.stdout,
    `${values.length} dimensions (${model}): [${values
      .slice(0, 6)
      .map((value) => value.toFixed(4))
      .join(', ')}${values.length > 6 ? ', …' : ''}]`,
  );
}

/** `wireai image "prompt" --out file.png`: the first image, written to a file. */
export async function image(
  connection: Connection,
  prompt: string,
  options: { out: string; imageModel?: string },
  io: Io,
): Promise<void> {
  const { body: images } = await connection.client.imageGeneration(
    { prompt, model: options.imageModel ?? 'gpt-image-1' },
    THROW,
  );
  const encoded = images.data?.[0]?.b64_json;
  if (!encoded) throw new Error('The API returned no image data (b64_json)');
  const bytes = Buffer.from(encoded, 'base64');
  try {
    await writeFile(options.out, bytes);
  } catch (error) {
    throw fileError(error, 'write', options.out, true);
  }
  // The mock server draws no picture: say so, so nobody wonders why the file is a blank square.
  const note = connection.mock ? '; a placeholder from the mock server' : '';
  println(io.stdout, `wrote ${options.out} (${bytes.length} bytes${note})`);
}
