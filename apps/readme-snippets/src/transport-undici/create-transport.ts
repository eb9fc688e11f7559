import { expect } from 'vitest';

// #region readme

import { OpenAI } from '@wireai/openai-client';
import { createUndiciTransport } from '@wireai/transport-undici';

const transport = createUndiciTransport({ connections: 16 });
const client = new OpenAI(process.env.OPENAI_API_KEY, { transport });
const models = await client.models();
await transport.close(); // optional: idle sockets never keep the process alive
// #endregion readme

expect(models.ok).toBe(true);
