// The one BFGS optimiser (selection models: 'relative' stopping, 'reset' update; multivariate:
// VARIANCE_BFGS): minima known in closed form, the step cap, domains with edges.
import { describe, expect, it } from 'vitest';
import { minimizeBfgs } from '../../src/numeric/minimize-bfgs.ts';
import { minimizeBfgs as minimizeVariance, VARIANCE_BFGS } from '../../src/models/multivariate/minimize-bfgs-stepped.ts';

const rosenbrock = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;

describe('minimizeBfgs', () => {
  it.each([
    ['relative, reset', {}],
    ['absolute, skip, capped steps (multivariate)', VARIANCE_BFGS],
  ] as const)('finds Rosenbrock\'s minimum (1, 1) from (−1.2, 1): %s', (_name, options) => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], options);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.value).toBeLessThan(1e-10);
    // the gradient returned is the gradient at x: 2·(x − 1)·… vanishes at the minimum
    expect(Math.max(...Array.from(r.gradient, Math.abs))).toBeLessThan(1e-5);
  });

  it('the multivariate preset is the shared optimiser with VARIANCE_BFGS', () => {
    const f = (x: Float64Array) => Math.exp(x[0]!) - 2 * x[0]! + (x[1]! - 3) ** 4;
    expect(minimizeVariance(f, [5, 0])).toEqual(minimizeBfgs(f, [5, 0], VARIANCE_BFGS));
    expect(minimizeVariance(f, [5, 0]).x[0]).toBeCloseTo(Math.log(2), 6); // e^x = 2
  });

  it('maxStep caps each step in max-norm', () => {
    const visited: number[] = [];
    const f = (x: Float64Array) => { visited.push(x[0]!); return (x[0]! - 100) ** 2; };
    const r = minimizeBfgs(f, [0], { maxStep: 4 });
    expect(r.x[0]).toBeCloseTo(100, 6);
    const trial = visited[3]!; // after f(x) and the two gradient probes, the first line-search trial
    expect(trial).toBeCloseTo(4, 10);
    const free = [] as number[];
    minimizeBfgs((x) => { free.push(x[0]!); return (x[0]! - 100) ** 2; }, [0]);
    expect(free[3]).toBeCloseTo(200, 5); // uncapped: the full step along −∇f = 200
  });

  it('a non-finite start returns at once; a domain edge stops the search inside the domain', () => {
    const bad = minimizeBfgs(() => NaN, [1, 2]);
    expect([bad.converged, bad.iterations, Array.from(bad.x)]).toEqual([false, 0, [1, 2]]);
    // minimum of (x + 1)² on x ≥ 0 lies on the edge: the search stops near 0, never outside
    const edge = minimizeBfgs((x) => (x[0]! < 0 ? NaN : (x[0]! + 1) ** 2), [3]);
    expect(edge.x[0]).toBeGreaterThanOrEqual(0);
    expect(edge.x[0]).toBeLessThan(1e-4);
    expect(edge.converged).toBe(false); // the gradient (2) is not small: not a stationary point
    expect(edge.gradient[0]).toBeCloseTo(2, 3); // one-sided difference at the edge
  });

  it('scale: the relative rule stops at the same point for f and 1e6·f + 1e9', () => {
    const f = (x: Float64Array) => (x[0]! - 0.3) ** 2 + 2 * (x[1]! + 0.7) ** 2 + x[0]! * x[1]!;
    const a = minimizeBfgs(f, [2, 2]);
    const b = minimizeBfgs((x) => 1e6 * f(x) + 1e9, [2, 2]);
    expect(b.x[0]).toBeCloseTo(a.x[0]!, 5);
    expect(b.x[1]).toBeCloseTo(a.x[1]!, 5);
  });
});
