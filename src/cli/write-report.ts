import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TableError } from '../io/table-error.ts';

/**
 * Writes a report to `path`, refusing to overwrite any of the command's input files (compared
 * by their real paths, so `./a.csv`, `a.csv` and a symbolic link to it are the same file).
 *
 * @throws TableError naming the file when it is an input, or cannot be written
 * @example
 * import { readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(tmpdir(), 'pooled-example-report.md');
 * writeReport(path, '# BCG', ['datasets/bcg.csv']);
 * readFileSync(path, 'utf8') // => '# BCG'
 * writeReport(path, '# BCG', [path]) // => throws TableError '…pooled-example-report.md: is an input file of this command…'
 */
export function writeReport(path: string, text: string, inputs: readonly string[]): void {
  assertNotInput(path, inputs);
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new TableError(`cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: path, code: 'E_FILE' });
  }
}

/**
 * Refuses an output path that is one of the inputs (by real path), before any work is done.
 *
 * @throws TableError naming the file
 * @example
 * assertNotInput('report.md', ['datasets/bcg.csv']) // => undefined (passes)
 * assertNotInput('./datasets/bcg.csv', ['datasets/bcg.csv']) // => throws TableError './datasets/bcg.csv: is an input file…'
 */
export function assertNotInput(path: string, inputs: readonly string[]): void {
  const target = canonical(path);
  if (inputs.some((input) => canonical(input) === target)) {
    throw new TableError('is an input file of this command; reports never overwrite their input (choose another output file)', { file: path, code: 'E_FILE' });
  }
}

function canonical(path: string): string {
  return existsSync(path) ? realpathSync(path) : resolve(path);
}
