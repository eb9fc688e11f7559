/**
 * A command line that cannot work as given (a bad flag value, a provider without the asked API): exit
 * code 2, like commander's own errors. `hint` is a second line, e.g. where the help is.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const HELP_HINT = 'see wireai --help';
