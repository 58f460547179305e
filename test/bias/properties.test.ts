// Properties of the bias diagnostics (no reference numbers: each assertion is an invariant,
// an independent brute-force computation, or a closed form derived in the comment).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eggerTest, failSafeN, kendallTau, metaAnalysis, rankCorrelationTest, trimAndFill,
} from '../../src/index.ts';
import type {
  Tau2Method,
} from '../../src/index.ts';
import { kendallLowerTail } from '../../src/bias/kendall-distribution.ts';

const effect = fc.double({ min: -3, max: 3, noNaN: true });
const variance = fc.double({ min: 0.005, max: 1, noNaN: true });
const studies = (min: number, max: number) =>
  fc.array(fc.tuple(effect, variance), { minLength: min, maxLength: max }).map((rows) => ({
    yi: rows.map((r) => r[0]),
    vi: rows.map((r) => r[1]),
  }));

// effects on a 1/1024 grid, so that a shift by an integer is exact
const gridStudies = fc
  .array(fc.tuple(fc.integer({ min: -3000, max: 3000 }), variance), { minLength: 2, maxLength: 25 })
  .map((rows) => ({ yi: rows.map((r) => r[0] / 1024), vi: rows.map((r) => r[1]) }));

/** Brute-force Kendall S and τ_b over all pairs (the definition). */
function bruteKendall(x: number[], y: number[]): { s: number; tau: number } {
  let s = 0;
  let nx = 0;
  let ny = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = Math.sign(x[i]! - x[j]!);
      const b = Math.sign(y[i]! - y[j]!);
      s += a * b;
      nx += a * a;
      ny += b * b;
    }
  }
  return { s, tau: s / Math.sqrt(nx * ny) };
}

/** Exact P(T ≤ q) from the Mahonian numbers in BigInt (independent of the double recursion). */
function exactLowerTail(q: number, n: number): number {
  let counts: bigint[] = [1n];
  for (let m = 2; m <= n; m++) {
    const size = Math.min(q, (m * (m - 1)) / 2) + 1;
    const next: bigint[] = new Array(size);
    let window = 0n; // Σ counts[j − m + 1 .. j]
    for (let j = 0; j < size; j++) {
      window += counts[j] ?? 0n;
      if (j - m >= 0) window -= counts[j - m] ?? 0n;
      next[j] = window;
    }
    counts = next;
  }
  let factorial = 1n;
  for (let m = 2; m <= n; m++) factorial *= BigInt(m);
  const tail = counts.reduce((a, b) => a + b, 0n);
  return Number((tail << 128n) / factorial) / 2 ** 128;
}

describe('kendallTau', () => {
  it('equals the all-pairs definition, with ties', () => {
    const small = fc.integer({ min: -3, max: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(small, small), { minLength: 2, maxLength: 40 }), (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const got = kendallTau(x, y);
        const want = bruteKendall(x, y);
        expect(got.s).toBe(want.s);
        if (Number.isFinite(want.tau)) expect(Math.abs(got.tau - want.tau)).toBeLessThanOrEqual(1e-15);
        else expect(Number.isNaN(got.tau)).toBe(true);
      }),
    );
  });

  it('is ±1 for monotone data, rounded as R rounds it', () => {
    // R: sprintf("%.17g", cor(1:5, 5:1, method = "kendall")) gives "-0.99999999999999978";
    //    cor(1:12, 1:12, method = "kendall") == 1 is TRUE
    expect(kendallTau([1, 2, 3, 4, 5], [10, 20, 30, 40, 50]).tau).toBe(0.99999999999999978);
    expect(kendallTau([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]).tau).toBe(-0.99999999999999978);
    const twelve = Array.from({ length: 12 }, (_, i) => i);
    expect(kendallTau(twelve, twelve).tau).toBe(1);
  });
});

describe('kendallLowerTail', () => {
  it('gives the Mahonian numbers for n = 4 (1, 3, 5, 6, 5, 3, 1 of 24)', () => {
    const cumulative = [1, 4, 9, 15, 20, 23, 24];
    cumulative.forEach((c, q) => expect(kendallLowerTail(q, 4)).toBeCloseTo(c / 24, 15));
  });

  it('is symmetric: P(T ≤ q) + P(T ≤ u − q − 1) = 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const u = (n * (n - 1)) / 2;
        const q = Math.floor(f * u);
        expect(Math.abs(kendallLowerTail(q, n) + kendallLowerTail(u - q - 1, n) - 1)).toBeLessThan(1e-13);
      }),
    );
  });

  it('agrees with exact integer arithmetic beyond k = 170 (where R overflows to NaN)', () => {
    // q about 3.3 SD below the mean n(n−1)/4, so P is of order 1e-3
    for (const [q, n] of [[6722, 180], [8550, 200]] as const) {
      const want = exactLowerTail(q, n);
      expect(Math.abs(kendallLowerTail(q, n) - want) / want).toBeLessThan(1e-11);
    }
  });
});

