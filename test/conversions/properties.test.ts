// Properties of the conversions (fast-check): round trips, equivariance, monotone bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeScoreCorrelation, changeScoreSd, estimateMeanSd, fromEstimateAndCi, imputeSd, maxSdForSignificance,
  normalQuantile, pooledSdFromCi, pooledSdFromP, pooledSdFromSe, sdFromCi, sdFromSe, sensitivity, studentTQuantile,
  studentTSf,
} from '../../src/index.ts';

const REL = 1e-9;
const close = (a: number, b: number, rel = REL): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300);

const sdArb = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const nArb = fc.integer({ min: 2, max: 5000 });
const levelArb = fc.constantFrom(0.8, 0.9, 0.95, 0.99);

describe('round trips', () => {
  it('SD → SE → SD', () => {
    fc.assert(fc.property(sdArb, nArb, (sd, n) => close(sdFromSe({ se: sd / Math.sqrt(n), n }).sd, sd)));
  });

  it('SD → CI of the mean (t below 60, normal from 60, Cochrane 6.5.2.2) → SD', () => {
    fc.assert(
      fc.property(sdArb, nArb, levelArb, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (sd, n, level, mean) => {
        const p = (1 + level) / 2;
        const crit = n < 60 ? studentTQuantile(p, n - 1) : normalQuantile(p);
        const half = (crit * sd) / Math.sqrt(n);
        const r = sdFromCi({ lower: mean - half, upper: mean + half, n, level });
        return close(r.sd, sd, 1e-7) && r.distribution === (n < 60 ? 't' : 'normal');
      }),
    );
  });

  it('pooled SD → SE of the difference → pooled SD', () => {
    fc.assert(
      fc.property(sdArb, nArb, nArb, (sd, n1, n2) => close(pooledSdFromSe({ se: sd * Math.sqrt(1 / n1 + 1 / n2), n1, n2 }).sd, sd)),
    );
  });

  it('pooled SD → two-sided t-test p-value → pooled SD', () => {
    fc.assert(
      fc.property(sdArb, fc.integer({ min: 2, max: 500 }), fc.integer({ min: 2, max: 500 }), fc.double({ min: 0.2, max: 4, noNaN: true }), (sd, n1, n2, t) => {
        const md = t * sd * Math.sqrt(1 / n1 + 1 / n2);
        const p = 2 * studentTSf(t, n1 + n2 - 2);
        return close(pooledSdFromP({ meanDifference: md, pValue: p, n1, n2 }).sd, sd, 1e-7);
      }),
    );
  });

  it('pooled SD → CI of the difference → pooled SD', () => {
    fc.assert(
      fc.property(sdArb, nArb, nArb, levelArb, (sd, n1, n2, level) => {
        const p = (1 + level) / 2;
        const crit = Math.min(n1, n2) < 60 ? studentTQuantile(p, n1 + n2 - 2) : normalQuantile(p);
        const half = crit * sd * Math.sqrt(1 / n1 + 1 / n2);
        return close(pooledSdFromCi({ lower: 1 - half, upper: 1 + half, n1, n2, level }).sd, sd, 1e-7);
      }),
    );
  });

  it('vi → Wald CI → vi, on the log scale too', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 1e-3, max: 2, noNaN: true }), levelArb, (yi, se, level) => {
        const z = normalQuantile((1 + level) / 2);
        const plain = fromEstimateAndCi({ estimate: yi, lower: yi - z * se, upper: yi + z * se, level });
        const logged = fromEstimateAndCi({ estimate: Math.exp(yi), lower: Math.exp(yi - z * se), upper: Math.exp(yi + z * se), level, transform: 'log' });
        return close(plain.vi, se * se, 1e-7) && close(logged.vi, se * se, 1e-7) && Math.abs(logged.yi - yi) <= 1e-12 && logged.warnings.length === 0;
      }),
    );
  });

  it('vi → Wald p-value → vi', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 3, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true }), (yi, se) => {
        // |z| ≤ 4 keeps 1 − erf free of cancellation (p ≥ 6e-5)
        fc.pre(yi / se <= 4);
        const p = 1 - erf(yi / se / Math.SQRT2);
        return close(fromEstimateAndCi({ estimate: yi, pValue: p }).se, se, 1e-5);
      }),
    );
  });

  it('correlation → change-score SD → correlation', () => {
    fc.assert(
      fc.property(sdArb, sdArb, fc.double({ min: -1, max: 1, noNaN: true }), (a, b, r) => {
        const sd = changeScoreSd({ sdBaseline: a, sdFinal: b, correlation: r }).sd;
        const back = changeScoreCorrelation({ sdBaseline: a, sdFinal: b, sdChange: sd }).correlation;
        return Math.abs(back - r) < 1e-8;
      }),
    );
  });
});

