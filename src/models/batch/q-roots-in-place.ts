import type { BatchWorkspace } from './batch-workspace.ts';

/** The engine's Newton settings (see `generalizedQRoot`): most steps, relative stopping step. */
const MAX_NEWTON = 100;
const NEWTON_STOP = 1e-10;
const RUNNING = 0;
const FOUND = 1;
const FALLBACK = 2;

/**
 * One safeguarded Newton search for Q(τ²) = target, the engine's `newtonSearch` step for step
 * (Newton on 1/Q, else on Q, else bisection of the bracket; stop below 1e-10·τ²) in reusable
 * fields: `t` is the next point to evaluate while `state` is running; `take(Q(t), −dQ/dτ²(t))`
 * moves on; `root` once found; `state` FALLBACK where the engine turns to its bracketing method.
 */
class NewtonInPlace {
  state = RUNNING;
  root = NaN;
  t = 0;
  private target = NaN;
  private lo = 0;
  private hi = Infinity;
  private q = NaN;
  private slope = NaN;
  private iter = 0;

  /** Starts at 0 (Q₀, slope₀), or at `fromT` (Q and slope there) when `fromT` > 0 and its Q is not the target. */
  start(target: number, q0: number, slope0: number, fromT: number, fromQ: number, fromSlope: number): void {
    this.target = target;
    this.lo = 0;
    this.hi = Infinity;
    this.t = 0;
    this.q = q0;
    this.slope = slope0;
    this.iter = 0;
    this.state = RUNNING;
    if (fromT > 0 && fromQ !== target) {
      this.t = fromT;
      this.q = fromQ;
      this.slope = fromSlope;
      if (fromQ > target) this.lo = fromT;
      else this.hi = fromT;
    }
    if (Number.isNaN(q0)) this.found(NaN);
    else if (q0 <= target) this.found(0);
    else if (q0 === Infinity || !(target > 0)) this.state = FALLBACK;
    else this.advance();
  }

  take(q: number, slope: number): void {
    if (Number.isNaN(q)) {
      this.state = FALLBACK;
      return;
    }
    this.q = q;
    this.slope = slope;
    if (q === this.target) {
      this.found(this.t);
      return;
    }
    if (q > this.target) this.lo = this.t;
    else this.hi = this.t;
    if (!(slope > 0)) {
      this.state = FALLBACK;
      return;
    }
    this.advance();
  }

  private advance(): void {
    if (++this.iter > MAX_NEWTON) {
      this.state = FALLBACK;
      return;
    }
    const { t, q, slope, target, lo, hi } = this;
    let next = t + (q * (q - target)) / (target * slope);
    if (!(next > lo && next < hi)) next = t + (q - target) / slope;
    if (!(next > lo && next < hi)) next = hi < Infinity ? lo + (hi - lo) / 2 : 2 * Math.max(lo, 1);
    const change = Math.abs(next - t);
    this.t = next;
    if (change <= NEWTON_STOP * next || (hi < Infinity && hi - lo <= 4 * Number.EPSILON * hi)) this.found(next);
  }

  private found(root: number): void {
    this.root = root;
    this.state = FOUND;
  }
}

const LOW = new NewtonInPlace();
const HIGH = new NewtonInPlace();

/**
 * The engine's `generalizedQRoots(model, low, high, start)` (both Q-profile roots, the two Newton
 * searches advancing together, one `qPair` pass for both per step, from τ̂² = `start` where it
 * lies inside the bracket) for the analysis loaded in a workspace, the same fits in the same
 * order — so the same roots to the last bit — without its per-call closures and objects. The
 * roots go to `ws.roots` [lower, upper]; `false` where the engine would leave Newton's method
 * for its bracketing search (a fit fails, a slope that is not positive, no convergence): the
 * caller then asks the engine.
 *
 * @example
 * const ws = new BatchWorkspace(3, { method: 'REML', test: 'z', level: 0.95, control: DEFAULT_TAU2_CONTROL });
 * ws.load(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), 0);
 * qRootsInPlace(ws, 4, 2, 0) && [...ws.roots] // => [1, 3] (Q(τ²) = 8/(1 + τ²))
 */
export function qRootsInPlace(ws: BatchWorkspace, low: number, high: number, start: number): boolean {
  const model = ws.model;
  if (model.qPair === undefined) return false;
  const fit0 = model.fitTau2(0);
  const q0 = fit0 === null ? Infinity : fit0.rss;
  const slope0 = fit0 === null ? NaN : fit0.rss2;
  let mean = fit0 === null ? 0 : fit0.coef[0]!;
  let fromT = 0;
  let fromQ = NaN;
  let fromSlope = NaN;
  if (start > 0 && Number.isFinite(q0)) {
    const fit = model.fitTau2(start);
    if (fit !== null && fit.rss > 0 && fit.rss2 > 0) {
      fromT = start;
      fromQ = fit.rss;
      fromSlope = fit.rss2;
      mean = fit.coef[0]!;
    }
  }
  const a = LOW;
  const b = HIGH;
  a.start(low, q0, slope0, fromT, fromQ, fromSlope);
  b.start(high, q0, slope0, fromT, fromQ, fromSlope);
  const pair = ws.pair;
  pair.fill(NaN, 0, 4);
  pair[4] = mean;
  pair[5] = mean;
  while (a.state === RUNNING || b.state === RUNNING) {
    if (a.state !== RUNNING || b.state !== RUNNING) {
      const open = a.state === RUNNING ? a : b;
      const fit = model.fitTau2(open.t);
      open.take(fit === null ? NaN : fit.rss, fit === null ? NaN : fit.rss2);
      continue;
    }
    model.qPair(a.t, b.t, pair);
    a.take(pair[0]!, pair[1]!);
    b.take(pair[2]!, pair[3]!);
  }
  if (a.state === FALLBACK || b.state === FALLBACK) return false;
  ws.roots[0] = a.root;
  ws.roots[1] = b.root;
  return true;
}
