// simulate(): the expected numbers come from the theory of the simulated model, not from the code:
// for the equal-effects model with known variances and τ² = 0 the estimate is N(μ, 1/Σwᵢ), so
// the bias is 0, the SE is 1/√Σwᵢ, the 95% CI covers μ 95% of the time and the power of the z
// test is Φ(μ/SE − z) + Φ(−μ/SE − z). Observed proportions are compared within 4 binomial SDs
// (the seed is fixed, so the test is deterministic; 4 SDs leave a margin for the one seed).
import { describe, expect, it } from 'vitest';
import { formatResult, InputError, metaAnalysis, normalCdf, resultKind, simulate, type SimulationDesign } from '../../src/index.ts';

const vi = [0.02, 0.04, 0.05, 0.08, 0.1, 0.03, 0.06, 0.09];
const sumW = vi.reduce((s, v) => s + 1 / v, 0);
const seEE = 1 / Math.sqrt(sumW);
const z975 = 1.959963984540054; // R: qnorm(0.975)

describe('simulate: performance of the equal-effects model (known answers)', () => {
  const n = 3000;
  const design: SimulationDesign = { k: vi.length, tau2: 0, mu: 0.1, vi, replications: n, seed: 11 };
  const r = simulate(design, { method: 'EE' }, { progress: false });

  it('bias is 0 within Monte Carlo error, and the SEs are 1/√Σwᵢ', () => {
    expect(r.fitted).toBe(n);
    expect(r.failures).toBe(0);
    expect(Math.abs(r.bias!)).toBeLessThan(4 * seEE / Math.sqrt(n));
    expect(r.meanSe!).toBeCloseTo(seEE, 12);
    // the empirical SD of the estimates estimates the same SE: relative SE of an SD ≈ 1/√(2n)
    expect(Math.abs(r.empiricalSe! / seEE - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
    expect(Math.abs(r.rmse! / seEE - 1)).toBeLessThan(4 / Math.sqrt(2 * n) + 4 / Math.sqrt(n));
  });

  it('coverage of the 95% CI is 0.95 within 4 binomial SDs', () => {
    expect(Math.abs(r.coverage! - 0.95)).toBeLessThan(4 * Math.sqrt((0.95 * 0.05) / n));
    expect(r.coverageMcse!).toBeCloseTo(Math.sqrt((r.coverage! * (1 - r.coverage!)) / n), 14);
  });

  it('power is Φ(μ/SE − z) + Φ(−μ/SE − z) within 4 binomial SDs', () => {
    const power = normalCdf(0.1 / seEE - z975) + normalCdf(-0.1 / seEE - z975);
    expect(Math.abs(r.power! - power)).toBeLessThan(4 * Math.sqrt((power * (1 - power)) / n));
    expect(r.alpha).toBe(0.05);
  });

  it('τ̂² of EE is 0: its bias is −τ² = 0', () => {
    expect(r.tau2Bias).toBe(0);
    expect(r.tau2Mean).toBe(0);
  });

  it('with μ = 0, power is the type I error rate, 0.05 within 4 binomial SDs', () => {
    const null0 = simulate({ ...design, mu: 0 }, { method: 'EE' }, { progress: false });
    expect(Math.abs(null0.power! - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / n));
  });
});

describe('simulate: the data drawn', () => {
  it('yᵢ has mean μ and variance τ² + vᵢ; drawn vᵢ lie in [min, max]', () => {
    const ys: number[] = [];
    const vs: number[] = [];
    simulate({ k: 4, tau2: 0.3, mu: -1, viDistribution: { min: 0.1, max: 0.5 }, replications: 5000, seed: 5 }, (d) => {
      ys.push(...d.yi);
      vs.push(...d.vi);
      return { estimate: d.yi[0]! };
    }, { progress: false });
    const n = ys.length;
    const mean = ys.reduce((s, y) => s + y, 0) / n;
    const variance = ys.reduce((s, y) => s + (y - mean) ** 2, 0) / (n - 1);
    // E vᵢ = 0.3 for the uniform on [0.1, 0.5]: Var yᵢ = τ² + E vᵢ = 0.6
    expect(Math.abs(mean + 1)).toBeLessThan(4 * Math.sqrt(0.6 / n));
    expect(Math.abs(variance / 0.6 - 1)).toBeLessThan(0.05);
    expect(Math.min(...vs)).toBeGreaterThanOrEqual(0.1);
    expect(Math.max(...vs)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(vs.reduce((s, v) => s + v, 0) / n - 0.3)).toBeLessThan(4 * Math.sqrt(0.4 ** 2 / 12 / n));
  });
});

describe('simulate: reproducibility and the two paths', () => {
  const design: SimulationDesign = { k: 12, tau2: 0.08, mu: 0.25, viDistribution: { min: 0.01, max: 0.3 }, replications: 300, seed: 42 };
  const expectClose = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
    } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      expect(Object.keys(a), path).toEqual(Object.keys(b));
      for (const key of Object.keys(a)) expectClose((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    } else {
      expect(a, path).toEqual(b);
    }
  };
  const measures = (r: ReturnType<typeof simulate>) => {
    const { analysis: _a, batch: _b, warnings: _w, ...rest } = r;
    return rest;
  };

  it('the same seed gives the same result; another seed another', () => {
    const a = simulate(design, undefined, { progress: false });
    expect(simulate(design, undefined, { progress: false })).toEqual(a);
    expect(simulate({ ...design, seed: 43 }, undefined, { progress: false }).bias).not.toBe(a.bias);
  });

  it.each(['REML', 'DL', 'PM'] as const)('%s: the batch path equals one metaAnalysis per replicate', (method) => {
    const batch = simulate(design, { method, test: 'knha' }, { progress: false });
    const loop = simulate(design, (d) => metaAnalysis(d, { method, test: 'knha' }), { progress: false });
    expect(batch.batch).toBe(true);
    expect(loop.batch).toBe(false);
    // the batch kernel and metaAnalysis agree to 1e-12 (their documented contract), not to the
    // last bit: their fits sum in a different order; counts (coverage, power) must be equal
    expectClose(measures(loop), measures(batch), 'measures');
  });

  it('a replicate whose analysis throws is a failure, with its message in warnings', () => {
    const r = simulate({ ...design, replications: 20 }, (d, i) => {
      if (i % 5 === 0) throw new Error('no fit');
      return metaAnalysis(d);
    }, { progress: false });
    expect(r.failures).toBe(4);
    expect(r.fitted).toBe(16);
    expect(r.warnings).toEqual(['4 of 20 replicates: the analysis threw: no fit']);
  });

  it('prints with formatResult and survives JSON', () => {
    const r = simulate({ ...design, replications: 50 }, undefined, { progress: false });
    expect(resultKind(r)).toBe('simulate');
    const copy = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(copy).toEqual(r);
    expect(formatResult(copy)).toBe(formatResult(r));
    expect(formatResult(r)).toMatch(/^Simulation: 50 replicates of k = 12 studies/);
  });
});

describe('simulate: bad input', () => {
  const good: SimulationDesign = { k: 3, tau2: 0.1, vi: [0.1, 0.1, 0.1], replications: 10, seed: 1 };
  it.each([
    [{ ...good, k: 0 }, 'k'],
    [{ ...good, k: 2.5 }, 'k'],
    [{ ...good, tau2: -1 }, 'tau2'],
    [{ ...good, mu: Number.NaN }, 'mu'],
    [{ ...good, vi: [0.1, 0.1] }, 'vi'],
    [{ ...good, vi: [0.1, 0, 0.1] }, 'vi'],
    [{ ...good, viDistribution: { min: 0.1, max: 0.2 } }, 'vi'],
    [{ k: 3, tau2: 0, replications: 10, seed: 1 }, 'vi'],
    [{ k: 3, tau2: 0, viDistribution: { min: 0.2, max: 0.1 }, replications: 10, seed: 1 }, 'viDistribution.max'],
    [{ ...good, replications: 0 }, 'replications'],
    [{ ...good, seed: 1.5 }, 'seed'],
    [{ ...good, reps: 3 }, 'design'],
  ])('%o → InputError on %s', (design, field) => {
    let error: unknown;
    try {
      simulate(design as SimulationDesign);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
  });

  it('an analysis that is neither options nor a function, and a bad alpha', () => {
    expect(() => simulate(good, 3 as never)).toThrow(InputError);
    expect(() => simulate(good, { workers: 2 } as never)).toThrow(InputError);
    expect(() => simulate(good, undefined, { alpha: 1 })).toThrow(InputError);
  });
});