describe('five-number summaries', () => {
  const summary = fc
    .tuple(fc.integer({ min: 5, max: 2000 }), fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 }))
    .map(([n, xs]) => {
      const [min, q1, median, q3, max] = [...xs].sort((a, b) => a - b) as [number, number, number, number, number];
      return { n, min, q1, median, q3, max };
    })
    .filter((s) => s.max - s.min > 1e-3 && s.q3 - s.q1 > 1e-3);
  const pick = (s: { n: number; min: number; q1: number; median: number; q3: number; max: number }, which: 'S1' | 'S2' | 'S3') =>
    which === 'S1' ? { n: s.n, min: s.min, median: s.median, max: s.max }
      : which === 'S2' ? { n: s.n, q1: s.q1, median: s.median, q3: s.q3 }
        : s;

  it('location-scale equivariance: a + b·x gives mean a + b·mean, SD b·SD, the same skewness verdict', () => {
    fc.assert(
      fc.property(summary, fc.constantFrom('S1', 'S2', 'S3') as fc.Arbitrary<'S1' | 'S2' | 'S3'>, fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (s, which, a, b) => {
        const base = estimateMeanSd(pick(s, which));
        const t = pick({ n: s.n, min: a + b * s.min, q1: a + b * s.q1, median: a + b * s.median, q3: a + b * s.q3, max: a + b * s.max }, which);
        const moved = estimateMeanSd(t);
        const scale = b * (Math.abs(s.max) + Math.abs(s.min) + 1) + Math.abs(a);
        return Math.abs(moved.mean! - (a + b * base.mean!)) <= 1e-9 * scale && close(moved.sd, b * base.sd, 1e-8) &&
          (Math.abs(base.skewness!.statistic - base.skewness!.critical) < 1e-6 || moved.skewed === base.skewed);
      }),
    );
  });

  it('a symmetric summary has mean = median and is not skewed, for every default estimator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 5000 }), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (n, m, h, k) => {
        const s = { n, min: m - k * h, q1: m - h, median: m, q3: m + h, max: m + k * h };
        return (['S1', 'S2', 'S3'] as const).every((which) => {
          const r = estimateMeanSd(pick(s, which));
          return Math.abs(r.mean! - m) <= 1e-12 * (Math.abs(m) + k * h) && r.skewed === false;
        });
      }),
    );
  });

  it('the SD grows with the spread and shrinks with n (range-based estimators)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 1000 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (n, w) => {
        const a = estimateMeanSd({ n, min: 0, median: w, max: 2 * w }).sd;
        const wider = estimateMeanSd({ n, min: 0, median: w, max: 2 * w + 1 }).sd;
        const larger = estimateMeanSd({ n: n + 1, min: 0, median: w, max: 2 * w }).sd;
        return wider > a && larger < a;
      }),
    );
  });
});

describe('bounds and imputation', () => {
  const mdArb = fc.double({ min: 0.01, max: 100, noNaN: true });
  const groupArb = fc.integer({ min: 2, max: 1000 });

  it('maxSdForSignificance increases with |MD| and is linear in it', () => {
    fc.assert(
      fc.property(mdArb, mdArb, groupArb, groupArb, fc.constantFrom('t', 'z') as fc.Arbitrary<'t' | 'z'>, (a, b, n1, n2, test) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        fc.pre(hi > lo * (1 + 1e-9));
        const sLo = maxSdForSignificance({ meanDifference: lo, n1, n2, test }).sd;
        const sHi = maxSdForSignificance({ meanDifference: -hi, n1, n2, test }).sd;
        return sHi > sLo && close(sHi / sLo, hi / lo, 1e-9);
      }),
    );
  });

  it('maxSdForSignificance increases with n1 and with n2', () => {
    fc.assert(
      fc.property(mdArb, groupArb, groupArb, fc.integer({ min: 1, max: 100 }), fc.constantFrom('t', 'z') as fc.Arbitrary<'t' | 'z'>, (md, n1, n2, extra, test) => {
        const base = maxSdForSignificance({ meanDifference: md, n1, n2, test }).sd;
        return maxSdForSignificance({ meanDifference: md, n1: n1 + extra, n2, test }).sd > base &&
          maxSdForSignificance({ meanDifference: md, n1, n2: n2 + extra, test }).sd > base;
      }),
    );
  });

  it('maxSdForSignificance decreases as alpha gets stricter', () => {
    fc.assert(
      fc.property(mdArb, groupArb, groupArb, (md, n1, n2) =>
        maxSdForSignificance({ meanDifference: md, n1, n2, alpha: 0.01 }).sd < maxSdForSignificance({ meanDifference: md, n1, n2, alpha: 0.05 }).sd),
    );
  });

  it('imputed SD: median and pooled lie within the reported range, maximum is the largest; all are permutation invariant', () => {
    const studies = fc.array(fc.record({ sd: sdArb, n: fc.integer({ min: 2, max: 500 }) }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(studies, (ss) => {
        const rows = [...ss.map((s, i) => ({ study: `S${i}`, sdi: s.sd, ni: s.n })), { study: 'gap', ni: 10 }];
        const reversed = [...rows].reverse();
        const lo = Math.min(...ss.map((s) => s.sd));
        const hi = Math.max(...ss.map((s) => s.sd));
        return (['median', 'pooled', 'maximum'] as const).every((method) => {
          const v = imputeSd(rows, { method }).value!;
          const w = imputeSd(reversed, { method }).value!;
          const inRange = v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12);
          return inRange && close(v, w, 1e-12) && (method !== 'maximum' || v === hi);
        });
      }),
    );
  });

  it('sensitivity keeps one row per value, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }), (values) => {
        const t = sensitivity({ parameter: 'x', values, analyse: (v) => v + 1 });
        return t.rows.length === values.length && t.rows.every((row, i) => row.value === values[i] && row.result === values[i]! + 1);
      }),
    );
  });
});

/**
 * erf(x) = (2/√π)∫₀ˣ exp(−t²) dt by composite Simpson, independent of the library's normal
 * functions (using them here would test the code against itself).
 */
function erf(x: number): number {
  const steps = 2000;
  const h = x / steps;
  let s = 1 + Math.exp(-x * x);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * Math.exp(-(i * h) * (i * h));
  return ((2 / Math.sqrt(Math.PI)) * h * s) / 3;
}
