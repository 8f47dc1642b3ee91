/**
 * A mistake in how the command was called (bad option, missing file): reported on stderr with
 * a pointer to `--help`, exit code 2. Messages name options and files, never record values.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
