// Issue #10, the CLI: missing, malformed and unknown input fails with one line that ends with
// the error's code, exit 1 for bad data and 2 for bad usage.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'pooled-hardening-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ok = 'study,ai,n1i,ci,n2i\nA,4,40,8,40\nB,5,50,9,45\n';

describe('CLI error codes', () => {
  it.each([
    ['a missing file', () => ['analyze', join(dir, 'none.csv'), '-m', 'OR'], 1, 'E_FILE'],
    ['a malformed file', () => ['analyze', file('bad.csv', `${ok}C,1\n`), '-m', 'OR'], 1, 'E_PARSE'],
    ['a number that overflows', () => ['analyze', file('huge.csv', `${ok}C,1e999,50,9,45\n`), '-m', 'OR'], 1, 'E_NOT_FINITE'],
    ['an unknown measure', () => ['analyze', file('ok.csv', ok), '-m', 'XX'], 2, 'E_USAGE'],
    ['an unknown option', () => ['analyze', file('ok2.csv', ok), '-m', 'OR', '--metod', 'DL'], 2, 'E_USAGE'],
    ['an unknown command', () => ['analyse'], 2, 'E_USAGE'],
    ['a missing evidence file', () => ['replication', join(dir, 'none.json')], 1, 'E_FILE'],
    ['malformed JSON', () => ['replication', file('bad.json', '{ "title": ')], 1, 'E_PARSE'],
  ] as const)('%s', (_name, args, status, code) => {
    const run = runCli(args());
    expect(run.status).toBe(status);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd().endsWith(`[${code}]`)).toBe(true);
  });
});
