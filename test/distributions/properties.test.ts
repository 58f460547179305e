// Properties that hold for any valid arguments (fast-check): the two tails add to 1, the
// quantile inverts the CDF, CDFs and quantiles are monotone, and each density is the
// derivative of its CDF.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquarePdf, chiSquareQuantile, chiSquareSf } from '../../src/distributions/chi-square.ts';
import { fisherFCdf, fisherFPdf, fisherFQuantile, fisherFSf } from '../../src/distributions/fisher-f.ts';
import { normalCdf, normalPdf, normalQuantile, normalSf } from '../../src/distributions/normal.ts';
import { studentTCdf, studentTPdf, studentTQuantile, studentTSf } from '../../src/distributions/student-t.ts';

interface Distribution {
  readonly name: string;
  readonly cdf: (x: number) => number;
  readonly sf: (x: number) => number;
  readonly pdf: (x: number) => number;
  readonly quantile: (p: number, upper?: boolean) => number;
}

/** Degrees of freedom, log-uniform on [0.5, 1e6]. */
const df = fc.double({ min: Math.log10(0.5), max: 6, noNaN: true }).map((e) => 10 ** e);

const normal: fc.Arbitrary<Distribution> = fc.constant({
  name: 'normal',
  cdf: normalCdf,
  sf: normalSf,
  pdf: normalPdf,
  quantile: normalQuantile,
});
const studentT = df.map<Distribution>((n) => ({
  name: `t(${n})`,
  cdf: (x) => studentTCdf(x, n),
  sf: (x) => studentTSf(x, n),
  pdf: (x) => studentTPdf(x, n),
  quantile: (p, upper) => studentTQuantile(p, n, upper),
}));
const chiSquare = df.map<Distribution>((n) => ({
  name: `chisq(${n})`,
  cdf: (x) => chiSquareCdf(x, n),
  sf: (x) => chiSquareSf(x, n),
  pdf: (x) => chiSquarePdf(x, n),
  quantile: (p, upper) => chiSquareQuantile(p, n, upper),
}));
const fisherF = fc.tuple(df, df).map<Distribution>(([m, n]) => ({
  name: `F(${m}, ${n})`,
  cdf: (x) => fisherFCdf(x, m, n),
  sf: (x) => fisherFSf(x, m, n),
  pdf: (x) => fisherFPdf(x, m, n),
  quantile: (p, upper) => fisherFQuantile(p, m, n, upper),
}));
const all = fc.oneof(normal, studentT, chiSquare, fisherF);

/** A probability, log-uniform on [1e-280, ½) or uniform on (0, 1). */
const probability = fc.oneof(
  fc.double({ min: -280, max: Math.log10(0.5), noNaN: true }).map((e) => 10 ** e),
  fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
);

/** A point of the distribution, drawn through its quantile so it covers body and tails. */
const point = fc.tuple(all, probability, fc.boolean()).map(([d, p, upper]) => ({ d, x: d.quantile(p, upper) }));

describe('distribution properties', () => {
  it('cdf(x) + sf(x) = 1 where both tails are ≥ 1e-3', () => {
    fc.assert(
      fc.property(point, ({ d, x }) => {
        const lower = d.cdf(x);
        const upper = d.sf(x);
        fc.pre(lower >= 1e-3 && upper >= 1e-3);
        expect(Math.abs(lower + upper - 1)).toBeLessThanOrEqual(4.5e-16);
      }),
      { numRuns: 300 },
    );
  });

  it('quantile(tail(x)) = x, taking the smaller tail, to 1e-12 × the condition number', () => {
    fc.assert(
      fc.property(point, ({ d, x }) => {
        fc.pre(Number.isFinite(x) && x !== 0);
        const lower = d.cdf(x);
        const upper = d.sf(x);
        const useUpper = upper < lower;
        const p = useUpper ? upper : lower;
        fc.pre(p > 1e-290);
        const back = d.quantile(p, useUpper);
        // relative error of x caused by a relative error η in p: η·p/(|x|·f(x))
        const condition = p / (Math.abs(x) * d.pdf(x));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(1e-12 * Math.abs(x) * Math.max(1, condition));
      }),
      { numRuns: 300 },
    );
  });

  it('quantile and cdf are non-decreasing, sf non-increasing (up to 1e-14 relative rounding)', () => {
    fc.assert(
      fc.property(all, probability, probability, (d, p1, p2) => {
        const x1 = d.quantile(Math.min(p1, p2));
        const x2 = d.quantile(Math.max(p1, p2));
        fc.pre(Number.isFinite(x1) && Number.isFinite(x2));
        // quantiles are accurate to ~1e-15, so p's a few ulps apart may swap by an ulp
        expect(x1).toBeLessThanOrEqual(x2 + 1e-14 * Math.abs(x2));
        expect(d.cdf(x1)).toBeLessThanOrEqual(d.cdf(x2) * (1 + 1e-14));
        expect(d.sf(x2)).toBeLessThanOrEqual(d.sf(x1) * (1 + 1e-14));
      }),
      { numRuns: 300 },
    );
  });

  it('the upper-tail quantile decreases in p and mirrors the lower one: q(p, upper) = q(1 − p) for p ≥ ½', () => {
    fc.assert(
      fc.property(all, fc.double({ min: 0.5, max: 1 - 1e-9, noNaN: true }), (d, p) => {
        const a = d.quantile(p, true);
        const b = d.quantile(1 - p); // 1 − p is exact for p ≥ ½
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-13 * Math.max(Math.abs(a), Number.MIN_VALUE));
      }),
      { numRuns: 200 },
    );
  });

  it('pdf is the derivative of cdf (central difference, 1e-6 relative)', () => {
    fc.assert(
      fc.property(
        fc.tuple(all, fc.double({ min: 0.01, max: 0.99, noNaN: true })).map(([d, p]) => ({ d, x: d.quantile(p) })),
        ({ d, x }) => {
          // step: 1e-4 of the local scale T(x)/f(x) of the smaller tail T (and of x itself on
          // (0, ∞), where the density may be singular at 0): the truncation error is then
          // ~1e-8 relative and the rounding error ~ε·T/(h·f) ≈ 1e-12
          const useUpper = d.sf(x) < d.cdf(x);
          const scale = (useUpper ? d.sf(x) : d.cdf(x)) / d.pdf(x);
          const positive = d.quantile(0) === 0;
          const h = 1e-4 * (positive ? Math.min(scale, x) : scale);
          // difference of the smaller tail, which carries no cancellation
          const slope = useUpper
            ? (d.sf(x - h) - d.sf(x + h)) / (2 * h)
            : (d.cdf(x + h) - d.cdf(x - h)) / (2 * h);
          expect(Math.abs(slope / d.pdf(x) - 1)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
