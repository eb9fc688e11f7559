import type { Logger } from '../request/client-core.js';
import { readEnv } from './presets.js';

/** `OPENAI_LOG`'s levels, as openai-node reads them, quietest first. */
export const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug'] as const;

/** One of `LOG_LEVELS`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

const METHODS = ['error', 'warn', 'info', 'debug'] as const;

/**
 * The console, keeping only the lines at `level` or louder (`warn`: errors and warnings). The client's
 * lines name method, path, status and timing, never headers, keys or bodies, so this cannot print a secret.
 */
export function consoleLogger(level: LogLevel): Logger | undefined {
  if (level === 'off') return undefined;
  const logger: Logger = {};
  // Looked up at each line, so a console replaced later (a test's spy, a host's logger) is the one used.
  for (const method of METHODS.slice(0, LOG_LEVELS.indexOf(level)))
    logger[method] = (message) => console[method](`[wireai] ${message}`);
  return logger;
}

/** A console logger at `OPENAI_LOG`'s level; none when it is unset, `off`, or not a level (with a warning). */
export function loggerFromEnv(): Logger | undefined {
  const value = readEnv('OPENAI_LOG')?.toLowerCase();
  if (value === undefined) return undefined;
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    console.warn(`[wireai] OPENAI_LOG is not one of ${LOG_LEVELS.join(', ')}: no logging`);
    return undefined;
  }
  return consoleLogger(value as LogLevel);
}