describe('rankCorrelationTest', () => {
  it('is invariant to a common shift of yi', () => {
    // Distinct yi: with tied yi (e.g. all equal) the standardized deviates are 0 up to the
    // rounding of the pooled estimate, so their ranks are rounding noise in any implementation.
    const distinct = gridStudies.filter(({ yi }) => new Set(yi).size === yi.length);
    fc.assert(
      fc.property(distinct, fc.integer({ min: -5, max: 5 }), ({ yi, vi }, shift) => {
        const a = rankCorrelationTest(metaAnalysis({ yi, vi }, { method: 'EE' }));
        const b = rankCorrelationTest(metaAnalysis({ yi: yi.map((y) => y + shift), vi }, { method: 'EE' }));
        expect(b.tau).toBe(a.tau);
        expect(b.pValue).toBe(a.pValue);
      }),
    );
  });

  it('does not depend on the fit\'s τ² method', () => {
    fc.assert(
      fc.property(studies(3, 20), ({ yi, vi }) => {
        const a = rankCorrelationTest(metaAnalysis({ yi, vi }, { method: 'EE' }));
        const b = rankCorrelationTest(metaAnalysis({ yi, vi }, { method: 'DL' }));
        expect(b).toEqual(a);
      }),
    );
  });

  it('computes the exact p-value up to k = 500 and the normal approximation above', () => {
    const make = (k: number) => ({
      yi: Array.from({ length: k }, (_, i) => Math.sin(i * 1.7) + 0.002 * i),
      vi: Array.from({ length: k }, (_, i) => 0.01 + 0.001 * i),
    });
    const mid = rankCorrelationTest(metaAnalysis(make(200), { method: 'EE' }));
    expect(mid.pValueMethod).toBe('exact');
    expect(mid.pValue).not.toBeNull();
    const big = rankCorrelationTest(metaAnalysis(make(600), { method: 'EE' }));
    expect(big.pValueMethod).toBe('normal');
    expect(big.warnings.join(' ')).toMatch(/normal approximation/);
  });
});

describe('trimAndFill', () => {
  // Mirror images around 0 with the same vᵢ, plus one study at the centre: R0 (and, with exact
  // arithmetic, L0 and Q0) find nothing missing. R0 is immune to the rounding of β̂ because the
  // largest negative rank is then 2m or 2m + 1 = k, so k − rank − 1 ≤ 0.
  const symmetric = fc
    .uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 2, maxLength: 12 })
    .chain((ds) => fc.tuple(fc.constant(ds), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: ds.length, maxLength: ds.length })))
    .map(([ds, powers]) => {
      const yi: number[] = [0];
      const vi: number[] = [1];
      ds.forEach((d, j) => {
        yi.push(d / 64, -d / 64);
        vi.push(2 ** -powers[j]!, 2 ** -powers[j]!);
      });
      return { yi, vi };
    });

  it('finds k0 = 0 on a perfectly symmetric funnel (R0, any method)', () => {
    fc.assert(
      fc.property(symmetric, fc.constantFrom<Tau2Method>('EE', 'DL', 'REML', 'PM'), (data, method) => {
        expect(trimAndFill(metaAnalysis(data, { method }), { estimator: 'R0' }).k0).toBe(0);
      }),
    );
  });

  it('finds k0 = 0 on a symmetric funnel with exactly representable weights (EE: L0, R0, Q0)', () => {
    fc.assert(
      fc.property(symmetric, fc.constantFrom('L0', 'R0', 'Q0' as const), (data, estimator) => {
        expect(trimAndFill(metaAnalysis(data, { method: 'EE' }), { estimator, side: 'left' }).k0).toBe(0);
      }),
    );
  });

  it('is equivariant under reflection: −yi with the other side gives the same k0 and −estimate', () => {
    fc.assert(
      fc.property(studies(3, 20), fc.constantFrom<Tau2Method>('EE', 'DL', 'REML'), ({ yi, vi }, method) => {
        const a = trimAndFill(metaAnalysis({ yi, vi }, { method }), { side: 'left' });
        const b = trimAndFill(metaAnalysis({ yi: yi.map((y) => -y), vi }, { method }), { side: 'right' });
        expect(b.k0).toBe(a.k0);
        expect(b.estimate).toBeCloseTo(-a.estimate, 12);
        expect(b.filled.map((f) => -f.yi)).toEqual(a.filled.map((f) => f.yi).map((y) => expect.closeTo(y, 12)));
      }),
    );
  });

  it('mirrors the trimmed studies about the trimmed estimate, keeping their variances', () => {
    fc.assert(
      fc.property(studies(4, 20), ({ yi, vi }) => {
        const r = trimAndFill(metaAnalysis({ yi, vi }, { method: 'EE' }), { side: 'left' });
        for (const f of r.filled) expect(vi).toContain(f.vi);
        expect(r.filled.length).toBe(r.k0);
      }),
    );
  });
});

