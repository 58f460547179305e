import { main } from '../../src/cli/main.ts';

/** What one in-process run of the CLI printed, and its exit status. */
export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pooled ARGS` in-process with captured streams; `tty` makes standard error a terminal. */
export function runCli(args: readonly string[], tty = false): CliRun {
  let stdout = '';
  let stderr = '';
  const err = {
    isTTY: tty,
    columns: 80,
    write(text: string) {
      stderr += text;
      return true;
    },
    on() {
      return this;
    },
    removeListener() {
      return this;
    },
    cursorTo() {
      return true;
    },
    clearLine() {
      return true;
    },
    moveCursor() {
      return true;
    },
  };
  const status = main(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: err as unknown as NodeJS.WritableStream });
  return { status, stdout, stderr };
}
