import { readFileSync, statSync } from 'node:fs';
import { TableError } from './table-error.ts';

/**
 * Reads a UTF-8 text file, turning the file system's errors into one clear sentence.
 *
 * @throws TableError naming the file: not found, a folder, unreadable, or empty
 * @example
 * readTextFile('datasets/bcg.csv').slice(0, 5); // => 'study'
 */
export function readTextFile(path: string): string {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new TableError('is a folder, not a file', { file: path, code: 'E_FILE' });
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof TableError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'no such file'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : `cannot be read (${code ?? (error as Error).message})`;
    throw new TableError(problem, { file: path, code: 'E_FILE' });
  }
  if (text.trim() === '') throw new TableError('is empty', { file: path, code: 'E_FILE' });
  return text;
}
