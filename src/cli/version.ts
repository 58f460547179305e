import { readFileSync } from 'node:fs';

/**
 * The package's version, from its package.json (two folders up from this module both in
 * `src/cli/` and in the built `dist/cli/`).
 *
 * @example
 * packageVersion(); // => '0.1.0'
 */
export function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return json.version ?? 'unknown';
}
