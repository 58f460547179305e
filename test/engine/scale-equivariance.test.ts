// Scale-free: multiplying every yi by c and vi by c² multiplies every estimate, SE, CI and
// prediction-interval bound by c and tau² (and its Q-profile bounds) by c², and changes no p-value
// or I², for c from 1e-8 to 1e8, for every estimator, meta-regression and multilevel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, metaRegression, multilevel, TAU2_METHODS, type MetaAnalysisResult } from '../../src/index.ts';

const SEED = 20261201;
const TOL = 1e-10;
const FACTORS = [1e-8, 1e-5, 1e-2, 1e3, 1e8];

// effects on a grid of 1e-6 (as reported data are), so that no τ² is a product of numbers that
// underflow below 1e-300 at one scale and not at another
const effect = fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 1e6);
const studies = fc.array(
  fc.record({ yi: effect, logv: fc.double({ min: -2.5, max: 0, noNaN: true }) })
    .map((s) => ({ yi: s.yi, vi: 10 ** s.logv })),
  { minLength: 3, maxLength: 15 },
);

/** |a − c·b| within TOL relative to `scale` (the quantity's natural size, e.g. c·SE for a location). */
function close(a: number | null, b: number | null, c: number, scale: number, label: string): string | null {
  if (a === null || b === null) return a === b ? null : `${label}: ${a} vs ${b}`;
  const diff = Math.abs(a - c * b);
  return diff <= TOL * Math.max(Math.abs(c * b), scale) ? null : `${label}: ${a} vs ${c * b} (rel ${(diff / Math.abs(c * b)).toExponential(2)})`;
}

function compare(scaled: MetaAnalysisResult, base: MetaAnalysisResult, c: number): string[] {
  const loc = c * base.se;
  const tiny = 1e-300;
  const out = [
    close(scaled.estimate, base.estimate, c, loc, 'estimate'),
    close(scaled.se, base.se, c, tiny, 'se'),
    close(scaled.ci.lower, base.ci.lower, c, loc, 'ci.lower'),
    close(scaled.ci.upper, base.ci.upper, c, loc, 'ci.upper'),
    close(scaled.predictionInterval.lower, base.predictionInterval.lower, c, loc, 'pi.lower'),
    close(scaled.predictionInterval.upper, base.predictionInterval.upper, c, loc, 'pi.upper'),
    close(scaled.tau2, base.tau2, c * c, tiny, 'tau2'),
    close(scaled.pValue, base.pValue, 1, tiny, 'pValue'),
    close(scaled.i2, base.i2, 1, TOL, 'i2'),
    close(scaled.q, base.q, 1, tiny, 'q'),
  ];
  const atLimit = (f: MetaAnalysisResult) => f.warnings.some((w) => /search limit/.test(w));
  if (base.tau2Ci && scaled.tau2Ci && !atLimit(base) && !atLimit(scaled)) {
    out.push(close(scaled.tau2Ci.lower, base.tau2Ci.lower, c * c, tiny, 'tau2Ci.lower'));
    out.push(close(scaled.tau2Ci.upper, base.tau2Ci.upper, c * c, tiny, 'tau2Ci.upper'));
  }
  return out.filter((x): x is string => x !== null);
}

