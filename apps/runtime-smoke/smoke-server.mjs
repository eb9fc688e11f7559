// Starts the mock server for a runtime smoke run (Node), scripts the faults the smoke expects, and checks
// afterwards that its retry really was one (two embedding requests). Used by scripts/test-runtimes.mjs.
import { startMockOpenAI } from '@wireai/testing';

export async function startSmokeServer() {
  const mock = await startMockOpenAI();
  const arm = () => {
    mock.reset();
    // The retry check: the first embedding request fails with a 503 the client must retry.
    mock.script('POST /embeddings', { fault: { status: 503, retryAfterMs: 1 } });
    // The abort check: a slow stream, so the client can stop it midway.
    mock.script('POST /responses', { text: 'slow words for the abort check', fault: { chunkDelayMs: 200 } });
  };
  // The edge smoke also streams two chat completions back to its caller: slow, so the caller sees the first
  // chunk while the stream is still open.
  const armEdge = () => {
    arm();
    const slow = { text: 'streamed to the caller as it arrives', fault: { chunkDelayMs: 100 } };
    mock.script('POST /chat/completions', slow, slow);
  };
  return {
    url: mock.baseURL,
    arm,
    armEdge,
    retried: () => mock.requests.filter((request) => request.route === 'POST /embeddings').length === 2,
    close: () => mock.close(),
  };
}