describe('failSafeN', () => {
  it('Rosenthal: the fail-safe N does not shrink when every z grows (same sign)', () => {
    const positive = fc.array(fc.tuple(fc.double({ min: 0.01, max: 2, noNaN: true }), variance, fc.double({ min: 1, max: 3, noNaN: true })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(positive, (rows) => {
        const before = failSafeN({ yi: rows.map((r) => r[0]), vi: rows.map((r) => r[1]) });
        const after = failSafeN({ yi: rows.map((r) => r[0] * r[2]), vi: rows.map((r) => r[1]) });
        expect(after.n).toBeGreaterThanOrEqual(before.n);
        expect(after.pValue!).toBeLessThanOrEqual(before.pValue! * (1 + 1e-12));
      }),
    );
  });

  it('Rosenthal: N is the smallest integer with Stouffer\'s z over k + N studies at most z_α', () => {
    // N = k(z̄/z_α)² − k solves Σz/√(k + N) = z_α; rounding up makes it the smallest such integer
    fc.assert(
      fc.property(studies(1, 20), ({ yi, vi }) => {
        const r = failSafeN({ yi, vi });
        const sumZ = Math.abs(yi.reduce((s, y, i) => s + y / Math.sqrt(vi[i]!), 0));
        const zAlpha = 1.6448536269514722; // qnorm(0.95)
        expect(sumZ / Math.sqrt(yi.length + r.n)).toBeLessThanOrEqual(zAlpha * (1 + 1e-9));
        if (r.n > 0) expect(sumZ / Math.sqrt(yi.length + r.n - 1)).toBeGreaterThan(zAlpha * (1 - 1e-9));
      }),
    );
  });

  it('Orwin with the default target (half the mean) gives N = k', () => {
    // k(ȳ − ȳ/2)/(ȳ/2) = k
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 3, noNaN: true }), { minLength: 1, maxLength: 30 }), (yi) => {
        expect(failSafeN({ yi }, { type: 'Orwin' }).n).toBe(yi.length);
      }),
    );
  });
});

describe('eggerTest', () => {
  it('shifting every yi by c shifts the limit estimate by c and leaves the test unchanged', () => {
    fc.assert(
      fc.property(studies(4, 20), fc.integer({ min: -3, max: 3 }), fc.constantFrom<'rma' | 'lm'>('rma', 'lm'), ({ yi, vi }, c, model) => {
        fc.pre(new Set(vi).size > 1);
        const a = eggerTest(metaAnalysis({ yi, vi }, { method: 'DL' }), { model });
        const b = eggerTest(metaAnalysis({ yi: yi.map((y) => y + c), vi }, { method: 'DL' }), { model });
        expect(b.limitEstimate).toBeCloseTo(a.limitEstimate! + c, 8);
        expect(b.slope).toBeCloseTo(a.slope, 8);
        if (model === 'rma') expect(b.tau2!).toBeCloseTo(a.tau2!, 8);
        else expect([a.tau2, b.tau2]).toEqual([null, null]);
      }),
    );
  });

  it('reflecting the yi negates the statistic', () => {
    fc.assert(
      fc.property(studies(4, 20), ({ yi, vi }) => {
        fc.pre(new Set(vi).size > 1);
        const a = eggerTest(metaAnalysis({ yi, vi }, { method: 'EE' }));
        const b = eggerTest(metaAnalysis({ yi: yi.map((y) => -y), vi }, { method: 'EE' }));
        expect(b.statistic).toBeCloseTo(-a.statistic, 9);
        expect(b.pValue!).toBeCloseTo(a.pValue!, 12);
      }),
    );
  });
});

describe('results are frozen plain objects that survive JSON', () => {
  const data = { yi: [0.1, 0.3, 0.35, 0.6, 0.9, 1.1], vi: [0.01, 0.02, 0.03, 0.05, 0.08, 0.1] };
  const fit = metaAnalysis(data);
  it.each([
    ['eggerTest', () => eggerTest(fit)],
    ['rankCorrelationTest', () => rankCorrelationTest(fit)],
    ['trimAndFill', () => trimAndFill(fit)],
    ['failSafeN', () => failSafeN(data)],
  ] as const)('%s', (_, run) => {
    const r = run();
    expect(Object.isFrozen(r)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify({ ...r })));
    for (const value of Object.values(r)) if (value !== null && typeof value === 'object') expect(Object.isFrozen(value)).toBe(true);
  });
});
