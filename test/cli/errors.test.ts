// Missing, malformed and unknown input to the CLI fails cleanly: one line naming the file, the
// line or the column, a non-zero exit, and no stack trace unless --debug.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'pooled-cli-errors-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const oneLine = (run: { stderr: string; stdout: string }) => {
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stderr.trimEnd();
};
const header = 'study,ai,n1i,ci,n2i\nA,4,40,8,40\n';

describe('pooled analyze: bad data (exit 1)', () => {
  it.each([
    ['a line with too few fields', 'short.csv', `${header}B,5,50,9\n`, /short\.csv, line 3: has 4 fields, but the header has 5/],
    ['an unclosed quote', 'quote.csv', `${header}"B,5,50,9,45\n`, /quote\.csv, line 3: a quote opened on this line is never closed/],
    ['text in a count column', 'text.csv', `${header}B,x5,50,9,45\n`, /text\.csv, line 3: ai, study "B", row 2: must be a number \(got "x5"\)/],
    ['a negative count', 'neg.csv', `${header}B,-5,50,9,45\n`, /neg\.csv, line 3: ai, study "B", row 2: must not be negative \(got -5\)/],
    ['a repeated column name', 'dup.csv', 'ai,ai\n1,2\n', /dup\.csv, line 1: column name "ai" appears twice/],
    ['an empty file', 'empty.csv', '', /empty\.csv: is empty/],
  ])('%s', (_, name, text, message) => {
    const run = runCli(['analyze', file(name, text), '-m', 'OR']);
    expect(run.status).toBe(1);
    expect(oneLine(run)).toMatch(message);
    expect(run.stderr).toMatch(/^pooled: error: /);
  });

  it('a missing file, an unknown column, a measure whose columns are absent', () => {
    const ok = file('ok.csv', header);
    expect(oneLine(runCli(['analyze', join(dir, 'nope.csv'), '-m', 'OR']))).toMatch(/nope\.csv: no such file \[E_FILE\]$/);
    expect(oneLine(runCli(['analyze', ok, '-m', 'OR', '--subgroup', 'region']))).toMatch(/ok\.csv: has no column "region" \(named by --subgroup\); its columns are "study", "ai"/);
    expect(oneLine(runCli(['analyze', ok, '-m', 'OR', '-c', 'ai=events']))).toMatch(/has no column "events" \(named by --columns ai=events\)/);
    expect(oneLine(runCli(['analyze', ok, '-m', 'MD']))).toMatch(/ok\.csv: .*measure MD needs .* --columns m1i=COLUMN/);
  });

  it('--debug adds the stack trace', () => {
    const run = runCli(['analyze', file('short2.csv', `${header}B,5\n`), '-m', 'OR', '--debug']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('pooled: bad usage (exit 2)', () => {
  it.each([
    [['analyze', 'x.csv', '-m', 'OR', '--sep', ','], /^pooled: unknown option --sep \(see pooled analyze --help\) \[E_USAGE\]$/],
    [['analyze', 'x.csv'], /analyze needs --measure/],
    [['analyze', '-m', 'OR'], /analyze needs a data file/],
    [['analyze', 'x.csv', '-m', 'XYZ'], /--measure must be one of MD, SMD/],
    [['analyze', 'x.csv', '-m', 'OR', '--method'], /option --method needs a value/],
    [['analyze', 'x.csv', '-m', 'OR', '--method', 'FOO'], /--method must be one of EE, DL/],
    [['analyze', 'x.csv', '-m', 'OR', '--columns', 'ai'], /--columns takes role=column pairs/],
    [['analyze', 'x.csv', '-m', 'OR', '--columns', 'zz=a'], /--columns role must be one of/],
    [['analyze', 'x.csv', '-m', 'OR', '--level', '2'], /--level must be a proportion/],
    [['analyze', 'x.csv', '-m', 'OR', '--format', 'pdf'], /--format must be one of text, json, markdown, html/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['--frob'], /unknown option --frob/],
  ])('%j', (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toMatch(message);
  });

  it('no arguments prints the help on standard error', () => {
    const run = runCli([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });
});

describe('pooled --help, --version, and help for each command', () => {
  it('prints them on standard output', () => {
    expect(runCli(['--help']).stdout).toMatch(/pooled analyze FILE\.csv --measure M/);
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const command of ['analyze', 'replication']) {
      const help = runCli([command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^pooled ${command}: `));
      expect(runCli(['help', command]).stdout).toBe(help.stdout);
    }
  });
});

describe('pooled replication', () => {
  const seed = 'datasets/conditioned-medium-hair-loss.json';
  it('prints the assessment as text, Markdown and JSON', () => {
    const text = runCli(['replication', seed]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/status: /);
    expect(runCli(['replication', seed, '-f', 'markdown']).stdout).toMatch(/^# /);
    const html = runCli(['replication', seed, '-f', 'html']).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<svg');
    const json = JSON.parse(runCli(['replication', seed, '--format', 'json']).stdout);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings[0].status).toBeTypeOf('string');
  });
  it('invalid JSON names the line; an invalid evidence base names the field', () => {
    expect(oneLine(runCli(['replication', file('bad.json', '{\n  "title": "x",\n  "asOf": \n}\n')]))).toMatch(/bad\.json, line 4: is not valid JSON: value expected at column 1/);
    expect(oneLine(runCli(['replication', 'datasets/bcg.json']))).toMatch(/bcg\.json: evidence: unknown field "name"/);
    expect(runCli(['replication']).status).toBe(2);
  });
});
