// The real entry point (src/cli.ts, the package's bin once built) in a child process: exit
// status, streams, and a pipe closed early.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const pooled = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', timeout: 30_000 });

describe('pooled (child process)', () => {
  it('--version and a report on standard output, exit 0', () => {
    const version = pooled('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const run = pooled('analyze', 'datasets/bcg.csv', '-m', 'RR', '-c', 'ai=tpos,bi=tneg,ci=cpos,di=cneg', '-f', 'json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).model.k).toBe(13);
    expect(run.stderr).toBe('');
  });
  it('an error is one line on standard error and a non-zero exit', () => {
    const run = pooled('analyze', 'no-such-file.csv', '-m', 'OR');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('pooled: error: no-such-file.csv: no such file [E_FILE]\n');
  });
});
