/**
 * A mistake in how the command was called (unknown command or option, a missing argument):
 * the CLI prints it with a pointer to `--help` and exits with status 2.
 *
 * @example
 * new UsageError('unknown option --sep', 'analyze').message; // => 'unknown option --sep'
 * new UsageError('unknown option --sep').code; // => 'E_USAGE'
 */
export class UsageError extends Error {
  /** Always `E_USAGE` (see `ERROR_CODES`): the CLI exits with status 2. */
  readonly code = 'E_USAGE' as const;
  /** The command whose help explains the fix, if any. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}
