// The exact path of Fisher scoring takes safeguarded Newton steps near the root (fisherScoring,
// exactStep): the slope they use, yᵀPPPy, against a numerical derivative of yᵀPPy; the root they
// reach, against the sign of the REML/ML score computed directly in the test; convergence where
// plain scoring oscillates for ever; and the number of steps (quadratic, not linear, convergence).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interceptModel } from '../../src/models/engine/intercept-model.ts';
import { fisherScoring, ML_EQUATION, REML_EQUATION } from '../../src/models/tau2/fisher-scoring.ts';
import { DEFAULT_TAU2_CONTROL, METAFOR_TAU2_CONTROL } from '../../src/models/tau2/tau2-fit.ts';

/** Seeded random-effects data as the benchmark: vᵢ uniform on [0.01, 0.21], τ² = 0.05. */
function simulated(k: number, seed: number): { y: Float64Array; v: Float64Array } {
  let s = seed >>> 0;
  const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const norm = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const v = Float64Array.from({ length: k }, () => 0.01 + 0.2 * u());
  return { y: v.map((vi) => 0.3 + Math.sqrt(0.05) * norm() + Math.sqrt(vi) * norm()), v };
}

/** yᵀPPy and the score of ML or REML at τ², summed directly: rᵢ = yᵢ − μ̂, aᵢ = 1/(vᵢ + τ²). */
function direct(y: Float64Array, v: Float64Array, t: number): { rss2: number; reml: number; ml: number } {
  const a = Array.from(v, (vi) => 1 / (vi + t));
  const s1 = a.reduce((p, q) => p + q, 0);
  const s2 = a.reduce((p, q) => p + q * q, 0);
  const mu = a.reduce((p, ai, i) => p + ai * y[i]!, 0) / s1;
  const rss2 = a.reduce((p, ai, i) => p + (ai * (y[i]! - mu)) ** 2, 0);
  return { rss2, reml: rss2 - (s1 - s2 / s1), ml: rss2 - s1 };
}

describe('yᵀPPPy (the slope of the score)', () => {
  it('is −½ d(yᵀPPy)/dτ² (central differences)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 1e-3, max: 10, noNaN: true }), (k, seed, t) => {
        const { y, v } = simulated(k, seed);
        const fit = interceptModel(y, v).fitTau2(t)!;
        const h = 1e-4 * t;
        const numeric = -(direct(y, v, t + h).rss2 - direct(y, v, t - h).rss2) / (4 * h);
        expect(Math.abs(fit.rss3! - numeric)).toBeLessThanOrEqual(1e-6 * Math.abs(numeric) + 1e-12 * direct(y, v, t).rss2);
      }),
      { numRuns: 200 },
    );
  });
});

describe.each([
  ['REML', REML_EQUATION, 'reml'],
  ['ML', ML_EQUATION, 'ml'],
] as const)('%s: Newton steps near the root', (_name, equation, key) => {
  it('stop at the root: the directly summed score changes sign within 1e-9 of it (or is ≤ 0 at τ² = 0)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { y, v } = simulated(5 + (seed % 40), seed);
      const r = fisherScoring(interceptModel(y, v), equation, DEFAULT_TAU2_CONTROL);
      expect(r.converged).toBe(true);
      if (r.tau2 === 0) {
        // a step below 0 goes to 0: the score there must not be positive
        expect(direct(y, v, 0)[key]).toBeLessThanOrEqual(0);
        continue;
      }
      expect(direct(y, v, r.tau2 * (1 - 1e-9))[key]).toBeGreaterThan(0);
      expect(direct(y, v, r.tau2 * (1 + 1e-9))[key]).toBeLessThan(0);
    }
  });

  it('converge in a few steps where plain Fisher scoring needs many, or never stops', () => {
    const newton: number[] = [];
    const plain: number[] = [];
    // plain scoring: metafor's path with a threshold as tight as the exact rule's
    const tight = { ...METAFOR_TAU2_CONTROL, threshold: 1e-13, maxIterations: 1000 };
    for (let seed = 1; seed <= 600; seed++) {
      const { y, v } = simulated(10, seed);
      const exact = fisherScoring(interceptModel(y, v), equation, DEFAULT_TAU2_CONTROL);
      const scoring = fisherScoring(interceptModel(y, v), equation, tight);
      expect(exact.converged).toBe(true);
      newton.push(exact.iterations);
      plain.push(scoring.converged ? scoring.iterations : Infinity);
      if (scoring.converged && scoring.tau2 > 0) expect(Math.abs(exact.tau2 - scoring.tau2)).toBeLessThanOrEqual(1e-11 * Math.max(1, scoring.tau2));
    }
    const median = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1]!;
    expect(median(newton)).toBeLessThanOrEqual(6);
    expect(Math.max(...newton)).toBeLessThanOrEqual(60);
    expect(median(plain)).toBeGreaterThan(2 * median(newton));
  });
});
