// Conversion round trips against statistics computed directly in the test from raw samples
// (fixed fast-check seed): the group SD through its SE and its CI, the pooled SD through the
// two-sample t test's t, exact p-value and CI, and estimateMeanSd on symmetric samples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateMeanSd, normalQuantile, pooledSdFromCi, pooledSdFromP, pooledSdFromSe, pooledSdFromT, sdFromCi, sdFromSe, studentTQuantile, studentTSf,
} from '../../src/index.ts';
import { TOLERANCES } from '../tolerances.ts';
import { close, SEED } from './arbitraries.ts';

const options = { seed: SEED, numRuns: 100 };
const tol = TOLERANCES.conversion;

const sample = (min: number, max: number) =>
  fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: min, maxLength: max }).filter((xs) => sd(xs) > 1e-3 * (1 + Math.abs(mean(xs))));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

/** The equal-variance two-sample t test, computed here from the samples. */
function tTest(x1: readonly number[], x2: readonly number[], level = 0.95) {
  const [n1, n2] = [x1.length, x2.length];
  const df = n1 + n2 - 2;
  const sp = Math.sqrt(((n1 - 1) * sd(x1) ** 2 + (n2 - 1) * sd(x2) ** 2) / df);
  const md = mean(x1) - mean(x2);
  const se = sp * Math.sqrt(1 / n1 + 1 / n2);
  const t = md / se;
  const q = studentTQuantile((1 + level) / 2, df);
  return { n1, n2, df, sp, md, se, t, p: 2 * studentTSf(Math.abs(t), df), lower: md - q * se, upper: md + q * se };
}

describe('one group: SD → SE / CI of the mean → SD', () => {
  it('sdFromSe recovers the sample SD from SD/√n', () => {
    fc.assert(
      fc.property(sample(2, 200), (xs) => {
        close(sdFromSe({ se: sd(xs) / Math.sqrt(xs.length), n: xs.length }).sd, sd(xs), tol);
      }),
      options,
    );
  });

  it('sdFromCi recovers the sample SD from the t (n − 1 df) or normal CI of the mean, at any level', () => {
    fc.assert(
      fc.property(sample(2, 120), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (xs, level) => {
        const n = xs.length;
        const m = mean(xs);
        const se = sd(xs) / Math.sqrt(n);
        const qt = studentTQuantile((1 + level) / 2, n - 1);
        const t = sdFromCi({ lower: m - qt * se, upper: m + qt * se, n, level, distribution: 't', mean: m });
        close(t.sd, sd(xs), tol, 't');
        expect(t.df).toBe(n - 1);
        expect(t.warnings).toEqual([]);
        const qz = normalQuantile((1 + level) / 2);
        close(sdFromCi({ lower: m - qz * se, upper: m + qz * se, n, level, distribution: 'normal' }).sd, sd(xs), tol, 'normal');
        // 'auto' is t below 60 participants, the normal from 60 (Cochrane 6.5.2.2)
        const q = n < 60 ? qt : qz;
        close(sdFromCi({ lower: m - q * se, upper: m + q * se, n, level }).sd, sd(xs), tol, 'auto');
      }),
      options,
    );
  });
});

describe('two groups: the t test computed here → pooled SD', () => {
  const twoSamples = fc.tuple(sample(2, 60), sample(2, 60)).filter(([a, b]) => Math.abs(mean(a) - mean(b)) > 1e-6 * (1 + Math.abs(mean(a))));

  it('pooledSdFromSe, pooledSdFromT, pooledSdFromP and pooledSdFromCi all recover the pooled SD', () => {
    fc.assert(
      fc.property(twoSamples, fc.double({ min: 0.5, max: 0.999, noNaN: true }), ([x1, x2], level) => {
        const r = tTest(x1, x2, level);
        const groups = { n1: r.n1, n2: r.n2 };
        close(pooledSdFromSe({ se: r.se, ...groups }).sd, r.sp, tol, 'from SE');
        close(pooledSdFromT({ meanDifference: r.md, t: r.t, ...groups }).sd, r.sp, tol, 'from t');
        close(pooledSdFromT({ meanDifference: -r.md, t: r.t, ...groups }).sd, r.sp, tol, 'signs are ignored');
        const ci = pooledSdFromCi({ lower: r.lower, upper: r.upper, level, distribution: 't', meanDifference: r.md, ...groups });
        close(ci.sd, r.sp, tol, 'from CI');
        expect(ci.df).toBe(r.df);
        if (r.p > 1e-250 && r.p < 1 - 1e-9) {
          const fromP = pooledSdFromP({ meanDifference: r.md, pValue: r.p, ...groups });
          expect(fromP.df).toBe(r.df);
          close(fromP.t, Math.abs(r.t), 1e-7, 't from p');
          close(fromP.sd, r.sp, 1e-7, 'from p');
        }
      }),
      options,
    );
  });
});

describe('estimateMeanSd on symmetric samples', () => {
  // quantiles of R's default type 7, computed here
  const quantile = (sorted: readonly number[], p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
  };
  const symmetric = fc
    .tuple(fc.array(fc.double({ min: 0.01, max: 20, noNaN: true }), { minLength: 3, maxLength: 200 }), fc.double({ min: -100, max: 100, noNaN: true }), fc.boolean())
    .map(([half, centre, odd]) => [...half.map((d) => centre - d), ...half.map((d) => centre + d), ...(odd ? [centre] : [])].sort((a, b) => a - b));

  it('gives the centre as the mean, a positive SD and no skewness, from every five-number scenario', () => {
    fc.assert(
      fc.property(symmetric, (xs) => {
        const n = xs.length;
        const [min, q1, median, q3, max] = [0, 0.25, 0.5, 0.75, 1].map((p) => quantile(xs, p)) as [number, number, number, number, number];
        const centre = (min + max) / 2;
        const scale = max - min;
        for (const input of [{ n, min, median, max }, { n, q1, median, q3 }, { n, min, q1, median, q3, max }]) {
          const r = estimateMeanSd(input);
          expect(Math.abs(r.mean! - centre)).toBeLessThanOrEqual(1e-9 * (Math.abs(centre) + scale));
          expect(r.sd).toBeGreaterThan(0);
          expect(r.skewed).toBe(false);
          // mirrored around the centre, the summary gives the same SD
          const mirrored = estimateMeanSd({
            n, ...('min' in input ? { min: 2 * centre - max, max: 2 * centre - min } : {}),
            ...('q1' in input ? { q1: 2 * centre - q3, q3: 2 * centre - q1 } : {}), median: 2 * centre - median,
          });
          close(mirrored.sd, r.sd, 1e-9, 'mirror');
        }
      }),
      { ...options, numRuns: 60 },
    );
  });
});
