// Exit codes shared by every command, and the error that means "the command line is wrong".

export const EXIT = {
  /** Everything succeeded. */
  ok: 0,
  /** The command ran, but some inputs failed (details in the output / stderr). */
  failure: 1,
  /** The command line was wrong: unknown option, missing argument. */
  usage: 2,
} as const;

export class UsageError extends Error {
  override name = 'UsageError';
}
