import type { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import { APIUserAbortError } from '@wireai/openai-client';
import { createSession, type Session, type SessionUsage } from '@wireai/sessions';
import type { Connection } from '../connect.js';
import { describeError } from '../errors.js';
import { type Io, print, println } from '../io.js';
import { loadSession, saveSession } from '../session-files.js';
import { startSpinner } from '../spinner.js';

const HELP = `Commands:
  /reset        forget the conversation
  /save FILE    save the conversation as JSON
  /load FILE    continue a saved conversation
  /model NAME   switch model, keeping the conversation
  /usage        the tokens the conversation has used
  /help         this list
  /exit         leave (or Ctrl-D; Ctrl-C stops a reply, or leaves at the prompt)`;

/** `(usage: 2 requests, 20 input + 8 output = 28 tokens)`. */
export function usageLine(usage: SessionUsage): string {
  if (usage.requests === 0) return '(no usage reported yet)';
  return `(usage: ${usage.requests} request${usage.requests === 1 ? '' : 's'}, ${usage.inputTokens} input + ${usage.outputTokens} output = ${usage.totalTokens} tokens)`;
}

/**
 * `wireai chat`: a conversation with streamed replies. Ctrl-C while a reply streams stops that reply and
 * keeps the chat; Ctrl-C at the prompt, Ctrl-D or `/exit` leaves. Works on a terminal and on piped stdin.
 * Resolves how many requests and commands failed (each said on stderr as it happened).
 */
export async function chat(
  connection: Connection,
  io: Io,
  signals: EventEmitter,
  debug = false,
): Promise<number> {
  const { client, api } = connection;
  let model = connection.model;
  // Only the `Session` interface from here on: both APIs are sent, streamed, switched and saved alike.
  const newSession = (): Session => createSession(client, { api, model });
  let session = newSession();
  let failures = 0;
  const report = (error: unknown) => {
    failures++;
    println(io.stderr, `wireai: ${describeError(error, debug)}`);
  };
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
              await saveSession(session, argument);
              println(io.stdout, `(saved to ${argument})`);
              break;
            case '/load': {
              if (!argument) throw new Error('usage: /load FILE');
              session = await loadSession(client, argument);
              model = session.model ?? model;
              println(io.stdout, `(loaded ${argument})`);
              break;
            }
            case '/model': {
              if (!argument) throw new Error('usage: /model NAME');
              session.model = argument; // the conversation stays
              model = argument;
              println(io.stdout, `(model: ${model})`);
              break;
            }
            case '/usage':
              println(io.stdout, usageLine(session.usage));
              break;
            default:
              throw new Error(`Unknown command ${command}. /help lists them.`);
          }
        } catch (error) {
          report(error);
        }
        rl.prompt();
        continue;
      }

      generating = new AbortController();
      // The spinner owns the line until the first piece of text; only then is the reply's prefix printed,
      // so a reply that fails before any text leaves no prefix behind.
      const stop = startSpinner(io.stderr);
      let begun = false;
      const onText = (text: string) => {
        if (!begun) {
          begun = true;
          stop();
          print(io.stdout, 'ai  › ');
        }
        io.stdout.write(text);
      };
      try {
        // A streamed chat asks for its usage where the client's preset says the provider takes it.
        await session.stream(line, onText, { signal: generating.signal });
        if (begun) println(io.stdout);
        else println(io.stdout, 'ai  › (no text)');
      } catch (error) {
        stop();
        if (begun) println(io.stdout, generating.signal.aborted ? ' [stopped]' : '');
        else if (generating.signal.aborted) println(io.stdout, '[stopped]');
        if (!generating.signal.aborted && !APIUserAbortError.isInstance(error)) report(error);
      } finally {
        stop();
        generating = undefined;
      }
      rl.prompt();
    }
  } finally {
    signals.off('SIGINT', interrupt);
    rl.close();
    println(io.stdout);
  }
  return failures;
}
