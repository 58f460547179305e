import { cholesky, choleskySolve } from '../../numeric/cholesky.ts';
import { evaluateNestedRegression, type NestedRegressionData, type NestedRegressionEvaluation } from './nested-regression-likelihood.ts';

/** Grid points per decade of each variance component in the coarse scan (fewer when L is large). */
const POINTS_PER_DECADE = 2;
/** Scan points polished by Newton's method. */
const POLISHED = 3;
/** Most likelihood evaluations the coarse scan may spend. */
const SCAN_BUDGET = 20000;
const MAX_ITERATIONS = 200;

/** The maximizing variance components and the model there. */
export interface NestedRegressionMaximum {
  readonly sigma2: number[];
  readonly evaluation: NestedRegressionEvaluation;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * The global maximum of the REML (or ML) likelihood of a nested meta-regression over
 * σ²_l ≥ 0 (l = 1 … L): a coarse scan of ℓ on the grid {0} ∪ a geometric grid from
 * 10⁻³·min vᵢ to 10·(var y + max vᵢ) for each free component (O(k·p²) per point, at most
 * 20 000 points), then projected Newton steps with central-difference derivatives and a
 * monotone line search from the best three scan points; the highest end point wins. `fixed[l]`
 * holds σ²_l at 0 (a level with a single group, as metafor).
 *
 * @example
 * const levels = nestedLevels([['a', 'a', 'b', 'b', 'c', 'c'], ['1', '2', '1', '2', '1', '2']]);
 * const data = { y: Float64Array.of(0.1, 0.3, 0.9, 1.1, -0.2, 0), v: new Float64Array(6).fill(0.01),
 *   x: new Float64Array(6).fill(1), p: 1, levels, halfLogDetXtX: 0.5 * Math.log(6) };
 * maximizeNestedRegression(data, true, [false, false]).sigma2 // => [0.3133333, 0.0100000] (as multilevel())
 */
export function maximizeNestedRegression(data: NestedRegressionData, reml: boolean, fixed: readonly boolean[]): NestedRegressionMaximum {
  const f = (s: readonly number[]) => evaluateNestedRegression(data, s, reml).logLik;
  const starts = scan(data, fixed, f);
  let best: NestedRegressionMaximum | null = null;
  let iterations = 0;
  for (const start of starts) {
    const fit = newton(f, start, fixed, scaleOf(data));
    iterations += fit.iterations;
    if (best === null || fit.logLik > best.evaluation.logLik) {
      best = { sigma2: fit.sigma2, evaluation: evaluateNestedRegression(data, fit.sigma2, reml), iterations: 0, converged: fit.converged };
    }
  }
  return { ...best!, iterations };
}

function scaleOf(data: NestedRegressionData): number {
  let vMax = 0;
  data.v.forEach((v) => { vMax = Math.max(vMax, v); });
  return vMax + variance(data.y);
}

function variance(y: Float64Array): number {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  return y.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, y.length - 1);
}

/** The best few points of the coarse grid. */
function scan(data: NestedRegressionData, fixed: readonly boolean[], f: (s: readonly number[]) => number): number[][] {
  const free = fixed.filter((x) => !x).length;
  let vMin = Infinity;
  data.v.forEach((v) => { vMin = Math.min(vMin, v); });
  const upper = 10 * scaleOf(data);
  const lower = 1e-3 * vMin;
  const decades = Math.log10(upper / lower);
  const perAxis = Math.max(3, Math.min(Math.ceil(decades * POINTS_PER_DECADE), Math.floor(SCAN_BUDGET ** (1 / Math.max(1, free))) - 1));
  const axis = [0, ...Array.from({ length: perAxis + 1 }, (_, j) => lower * (upper / lower) ** (j / perAxis))];
  const axes = fixed.map((x) => (x ? [0] : axis));
  const points: { s: number[]; ll: number }[] = [];
  const index = new Array<number>(fixed.length).fill(0);
  for (;;) {
    const s = index.map((j, l) => axes[l]![j]!);
    points.push({ s, ll: f(s) });
    let l = 0;
    while (l < index.length && ++index[l]! === axes[l]!.length) index[l++] = 0;
    if (l === index.length) break;
  }
  points.sort((a, b) => (b.ll === a.ll ? 0 : Number.isNaN(a.ll) ? 1 : Number.isNaN(b.ll) ? -1 : b.ll - a.ll));
  return points.slice(0, POLISHED).map((q) => q.s);
}

