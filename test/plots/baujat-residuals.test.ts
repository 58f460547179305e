// baujat() and standardizedResiduals() against R metafor's baujat() and rstandard()
// (test/fixtures/metafor-plots, generate.R), and a direct computation of the EE case.
import { describe, expect, it } from 'vitest';
import { baujat, metaAnalysis, standardizedResiduals, InputError } from '../../src/index.ts';
import { TOLERANCES, arrayMismatches, tierOf } from '../tolerances.ts';
import { fixtureFit, interceptOnlyCases } from './plot-fixtures.ts';

describe.each(interceptOnlyCases())('%s', (_, fx, entry) => {
  const fit = fixtureFit(fx, entry);
  const tol = TOLERANCES[tierOf(entry.method)];

  it('fits the fixture\'s model', () => {
    expect(fit.estimate).toBeCloseTo(entry.b, 7);
  });

  it('baujat matches baujat()', () => {
    const points = baujat(fit);
    expect([
      ...arrayMismatches(points.map((p) => p.x), entry.baujat.x, tol, 'x'),
      ...arrayMismatches(points.map((p) => p.y), entry.baujat.y, tol, 'y'),
    ]).toEqual([]);
    expect(points.map((p) => p.label)).toEqual(fit.labels);
  });

  it('standardizedResiduals matches rstandard()', () => {
    const r = standardizedResiduals(fit);
    expect([
      ...arrayMismatches(r.map((p) => p.resid), entry.rstandard.resid, tol, 'resid'),
      ...arrayMismatches(r.map((p) => p.se), entry.rstandard.se, tol, 'se'),
      ...arrayMismatches(r.map((p) => p.z), entry.rstandard.z, tol, 'z'),
    ]).toEqual([]);
  });
});

describe('equal-effects model, direct computation', () => {
  const yi = [0.1, 0.3, 0.5, -0.2];
  const vi = [0.01, 0.02, 0.015, 0.04];
  const fit = metaAnalysis({ yi, vi }, { method: 'EE' });
  const w = vi.map((v) => 1 / v);
  const sw = w.reduce((a, b) => a + b, 0);
  const mu = yi.reduce((a, y, i) => a + w[i]! * y, 0) / sw;

  it('baujat x sums to Q and y is the squared shift over the deleted variance', () => {
    const points = baujat(fit);
    const q = yi.reduce((a, y, i) => a + w[i]! * (y - mu) ** 2, 0);
    expect(points.reduce((a, p) => a + p.x, 0)).toBeCloseTo(q, 12);
    for (let i = 0; i < yi.length; i++) {
      const sw1 = sw - w[i]!;
      const mu1 = (yi.reduce((a, y, j) => a + w[j]! * y, 0) - w[i]! * yi[i]!) / sw1;
      expect(points[i]!.y).toBeCloseTo((mu1 - mu) ** 2 * sw1, 10);
    }
  });

  it('standardized residuals use Var e = v − 1/Σw', () => {
    const r = standardizedResiduals(fit);
    for (let i = 0; i < yi.length; i++) expect(r[i]!.z).toBeCloseTo((yi[i]! - mu) / Math.sqrt(vi[i]! - 1 / sw), 12);
  });

  it('rejects k = 1 and non-fits', () => {
    const one = metaAnalysis({ yi: [0.1], vi: [0.01] });
    expect(() => baujat(one)).toThrow(InputError);
    expect(() => standardizedResiduals(null as never)).toThrow(/fit/);
  });
});
