import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult, metaAnalysis, metaRegression, permutationTest, resultKind, type Tau2Method, type TestType } from '../../../src/index.ts';

const DIR = join(import.meta.dirname, '../../fixtures/metafor-tau2');
const load = (name: string) => JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));

interface Perm { method: Tau2Method; test: TestType; iter: number; iterations: number; pval: number | number[]; QMp: number; zval: number | number[] }
const arr = (x: number | number[]) => (Array.isArray(x) ? x : [x]);

describe('exact permutation tests reproduce metafor 5.1 permutest() exactly', () => {
  const cases: [string, string, number | null, (c: { yi: number[]; vi: number[]; moderators?: Record<string, number[]> }) => { yi: number[]; vi: number[]; mods?: Record<string, number[]> }][] = [
    ['hine1989', 'interceptExact', null, (c) => ({ yi: c.yi, vi: c.vi })],
    ['hine1989', 'regressionExact', null, (c) => ({ yi: c.yi, vi: c.vi, mods: c.moderators })],
    ['bcg', 'interceptExact', 8, (c) => ({ yi: c.yi.slice(0, 8), vi: c.vi.slice(0, 8) })],
    ['bcg', 'interceptExactDL', 8, (c) => ({ yi: c.yi.slice(0, 8), vi: c.vi.slice(0, 8) })],
    ['follmann1999', 'interceptExactDL', null, (c) => ({ yi: c.yi, vi: c.vi })],
  ];
  for (const [name, key, , pick] of cases) {
    it(`${name} ${key}`, () => {
      const c = load(name);
      const ref = c.permutation[key] as Perm;
      const d = pick(c);
      const fit = d.mods
        ? metaRegression({ yi: d.yi, vi: d.vi }, { moderators: d.mods, method: ref.method, test: ref.test })
        : metaAnalysis({ yi: d.yi, vi: d.vi }, { method: ref.method, test: ref.test });
      const r = permutationTest(fit, { exact: true, progress: false });
      expect(r.exact).toBe(true);
      expect(r.permutations).toBe(ref.iterations);
      arr(ref.zval).forEach((z, j) => expect(r.coefficients[j]!.statistic).toBeCloseTo(z, 4) /* R ran with metafor's default threshold 1e-5 */);
      arr(ref.pval).forEach((p, j) => expect(r.coefficients[j]!.permutationPValue).toBeCloseTo(p, 13));
      expect(r.qmPermutationPValue).toBeCloseTo(ref.QMp, 13);
    });
  }

  const bcg7 = load('bcg7-permutation');
  for (const key of ['DLz', 'DLknha']) {
    it(`bcg (7 trials) on latitude, ${key}: all 2520 distinct row permutations`, () => {
      const ref = bcg7[key] as Perm;
      const fit = metaRegression({ yi: bcg7.yi, vi: bcg7.vi }, { moderators: { ablat: bcg7.ablat }, method: ref.method, test: ref.test });
      const r = permutationTest(fit, { exact: true, progress: false });
      expect(r.permutations).toBe(2520);
      arr(ref.zval).forEach((z, j) => expect(r.coefficients[j]!.statistic).toBeCloseTo(z, 10));
      arr(ref.pval).forEach((p, j) => expect(r.coefficients[j]!.permutationPValue).toBeCloseTo(p, 13));
      expect(r.qmPermutationPValue).toBeCloseTo(ref.QMp, 13);
    });
  }

  it('bcg (7 trials) REML: metafor loses one refit (Fisher scoring fails), pooled solves it; the other 2519 agree', () => {
    const ref = bcg7.REML as Perm & { failed: number };
    const fit = metaRegression({ yi: bcg7.yi, vi: bcg7.vi }, { moderators: { ablat: bcg7.ablat } });
    const r = permutationTest(fit, { exact: true, progress: false });
    expect(r.permutations).toBe(2520);
    arr(ref.pval).forEach((p, j) => {
      const extra = r.coefficients[j]!.permutationPValue! * 2520 - p * (2520 - ref.failed);
      expect([0, 1]).toContain(Math.round(extra));
      expect(Math.abs(extra - Math.round(extra))).toBeLessThan(1e-9);
    });
  });

  it("metafor's published values: hine1989 p = 0.0625 (RE), 1 and 0.0028 (mixed); Follmann & Proschan 10/256 for the coefficient", () => {
    const c = load('hine1989');
    const re = permutationTest(metaAnalysis({ yi: c.yi, vi: c.vi }), { progress: false });
    expect(re.coefficients[0]!.permutationPValue).toBe(0.0625);
    const me = permutationTest(metaRegression({ yi: c.yi, vi: c.vi }, { moderators: { mod: [3, 1, 2, 2, 4, 5] } }), { progress: false });
    expect(me.coefficients[0]!.permutationPValue).toBe(1);
    expect(me.coefficients[1]!.permutationPValue).toBeCloseTo(0.0028, 4);
  });
});

describe('approximate permutation tests agree with metafor within Monte Carlo error', () => {
  for (const key of ['interceptApprox', 'regressionApprox']) {
    it(`bcg ${key}`, () => {
      const c = load('bcg');
      const ref = c.permutation[key] as Perm;
      const fit = key === 'regressionApprox'
        ? metaRegression({ yi: c.yi, vi: c.vi }, { moderators: c.moderators })
        : metaAnalysis({ yi: c.yi, vi: c.vi });
      const r = permutationTest(fit, { iterations: 2000, seed: 20261201, progress: false });
      arr(ref.pval).forEach((p, j) => {
        const mc = Math.sqrt((p * (1 - p)) / 2000 + (p * (1 - p)) / ref.iterations);
        expect(Math.abs(r.coefficients[j]!.permutationPValue! - p)).toBeLessThanOrEqual(4 * mc + 1 / 2000);
      });
      expect(r.exact).toBe(key === 'interceptApprox' ? false : false);
    });
  }

  it('the same seed gives the same p-values; the result prints and survives JSON', () => {
    const c = load('bcg');
    const fit = metaRegression({ yi: c.yi, vi: c.vi }, { moderators: c.moderators });
    const a = permutationTest(fit, { iterations: 200, seed: 5, progress: false });
    const b = permutationTest(fit, { iterations: 200, seed: 5, progress: false });
    expect(a).toEqual(b);
    const round = JSON.parse(JSON.stringify(a));
    expect(resultKind(round)).toBe('permutationTest');
    expect(formatResult(round)).toContain('permutation test');
  });
});
