// `pnpm demo` until the wireai CLI lands: says what the demo will show, and exits 0.
const steps = [
  'start the embedded OpenAI-compatible mock server on 127.0.0.1 (or use the real API when OPENAI_API_KEY is set)',
  'stream a chat completion over each transport (undici, axios, fetch) and time it',
  'run a ChatSession with a tool call round trip',
  'continue a ResponsesChatSession via previous_response_id',
  'create an embedding',
];
console.log('wireai demo: the CLI is not built yet. When it is, this command will:');
for (const [i, step] of steps.entries()) console.log(`  ${i + 1}. ${step}`);
console.log(
  'Today: `pnpm test` runs @wireai/core, the mock OpenAI server and the conformance suite against every transport.',
);
