import { runMockServerCli } from './mock-server-cli.js';

try {
  const server = await runMockServerCli(process.argv.slice(2));
  if (server) {
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (error) {
  console.error(`wireai-mock-openai: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