describe.each(TAU2_METHODS)('metaAnalysis is scale-free, method %s', (method) => {
  it.each(['z', 'knha'] as const)('test %s', (test) => {
    fc.assert(
      fc.property(studies, (data) => {
        const yi = data.map((d) => d.yi);
        const vi = data.map((d) => d.vi);
        const base = metaAnalysis({ yi, vi }, { method, test });
        for (const c of FACTORS) {
          const scaled = metaAnalysis({ yi: yi.map((y) => y * c), vi: vi.map((v) => v * c * c) }, { method, test });
          expect(compare(scaled, base, c), `c = ${c}`).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});

describe.each(TAU2_METHODS)('metaRegression is scale-free, method %s', (method) => {
  it('coefficients, SEs, tau² and tests', () => {
    const rows = fc.array(
      fc.record({ yi: effect, logv: fc.double({ min: -2.5, max: 0, noNaN: true }), x: fc.integer({ min: 0, max: 6 }) }),
      { minLength: 5, maxLength: 12 },
    );
    fc.assert(
      fc.property(rows, (data) => {
        const x = data.map((d) => d.x);
        if (new Set(x).size < 2) return;
        const yi = data.map((d) => d.yi);
        const vi = data.map((d) => 10 ** d.logv);
        const base = metaRegression({ yi, vi }, { moderators: { x }, method });
        for (const c of FACTORS) {
          const s = metaRegression({ yi: yi.map((y) => y * c), vi: vi.map((v) => v * c * c) }, { moderators: { x }, method });
          const problems = [
            close(s.tau2, base.tau2, c * c, 1e-300, 'tau2'),
            close(s.qe, base.qe, 1, 1e-300, 'qe'),
            close(s.qmPValue, base.qmPValue, 1, 1e-300, 'qmPValue'),
            close(s.i2, base.i2, 1, TOL, 'i2'),
            ...s.coefficients.flatMap((co, j) => {
              const b = base.coefficients[j]!;
              return [
                close(co.estimate, b.estimate, c, c * b.se, `${co.name}.estimate`),
                close(co.se, b.se, c, 1e-300, `${co.name}.se`),
                close(co.pValue, b.pValue, 1, 1e-300, `${co.name}.pValue`),
              ];
            }),
          ].filter((p) => p !== null);
          expect(problems, `c = ${c}`).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});

describe('multilevel is scale-free', () => {
  it('estimate, SE and both variance components', () => {
    const rows = fc.array(
      fc.record({ yi: effect, logv: fc.double({ min: -2.5, max: 0, noNaN: true }) }),
      { minLength: 6, maxLength: 12 },
    );
    fc.assert(
      fc.property(rows, (data) => {
        const yi = data.map((d) => d.yi);
        const vi = data.map((d) => 10 ** d.logv);
        const outer = data.map((_, i) => `c${i % 3}`);
        const inner = data.map((_, i) => `e${i}`);
        const base = multilevel({ yi, vi }, { outer, inner });
        for (const c of FACTORS) {
          const s = multilevel({ yi: yi.map((y) => y * c), vi: vi.map((v) => v * c * c) }, { outer, inner });
          const problems = [
            close(s.estimate, base.estimate, c, c * base.se, 'estimate'),
            close(s.se, base.se, c, 1e-300, 'se'),
            close(s.sigma2[0], base.sigma2[0], c * c, 1e-12 * c * c * Math.max(...vi), 'sigma2.outer'),
            close(s.sigma2[1], base.sigma2[1], c * c, 1e-12 * c * c * Math.max(...vi), 'sigma2.inner'),
            close(s.pValue, base.pValue, 1, 1e-300, 'pValue'),
          ].filter((p) => p !== null);
          expect(problems, `c = ${c}`).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});

// beyond 4,097 studies the centre and unit come from a sample of the studies (scaleData)
describe('metaAnalysis is scale-free at large k (k = 6,001)', () => {
  const k = 6001;
  const yi = Array.from({ length: k }, (_, i) => Math.round(1e6 * Math.sin(0.37 * i) * (1 + (i % 7) / 3)) / 1e6);
  const vi = Array.from({ length: k }, (_, i) => 10 ** (-2.5 + 2.5 * (((i * 97) % 1000) / 1000)));
  it.each(['REML', 'DL', 'PM'] as const)('method %s', (method) => {
    const base = metaAnalysis({ yi, vi }, { method });
    for (const c of [1e-8, 1e8]) {
      const scaled = metaAnalysis({ yi: yi.map((y) => y * c), vi: vi.map((v) => v * c * c) }, { method });
      expect(compare(scaled, base, c), `c = ${c}`).toEqual([]);
    }
  });
});
