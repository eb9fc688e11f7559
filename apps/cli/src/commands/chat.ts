import type { EventEmitter } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { APIUserAbortError } from '@wireai/openai-client';
import { ChatSession, ResponsesChatSession } from '@wireai/sessions';
import type { Connection } from '../connect.js';
import { describeError } from '../errors.js';
import { type Io, print, println } from '../io.js';
import { startSpinner } from '../spinner.js';

const HELP = `Commands:
  /reset        forget the conversation
  /save FILE    save the conversation as JSON
  /load FILE    continue a saved conversation
  /model NAME   switch model, keeping the conversation
  /help         this list
  /exit         leave (or Ctrl-D; Ctrl-C stops a reply, or leaves at the prompt)`;

type Session = ChatSession | ResponsesChatSession;

/**
 * `wireai chat`: a conversation with streamed replies. Ctrl-C while a reply streams stops that reply and
 * keeps the chat; Ctrl-C at the prompt, Ctrl-D or `/exit` leaves. Works on a terminal and on piped stdin.
 */
export async function chat(
  connection: Connection,
  io: Io,
  signals: EventEmitter,
  debug = false,
): Promise<void> {
  const { client, api } = connection;
  let model = connection.model;
  const newSession = (): Session =>
    api === 'responses' ? new ResponsesChatSession(client, { model }) : new ChatSession(client, { model });
  let session = newSession();
  const terminal = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal });
  rl.setPrompt('you › ');

  let generating: AbortController | undefined;
  const interrupt = () => {
    if (generating) generating.abort();
    else rl.close();
  };
  rl.on('SIGINT', interrupt); // a terminal's Ctrl-C reaches readline, not the process
  signals.on('SIGINT', interrupt);

  println(
    io.stdout,
    `wireai chat · ${model} · ${api === 'responses' ? 'Responses API' : 'chat completions'}${connection.mock ? ' · mock server' : ''} · /help for commands`,
  );
  rl.prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === '') {
        rl.prompt();
        continue;
      }
      if (line.startsWith('/')) {
        const [command = '', ...rest] = line.split(/\s+/);
        const argument = rest.join(' ');
        if (command === '/exit' || command === '/quit') break;
        try {
          switch (command) {
            case '/help':
              println(io.stdout, HELP);
              break;
            case '/reset':
              session = newSession();
              println(io.stdout, '(conversation cleared)');
              break;
            case '/save':
              if (!argument) throw new Error('usage: /save FILE');
              await writeFile(argument, `${JSON.stringify(session, null, 2)}\n`);
              println(io.stdout, `(saved to ${argument})`);
              break;
            case '/load': {
              if (!argument) throw new Error('usage: /load FILE');
              const saved = JSON.parse(await readFile(argument, 'utf8')) as {
                kind?: string;
                options?: { model?: string };
              };
              session =
                saved.kind === 'responses'
                  ? ResponsesChatSession.fromJSON(client, saved as never)
                  : ChatSession.fromJSON(client, saved as never);
              model = saved.options?.model ?? model;
              println(io.stdout, `(loaded ${argument})`);
              break;
            }
            case '/model': {
              if (!argument) throw new Error('usage: /model NAME');
              model = argument;
              const saved = session.toJSON();
              session =
                saved.kind === 'responses'
                  ? ResponsesChatSession.fromJSON(client, { ...saved, options: { ...saved.options, model } })
                  : ChatSession.fromJSON(client, { ...saved, options: { ...saved.options, model } });
              println(io.stdout, `(model: ${model})`);
              break;
            }
            default:
              println(io.stdout, `Unknown command ${command}. /help lists them.`);
          }
        } catch (error) {
          println(io.stderr, describeError(error, debug));
        }
        rl.prompt();
        continue;
      }

      generating = new AbortController();
      // The spinner owns the line until the first token; then the reply's prefix is printed.
      const stop = startSpinner(io.stderr);
      let begun = false;
      const begin = () => {
        if (begun) return;
        begun = true;
        stop();
        print(io.stdout, 'ai  › ');
      };
      try {
        const onChunk = (chunk: { content?: string }) => {
          if (!chunk.content) return;
          begin();
          io.stdout.write(chunk.content);
        };
        await (session instanceof ChatSession
          ? session.send(line, { onChunk, signal: generating.signal })
          : session.send(line, { onChunk, signal: generating.signal }));
        begin();
        println(io.stdout);
      } catch (error) {
        begin();
        if (generating.signal.aborted || APIUserAbortError.isInstance(error))
          println(io.stdout, ' [stopped]');
        else {
          println(io.stdout);
          println(io.stderr, describeError(error, debug));
        }
      } finally {
        generating = undefined;
      }
      rl.prompt();
    }
  } finally {
    signals.off('SIGINT', interrupt);
    rl.close();
    println(io.stdout);
  }
}
