// ML and REML return the global maximum of their likelihood over tau² ≥ 0, checked against the
// independent brute-force maximiser of ./brute-force-likelihood.ts on random data, including data
// whose sampling variances are spread over four decades (where Fisher scoring from the Hedges
// start often stops at a local maximum), and on meta-regressions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, metaRegression } from '../../src/index.ts';
import { bruteLogLik, bruteMaximum } from './brute-force-likelihood.ts';

const SEED = 20261201;
const LL_TOL = 1e-8;

const ordinary = fc.array(
  fc.record({ yi: fc.double({ min: -2, max: 2, noNaN: true }), vi: fc.double({ min: 0.01, max: 0.2, noNaN: true }) }),
  { minLength: 2, maxLength: 12 },
);
// variances log-uniform over 1e-3 … 10, effects with an occasional outlier
const spread = fc.array(
  fc.record({
    yi: fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true })),
    logv: fc.double({ min: -3, max: 1, noNaN: true }),
  }).map((s) => ({ yi: s.yi, vi: 10 ** s.logv })),
  { minLength: 3, maxLength: 10 },
);

describe.each(['ML', 'REML'] as const)('%s: global maximum of the likelihood', (method) => {
  const reml = method === 'REML';
  const check = (data: { yi: number; vi: number }[]) => {
    const yi = data.map((d) => d.yi);
    const vi = data.map((d) => d.vi);
    if (new Set(yi).size < 2) return;
    const fit = metaAnalysis({ yi, vi }, { method });
    const x = yi.map(() => [1]);
    const brute = bruteMaximum(yi, vi, x, reml);
    expect(bruteLogLik(yi, vi, x, fit.tau2, reml)).toBeGreaterThanOrEqual(brute.ll - LL_TOL);
  };
  it('ordinary data', () => {
    fc.assert(fc.property(ordinary, check), { seed: SEED, numRuns: 80 });
  });
  it('widely spread variances and outliers', () => {
    fc.assert(fc.property(spread, check), { seed: SEED, numRuns: 150 });
  });
  it('meta-regression on one moderator', () => {
    const rows = fc.array(
      fc.record({ yi: fc.double({ min: -3, max: 3, noNaN: true }), logv: fc.double({ min: -3, max: 0.5, noNaN: true }), x: fc.double({ min: 0, max: 5, noNaN: true }) }),
      { minLength: 4, maxLength: 10 },
    );
    fc.assert(
      fc.property(rows, (data) => {
        const yi = data.map((d) => d.yi);
        const vi = data.map((d) => 10 ** d.logv);
        const mod = data.map((d) => d.x);
        if (new Set(mod).size < 2 || new Set(yi).size < 2) return;
        const sd = Math.sqrt(mod.reduce((a, b) => a + (b - mod.reduce((s, t) => s + t, 0) / mod.length) ** 2, 0) / mod.length);
        if (!(sd > 1e-3)) return;
        const fit = metaRegression({ yi, vi }, { moderators: { x: mod }, method });
        const design = mod.map((m) => [1, m]);
        const brute = bruteMaximum(yi, vi, design, reml);
        expect(bruteLogLik(yi, vi, design, fit.tau2, reml)).toBeGreaterThanOrEqual(brute.ll - LL_TOL);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe('data where metafor stops at a local maximum (checked in R)', () => {
  // R metafor 3.8-1: rma(yi, vi, method) with default and with tight control reports tau² = 0 and
  // warns "Fisher scoring algorithm may have gotten stuck at a local maximum"; its own log-likelihood
  // with tau2 fixed, maximised by a 2000-point grid and optimize(tol = 1e-12), peaks elsewhere:
  const cases = [
    {
      method: 'REML' as const,
      yi: [0.048, -0.096, -5.133, -0.052, 0.487, 0.652], vi: [0.00182, 0.0197, 1.96, 0.0056, 3.71, 2.37],
      rMaximum: 0.00199065820327518, llAtMaximum: -8.55571317510844, llMetafor: -8.62852935154135,
    },
    {
      method: 'ML' as const,
      yi: [-0.868, 0.024, 1.713, 0.901, -0.092, -0.016, -1.948], vi: [0.112, 0.00248, 4.98, 5.81, 0.0589, 0.00618, 0.203],
      rMaximum: 0.343579408289823, llAtMaximum: -9.54782924928287, llMetafor: -12.4400105046084,
    },
  ];
  it.each(cases)('$method: the global maximum R finds, with a warning naming metafor\'s answer', (c) => {
    const fit = metaAnalysis({ yi: c.yi, vi: c.vi }, { method: c.method });
    expect(Math.abs(fit.tau2 - c.rMaximum) / c.rMaximum).toBeLessThan(1e-6); // optimize's tolerance
    const x = c.yi.map(() => [1]);
    const reml = c.method === 'REML';
    const remlf = reml ? 0.5 * Math.log(c.yi.length) : 0; // metafor's REML constant ½·log det(XᵀX)
    expect(Math.abs(bruteLogLik(c.yi, c.vi, x, fit.tau2, reml) + remlf - c.llAtMaximum)).toBeLessThan(1e-9);
    expect(Math.abs(bruteLogLik(c.yi, c.vi, x, 0, reml) + remlf - c.llMetafor)).toBeLessThan(1e-9);
    expect(fit.warnings.join(' ')).toMatch(new RegExp(`^${c.method}: Fisher scoring from the Hedges start stops at a local maximum \\(tau² = [^)]*\\); the likelihood is highest at tau² = .*metafor reports tau² = 0\\.`));
    // metafor's stopping rule on request reproduces metafor's answer, and says where the maximum is
    const asMetafor = metaAnalysis({ yi: c.yi, vi: c.vi }, { method: c.method, control: 'metafor' });
    expect(asMetafor.tau2).toBe(0);
    expect(asMetafor.warnings.join(' ')).toMatch(/with metafor's stopping rule tau² = 0; the likelihood is highest at tau² = /);
  });
});