/** Projected Newton ascent with finite-difference gradient and Hessian. */
function newton(f: (s: readonly number[]) => number, start: readonly number[], fixed: readonly boolean[], scale: number):
  { sigma2: number[]; logLik: number; iterations: number; converged: boolean } {
  let s = [...start];
  let ll = f(s);
  const n = s.length;
  for (let it = 1; it <= MAX_ITERATIONS; it++) {
    const { g, h } = derivatives(f, s, ll, fixed, scale);
    const free = Array.from({ length: n }, (_, l) => l).filter((l) => !fixed[l] && !(s[l] === 0 && g[l]! <= 0));
    if (free.length === 0) return { sigma2: s, logLik: ll, iterations: it, converged: true };
    const m = free.length;
    const negH = new Float64Array(m * m);
    free.forEach((a, i) => free.forEach((b, j) => { negH[i * m + j] = -h[a * n + b]!; }));
    const chol = cholesky(negH, m);
    const gf = free.map((a) => g[a]!);
    const step = chol === null ? gf.map((x) => (x * scale * 1e-2) / (1e-300 + Math.abs(x))) : Array.from(choleskySolve(chol, m, gf));
    let t = 1;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      const next = [...s];
      free.forEach((a, i) => { next[a] = Math.max(0, s[a]! + t * step[i]!); });
      const value = f(next);
      if (value >= ll) {
        const moved = Math.max(...free.map((a) => Math.abs(next[a]! - s[a]!)));
        const gain = value - ll;
        s = next;
        ll = value;
        accepted = true;
        if (gain <= 1e-13 * (1 + Math.abs(ll)) && moved <= 1e-10 * scale) return { sigma2: s, logLik: ll, iterations: it, converged: true };
        break;
      }
      t /= 2;
    }
    if (!accepted) return { sigma2: s, logLik: ll, iterations: it, converged: true };
  }
  return { sigma2: s, logLik: ll, iterations: MAX_ITERATIONS, converged: false };
}

/** Central (one-sided at 0) differences of ℓ in σ²: gradient and Hessian (free components only). */
function derivatives(f: (s: readonly number[]) => number, s: readonly number[], f0: number, fixed: readonly boolean[], scale: number):
  { g: number[]; h: Float64Array } {
  const n = s.length;
  const g = new Array<number>(n).fill(0);
  const h = new Float64Array(n * n);
  const steps = s.map((x) => 1e-4 * Math.max(x, 1e-4 * scale));
  const at = (d: readonly number[]) => f(s.map((x, l) => x + d[l]!));
  const unit = (l: number, c: number) => Array.from({ length: n }, (_, j) => (j === l ? c : 0));
  // points shifted forward where σ² is too close to 0 for a central difference
  const base = s.map((x, l) => (x - steps[l]! < 0 ? steps[l]! : 0));
  for (let a = 0; a < n; a++) {
    if (fixed[a]) continue;
    const e = steps[a]!;
    const c0 = base[a]!;
    const fp = at(unit(a, c0 + e));
    const fm = at(unit(a, c0 - e));
    const fc = c0 === 0 ? f0 : at(unit(a, c0));
    const gc = (fp - fm) / (2 * e);
    const haa = (fp - 2 * fc + fm) / (e * e);
    g[a] = gc - c0 * haa;
    h[a * n + a] = haa;
    for (let b = 0; b < a; b++) {
      if (fixed[b]) continue;
      const eb = steps[b]!;
      const d = (x: number, y: number) => at(Array.from({ length: n }, (_, l) => (l === a ? base[a]! + x : l === b ? base[b]! + y : 0)));
      const hab = (d(e, eb) - d(e, -eb) - d(-e, eb) + d(-e, -eb)) / (4 * e * eb);
      h[a * n + b] = hab;
      h[b * n + a] = hab;
    }
  }
  return { g, h };
}
