// `pooled analyze` end to end (in-process) on the bundled datasets/bcg.csv and on a CSV the
// project has never seen (dat.dorn2007), against R metafor.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOLERANCES, expectClose } from '../tolerances.ts';
import { runCli } from './run-cli.ts';

const bcg = 'datasets/bcg.csv';
const cells = ['-c', 'ai=tpos,bi=tneg,ci=cpos,di=cneg'];
const fixture = JSON.parse(readFileSync('test/fixtures/metafor/bcg.json', 'utf8'));
const rrReml = fixture.models.find((m: { measure: string; method: string; test: string }) => m.measure === 'RR' && m.method === 'REML' && m.test === 'z');
const dorn = JSON.parse(readFileSync('test/fixtures/io/dorn2007.json', 'utf8'));
const { iterative } = TOLERANCES;
const dir = mkdtempSync(join(tmpdir(), 'pooled-cli-'));

describe('pooled analyze on the bundled BCG CSV', () => {
  it('json: the fit under model, the effect sizes under effects, as metafor', () => {
    const run = runCli(['analyze', bcg, '-m', 'RR', ...cells, '--format', 'json', '--subgroup', 'alloc']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expectClose(out.model.estimate, rrReml.b, iterative, 'b');
    expectClose(out.model.tau2, rrReml.tau2, iterative, 'tau2');
    expectClose(out.model.predictionInterval.lower, rrReml['pi.lb'], iterative, 'pi.lb');
    expect(out.effects.yi).toHaveLength(13);
    expectClose(out.effects.yi[0], fixture.effectSizes[0].yi[0], TOLERANCES.closed, 'yi[0]');
    expectClose(out.summary.estimate, Math.exp(rrReml.b), iterative, 'exp(b)');
    expect(out.summary.transform).toBe('exp');
    expect(out.summary.scale).toBe('Risk Ratio');
    expectClose(out.subgroups.between.q, fixture.subgroups.separateTau2.Q, iterative, 'Q between');
  });

  it('text: metafor-like printout, the back-transformed estimate and which transform was applied', () => {
    const run = runCli(['analyze', bcg, '-m', 'RR', ...cells, '--moderators', 'ablat']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Random-Effects Model (k = 13; tau^2 estimator: REML)');
    expect(run.stdout).toMatch(new RegExp(`Model Results \\(Risk Ratio scale\\):\\n\\n.*\\n +${Math.exp(rrReml.b).toFixed(4)} `));
    expect(run.stdout).toContain('exponentiated to the risk ratio scale');
    expect(run.stdout).toContain('Back-transformation: exp (--transform none reports the log risk ratio scale only).');
    expect(run.stdout).toMatch(/Aronson 1948 +0\.4109 /);
    expect(run.stdout).toContain('Meta-regression on ablat:');
    const none = runCli(['analyze', bcg, '-m', 'RR', ...cells, '--transform', 'none']);
    expect(none.stdout).not.toContain('Risk Ratio scale');
    expect(none.stdout).not.toContain('Back-transformation:');
  });

  it('markdown: tables for the estimate, heterogeneity, the studies and the moderators', () => {
    const run = runCli(['analyze', bcg, '-m', 'OR', ...cells, '-f', 'markdown', '--moderators', 'ablat,alloc']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# Meta-analysis of datasets\/bcg\.csv/);
    expect(run.stdout).toContain('| Odds Ratio (exp) |');
    expect(run.stdout).toContain('| Aronson 1948 |');
    expect(run.stdout).toContain('| allocrandom |');
  });

  it('--output writes the report to a file, and never over an input', () => {
    const target = join(dir, 'report.md');
    expect(runCli(['analyze', bcg, '-m', 'RR', ...cells, '-f', 'markdown', '-o', target]).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^# Meta-analysis/);
    const copy = join(dir, 'copy.csv');
    writeFileSync(copy, readFileSync(bcg));
    const run = runCli(['analyze', copy, '-m', 'RR', ...cells, '-o', join(dir, '.', 'copy.csv')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/copy\.csv: is an input file of this command; reports never overwrite their input/);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(bcg, 'utf8'));
  });
});

describe('pooled analyze: HTML report and plots', () => {
  it('--format html is one self-contained page with the forest and funnel plots', () => {
    const run = runCli(['analyze', bcg, '-m', 'RR', ...cells, '--subgroup', 'alloc', '-f', 'html']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(run.stdout).not.toMatch(/<script/i);
    expect(run.stdout.match(/<svg/g)!.length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toContain('Risk Ratio (exp)');
    expect(run.stdout).toContain('Subgroups by alloc');
  });
  it('--forest and --funnel write SVG files, never over an input, never the same file twice', () => {
    const forest = join(dir, 'forest.svg');
    const funnel = join(dir, 'funnel.svg');
    expect(runCli(['analyze', bcg, '-m', 'RR', ...cells, '--forest', forest, '--funnel', funnel]).status).toBe(0);
    expect(readFileSync(forest, 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*Aronson 1948[\s\S]*<\/svg>\s*$/);
    expect(readFileSync(funnel, 'utf8')).toMatch(/^<svg/);
    const over = runCli(['analyze', bcg, '-m', 'RR', ...cells, '--forest', bcg]);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/bcg\.csv: is an input file of this command/);
    expect(runCli(['analyze', bcg, '-m', 'RR', ...cells, '--forest', forest, '--funnel', forest]).status).toBe(2);
  });
});

describe('acceptance: a CSV the project has never seen (dat.dorn2007), odds ratios', () => {
  const args = ['analyze', 'test/fixtures/io/dorn2007.csv', '-m', 'OR', '-c', 'ai=x.a,n1i=n.a,ci=x.p,n2i=n.p'];
  it('reproduces metafor REML estimate and tau², and back-transforms the odds ratio', () => {
    const out = JSON.parse(runCli([...args, '--format', 'json']).stdout);
    expectClose(out.model.estimate, dorn.reml.b, iterative, 'b');
    expectClose(out.model.tau2, dorn.reml.tau2, iterative, 'tau2');
    expectClose(out.summary.estimate, dorn.or.pred, iterative, 'OR');
    expectClose(out.summary.ci.lower, dorn.or['ci.lb'], iterative, 'OR ci.lb');
    expectClose(out.summary.ci.upper, dorn.or['ci.ub'], iterative, 'OR ci.ub');
    expectClose(out.summary.predictionInterval.upper, dorn.or['pi.ub'], iterative, 'OR pi.ub');
    const knha = JSON.parse(runCli([...args, '--test', 'knha', '--level', '95', '--format', 'json']).stdout);
    expectClose(knha.model.ci.lower, dorn.knha['ci.lb'], iterative, 'knha ci.lb');
  });
  it('text names the transform; NA subgroup labels are omitted, never a subgroup', () => {
    const run = runCli(['analyze', 'test/fixtures/io/dorn2007-missing.csv', ...args.slice(2), '--subgroup', 'ibs.crit']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Model Results \\(Odds Ratio scale\\):\\n\\n.*\\n +${dorn.or.pred.toFixed(4)} +${dorn.or['ci.lb'].toFixed(4)} +${dorn.or['ci.ub'].toFixed(4)}`));
    expect(run.stdout).not.toMatch(/^NA\s/m);
    expect(run.stdout).toContain(`Q(df = 3) = ${dorn.subgroupsMissing.Q.toFixed(4)}`);
    expect(run.stdout).toContain('- Row 3 (Brinkhaus) omitted: subgroup label missing.');
  });
});

describe('progress', () => {
  it('nothing on standard error when it is not a terminal; a bar, then cleared, when it is', () => {
    expect(runCli(['analyze', bcg, '-m', 'RR', ...cells]).stderr).toBe('');
    const tty = runCli(['analyze', bcg, '-m', 'RR', ...cells], true);
    expect(tty.status).toBe(0);
    expect(tty.stderr).toContain('pooled');
    expect(existsSync(bcg)).toBe(true);
  });
});
