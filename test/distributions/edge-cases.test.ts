// Domain edges. Expected values are R 4.2's answers to the same calls (quoted), or follow from
// the definitions (support ends, symmetry), as noted.
import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquarePdf, chiSquareQuantile, chiSquareSf } from '../../src/distributions/chi-square.ts';
import { fisherFCdf, fisherFPdf, fisherFQuantile, fisherFSf } from '../../src/distributions/fisher-f.ts';
import { normalCdf, normalPdf, normalQuantile, normalSf } from '../../src/distributions/normal.ts';
import { studentTCdf, studentTPdf, studentTQuantile, studentTSf } from '../../src/distributions/student-t.ts';
import { distributionMismatch } from './fixture.ts';

const close = (got: number, want: number, label: string): void => {
  expect(distributionMismatch(got, want, label)).toBeNull();
};

describe('NaN in, NaN out (R: pnorm(NaN), pt(NaN, 3), qchisq(NaN, 3), pf(1, NaN, 2) are NaN)', () => {
  const calls: [string, () => number][] = [
    ['normalCdf(NaN)', () => normalCdf(NaN)],
    ['normalSf(NaN)', () => normalSf(NaN)],
    ['normalPdf(NaN)', () => normalPdf(NaN)],
    ['normalQuantile(NaN)', () => normalQuantile(NaN)],
    ['studentTCdf(NaN, 3)', () => studentTCdf(NaN, 3)],
    ['studentTSf(1, NaN)', () => studentTSf(1, NaN)],
    ['studentTPdf(1, NaN)', () => studentTPdf(1, NaN)],
    ['studentTQuantile(NaN, 3)', () => studentTQuantile(NaN, 3)],
    ['studentTQuantile(0.3, NaN)', () => studentTQuantile(0.3, NaN)],
    ['chiSquareCdf(NaN, 3)', () => chiSquareCdf(NaN, 3)],
    ['chiSquareSf(1, NaN)', () => chiSquareSf(1, NaN)],
    ['chiSquarePdf(NaN, 3)', () => chiSquarePdf(NaN, 3)],
    ['chiSquareQuantile(NaN, 3)', () => chiSquareQuantile(NaN, 3)],
    ['fisherFCdf(NaN, 1, 2)', () => fisherFCdf(NaN, 1, 2)],
    ['fisherFSf(1, NaN, 2)', () => fisherFSf(1, NaN, 2)],
    ['fisherFPdf(1, 2, NaN)', () => fisherFPdf(1, 2, NaN)],
    ['fisherFQuantile(0.5, 1, NaN)', () => fisherFQuantile(0.5, 1, NaN)],
  ];
  it.each(calls)('%s', (_label, call) => {
    expect(call()).toBeNaN();
  });
});

describe('out of domain gives NaN (R: pt(1, 0), qt(0.5, -1), qnorm(1.5), pchisq(1, -1), qf(-0.1, 2, 3) are NaN)', () => {
  const calls: [string, () => number][] = [
    ['studentTSf(1, 0)', () => studentTSf(1, 0)],
    ['studentTQuantile(0.5, -1)', () => studentTQuantile(0.5, -1)],
    ['studentTPdf(0, -2)', () => studentTPdf(0, -2)],
    ['normalQuantile(1.5)', () => normalQuantile(1.5)],
    ['normalQuantile(-1e-300)', () => normalQuantile(-1e-300)],
    ['chiSquareCdf(1, -1)', () => chiSquareCdf(1, -1)],
    ['chiSquareQuantile(0.5, -3)', () => chiSquareQuantile(0.5, -3)],
    ['chiSquareQuantile(2, 3)', () => chiSquareQuantile(2, 3)],
    ['fisherFSf(1, -2, 3)', () => fisherFSf(1, -2, 3)],
    ['fisherFQuantile(-0.1, 2, 3)', () => fisherFQuantile(-0.1, 2, 3)],
    ['fisherFPdf(1, 2, 0)', () => fisherFPdf(1, 2, 0)],
    // deviation from R: R treats df = 0 of the chi-square as a point mass at 0 (pchisq(1, 0) = 1);
    // here df must be positive
    ['chiSquareSf(1, 0)', () => chiSquareSf(1, 0)],
  ];
  it.each(calls)('%s', (_label, call) => {
    expect(call()).toBeNaN();
  });
});

