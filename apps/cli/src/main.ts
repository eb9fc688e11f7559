import type { EventEmitter } from 'node:events';
import { PROVIDERS } from '@wireai/openai-client';
import { Command, CommanderError, Option } from 'commander';
import { chat } from './commands/chat.js';
import { demo } from './commands/demo.js';
import { ask, embed, image, models } from './commands/one-shot.js';
import { type Connection, connect, type GlobalOptions } from './connect.js';
import { describeError } from './errors.js';
import { checkProviderApi, httpUrl } from './flags.js';
import { type Io, println, processIo } from './io.js';
import { HELP_HINT, UsageError } from './usage-error.js';
import { versionLine } from './version.js';

/**
 * Runs the `wireai` command; resolves the exit code: 0, 1 when the command failed (said in one line on
 * stderr), 2 for a command line that cannot work (the error, then where the help is).
 */
export async function runCli(
  argv: string[],
  io: Io = processIo(),
  signals: EventEmitter = process,
): Promise<number> {
  let exitCode = 0;
  const program = new Command('wireai')
    .description('One OpenAI client, any HTTP stack: chat and one-shot commands over undici, axios or fetch.')
    .version(versionLine(), '-V, --version', 'the version of wireai and of the @wireai packages it runs on')
    .addOption(new Option('--transport <name>', 'HTTP stack').choices(['undici', 'axios', 'fetch']))
    .addOption(
      new Option('--provider <name>', 'provider preset').choices(Object.keys(PROVIDERS)).default('openai'),
    )
    .addOption(
      new Option('--api <kind>', 'which API to chat with').choices(['chat', 'responses']).default('chat'),
    )
    .option('--model <name>', 'model (default: the provider’s)')
    .option('--base-url <url>', 'API base URL (http or https)', httpUrl('--base-url'))
    .option('--mock', 'use the embedded mock server even when a key is set')
    .option('--debug', 'show stack traces')
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      // commander's `error: unknown option '--x'` as `wireai: unknown option '--x'`; its help stays out.
      outputError: (text, write) => write(`wireai: ${text.replace(/^error: /, '')}`),
    })
    .exitOverride()
    .showHelpAfterError(HELP_HINT);
  program.hook('preAction', () => {
    const options = program.opts<GlobalOptions>();
    checkProviderApi(options.provider ?? 'openai', options.api ?? 'chat');
  });

  const withConnection = (work: (connection: Connection) => Promise<void>) => async () => {
    const connection = await connect(program.opts<GlobalOptions>(), io);
    try {
      await work(connection);
    } finally {
      await connection.close();
    }
  };

  program
    .command('chat')
    .description('chat interactively, replies streamed (/help inside)')
    .action(
      withConnection(async (connection) => {
        const failures = await chat(connection, io, signals, Boolean(program.opts<GlobalOptions>().debug));
        // A script piping a conversation in learns from the exit code that a reply failed.
        if (failures > 0 && !io.stdin.isTTY) exitCode = 1;
      }),
    );
  program
    .command('ask')
    .description('ask one question (reads stdin when piped)')
    .argument('[prompt...]', 'the question')
    .option('--json', 'print the raw response')
    .action((words: string[], options: { json?: boolean }) =>
      withConnection((connection) => ask(connection, words, options, io))(),
    );
  program
    .command('models')
    .description('list the models')
    .option('--json', 'print the raw response')
    .action((options: { json?: boolean }) =>
      withConnection((connection) => models(connection, options, io))(),
    );
  program
    .command('embed')
    .description('embed a text')
    .argument('<text>', 'the text')
    .option('--embedding-model <name>', 'embedding model')
    .option('--json', 'print the raw response')
    .action((text: string, options: { json?: boolean; embeddingModel?: string }) =>
      withConnection((connection) =>
        embed(
          connection,
          text,
          { ...options, provider: program.opts<GlobalOptions>().provider ?? 'openai' },
          io,
        ),
      )(),
    );
  program
    .command('image')
    .description('generate an image into a file')
    .argument('<prompt>', 'what to draw')
    .requiredOption('--out <file>', 'where to write the PNG')
    .option('--image-model <name>', 'image model', 'gpt-image-1')
    .action((prompt: string, options: { out: string; imageModel?: string }) =>
      withConnection((connection) => image(connection, prompt, options, io))(),
    );
  program
    .command('demo')
    .description('a short tour: each transport, a tool call, a Responses conversation, an embedding')
    .action(withConnection((connection) => demo(connection, io)));

  for (const command of program.commands) command.showHelpAfterError(`see wireai ${command.name()} --help`);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    // commander has said it already (help, the version, or a usage error in one line and the hint).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    println(io.stderr, `wireai: ${describeError(error, Boolean(program.opts<GlobalOptions>().debug))}`);
    if (!(error instanceof UsageError)) return 1;
    if (error.hint) println(io.stderr, error.hint);
    return 2;
  }
}
