import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini carries no messages of its own (full zod sets English up when it is imported). The sessions'
// own schemas always get English, passed with each parse (a schema's own message still wins) rather than
// set with `z.config()`, which would change the messages of every zod user in the program.

/** English messages for a parse of the sessions' own schemas. */
export const ENGLISH: z.core.ParseContext<z.core.$ZodIssue> = { error: en().localeError };

/**
 * For a schema the user gave (full zod or zod/mini): the messages their program configured, if any, so
 * their own `z.config()` still applies; English when nothing is configured (zod/mini alone).
 */
export function userParseContext(): z.core.ParseContext<z.core.$ZodIssue> | undefined {
  const configured = z.config();
  return configured.localeError || configured.customError ? undefined : ENGLISH;
}