describe('p = 0 and p = 1 give the ends of the support (R: qt(0, 3) = -Inf, qchisq(1, 3) = Inf, qf(0, 3, 7, lower.tail = FALSE) = Inf)', () => {
  it('normal and t: ∓Infinity, mirrored for the upper tail', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0, true)).toBe(Infinity);
    expect(normalQuantile(1, true)).toBe(-Infinity);
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 0.5)).toBe(Infinity);
    expect(studentTQuantile(0, 3, true)).toBe(Infinity);
    expect(studentTQuantile(1, 3, true)).toBe(-Infinity);
  });

  it('chi-square and F: 0 and Infinity', () => {
    expect(chiSquareQuantile(0, 3)).toBe(0);
    expect(chiSquareQuantile(1, 3)).toBe(Infinity);
    expect(chiSquareQuantile(0, 3, true)).toBe(Infinity);
    expect(chiSquareQuantile(1, 3, true)).toBe(0);
    expect(fisherFQuantile(0, 3, 7)).toBe(0);
    expect(fisherFQuantile(1, 3, 7)).toBe(Infinity);
    expect(fisherFQuantile(0, 3, 7, true)).toBe(Infinity);
    expect(fisherFQuantile(1, 3, 7, true)).toBe(0);
  });

  it('p = 0.5 of the t is exactly 0 by symmetry, for every df', () => {
    for (const df of [0.1, 0.5, 1, 3, 1e6]) {
      expect(studentTQuantile(0.5, df)).toBe(0);
      expect(studentTQuantile(0.5, df, true)).toBe(0);
    }
  });
});

describe('infinite arguments (R: pt(Inf, 3) = 1, pchisq(Inf, 3) = 1, pf(Inf, 2, 5) = 1, dt(Inf, 3) = 0)', () => {
  it('x = ±Infinity', () => {
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTSf(Infinity, 3)).toBe(0);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(chiSquareCdf(Infinity, 3)).toBe(1);
    expect(chiSquareSf(Infinity, 3)).toBe(0);
    expect(fisherFCdf(Infinity, 2, 5)).toBe(1);
    expect(fisherFSf(Infinity, 2, 5)).toBe(0);
    expect(normalPdf(Infinity)).toBe(0);
    expect(studentTPdf(-Infinity, 3)).toBe(0);
    expect(chiSquarePdf(Infinity, 3)).toBe(0);
    expect(fisherFPdf(Infinity, 2, 5)).toBe(0);
  });

  it('df = Infinity of the t is the normal (R: pt(x, Inf) = pnorm(x), qt(p, Inf) = qnorm(p))', () => {
    for (const x of [-38, -5, -0.3, 0, 1.5, 8]) {
      expect(studentTSf(x, Infinity)).toBe(normalSf(x));
      expect(studentTCdf(x, Infinity)).toBe(normalCdf(x));
      expect(studentTPdf(x, Infinity)).toBe(normalPdf(x));
    }
    for (const p of [1e-300, 0.025, 0.7]) {
      expect(studentTQuantile(p, Infinity)).toBe(normalQuantile(p));
      expect(studentTQuantile(p, Infinity, true)).toBe(normalQuantile(p, true));
    }
  });

  it('infinite df of the F are chi-square limits, as in R', () => {
    // R: pf(3, 5, Inf, lower.tail = FALSE) = 0.010362337915786434
    close(fisherFSf(3, 5, Infinity), 0.010362337915786434, 'pf(3, 5, Inf, lower.tail = FALSE)');
    // R: pf(2, Inf, 4) = 0.73575888234288467
    close(fisherFCdf(2, Infinity, 4), 0.73575888234288467, 'pf(2, Inf, 4)');
    // R: qf(0.01, Inf, 7) = 0.37888409840196191
    close(fisherFQuantile(0.01, Infinity, 7), 0.37888409840196191, 'qf(0.01, Inf, 7)');
    // R: qf(0.3, 3, Inf, lower.tail = FALSE) = 1.2216235943901053
    close(fisherFQuantile(0.3, 3, Infinity, true), 1.2216235943901053, 'qf(0.3, 3, Inf, lower.tail = FALSE)');
    // R: df(2, 3, Inf) = 0.14595651998892442
    close(fisherFPdf(2, 3, Infinity), 0.14595651998892442, 'df(2, 3, Inf)');
    // R: pf(c(0.5, 1, 2), Inf, Inf) = 0, 0.5, 1
    expect([0.5, 1, 2].map((x) => fisherFCdf(x, Infinity, Infinity))).toEqual([0, 0.5, 1]);
  });
});

describe('support boundaries (R: pchisq(-1, 3) = 0, pf(0, 2, 5) = 0, dchisq(-1, 3) = 0, df(-1, 2, 3) = 0)', () => {
  it('below the support', () => {
    expect(chiSquareCdf(-1, 3)).toBe(0);
    expect(chiSquareSf(-1, 3)).toBe(1);
    expect(chiSquarePdf(-1, 3)).toBe(0);
    expect(fisherFCdf(0, 2, 5)).toBe(0);
    expect(fisherFSf(-3, 2, 5)).toBe(1);
    expect(fisherFPdf(-1, 2, 3)).toBe(0);
  });

  it('the t CDF at 0 is ½ for every df (symmetry)', () => {
    for (const df of [0.2, 1, 7.5, 1e8]) {
      expect(studentTCdf(0, df)).toBe(0.5);
      expect(studentTSf(0, df)).toBe(0.5);
    }
  });

  it('quantiles far below the smallest normal double are 0, as in R (qchisq(1e-300, 0.5) = 0)', () => {
    expect(chiSquareQuantile(1e-300, 0.5)).toBe(0);
    // R: qf(1e-40, 0.05, 12) = 0 (the exact quantile is ~1e-1600)
    expect(fisherFQuantile(1e-40, 0.05, 12)).toBe(0);
  });
});
