// `control: 'metafor'` reproduces what R prints with metafor's default control (threshold 1e-5,
// maxiter 100, stepadj 1, tol ε^¼): test/fixtures/metafor-control/default-control.json, made by
// generate.R there with metafor 3.8-1 (same default stopping rule for rma.uni as 5.1).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, metaRegression, type Tau2Method } from '../../src/index.ts';
import { mismatch } from '../tolerances.ts';

type Num = number | null;
interface ModelCase { data: string; method: Tau2Method; test: 'z' | 'knha'; yi: number[]; vi: number[]; tau2: Num; 'se.tau2': Num; b: Num; se: Num; pval: Num; 'ci.lb': Num; 'ci.ub': Num; I2: Num }
interface RegressionCase { data: string; method: Tau2Method; yi: number[]; vi: number[]; x: number[]; tau2: Num; b: Num[]; se: Num[]; pval: Num[] }
const fx = JSON.parse(readFileSync(new URL('../fixtures/metafor-control/default-control.json', import.meta.url), 'utf8')) as {
  models: ModelCase[];
  regressions: RegressionCase[];
};
// the same iteration in other arithmetic (k-vector sums instead of k×k matrix products)
const DIGITS = 1e-10;

describe('metaAnalysis(control: metafor) = rma() with default control', () => {
  it.each(fx.models.map((m) => [`${m.data} ${m.method}/${m.test}`, m] as const))('%s', (_label, m) => {
    const fit = metaAnalysis({ yi: m.yi, vi: m.vi }, { method: m.method, test: m.test, control: 'metafor' });
    const problems = [
      mismatch(fit.tau2, m.tau2, DIGITS, 'tau2'),
      mismatch(fit.tau2Se, m['se.tau2'], DIGITS, 'tau2Se'),
      mismatch(fit.estimate, m.b, DIGITS, 'estimate'),
      mismatch(fit.se, m.se, DIGITS, 'se'),
      mismatch(fit.pValue, m.pval, DIGITS, 'pValue'),
      mismatch(fit.ci.lower, m['ci.lb'], DIGITS, 'ci.lower'),
      mismatch(fit.ci.upper, m['ci.ub'], DIGITS, 'ci.upper'),
      mismatch(fit.i2, m.I2, DIGITS, 'i2'),
    ].filter((x) => x !== null);
    expect(problems).toEqual([]);
  });

  it('differs from the exact solution where metafor stops early (so the option matters)', () => {
    const gaps = fx.models.map((m) => {
      const exact = metaAnalysis({ yi: m.yi, vi: m.vi }, { method: m.method, test: m.test });
      return Math.abs(exact.tau2 - (m.tau2 as number)) / Math.max(1e-12, m.tau2 as number);
    });
    expect(Math.max(...gaps)).toBeGreaterThan(1e-7);
  });

  it('accepts metafor\'s control entries and rejects bad ones', () => {
    const m = fx.models[0]!;
    const a = metaAnalysis({ yi: m.yi, vi: m.vi }, { method: 'REML', control: { threshold: 1e-5, maxiter: 100, stepadj: 1 } });
    const b = metaAnalysis({ yi: m.yi, vi: m.vi }, { method: 'REML', control: 'metafor' });
    expect(a.tau2).toBe(b.tau2);
    expect(() => metaAnalysis({ yi: m.yi, vi: m.vi }, { control: { maxiter: 2.5 } })).toThrow(/control\.maxiter/);
    expect(() => metaAnalysis({ yi: m.yi, vi: m.vi }, { control: { threshold: -1 } })).toThrow(/control\.threshold/);
  });
});

describe('metaRegression(control: metafor) = rma(mods = ~ sqrt(vi)) with default control', () => {
  it.each(fx.regressions.map((r) => [`${r.data} ${r.method}`, r] as const))('%s', (_label, r) => {
    const fit = metaRegression({ yi: r.yi, vi: r.vi }, { moderators: { x: r.x }, method: r.method, control: 'metafor' });
    const problems = [
      mismatch(fit.tau2, r.tau2, DIGITS, 'tau2'),
      ...fit.coefficients.flatMap((c, j) => [
        mismatch(c.estimate, r.b[j], DIGITS, `b[${j}]`),
        mismatch(c.se, r.se[j], DIGITS, `se[${j}]`),
        mismatch(c.pValue, r.pval[j], DIGITS, `pval[${j}]`),
      ]),
    ].filter((x) => x !== null);
    expect(problems).toEqual([]);
  });
});
