import { generalizedQRoot } from '../tau2/generalized-q-root.ts';
import type { BatchWorkspace } from './batch-workspace.ts';

/** The engine's Newton settings (see `generalizedQRoot`): most steps, relative stopping step. */
const MAX_NEWTON = 100;
const NEWTON_STOP = 1e-10;

/**
 * `generalizedQRoot` (the τ² ≥ 0 where Q(τ²) = yᵀPy equals `target`) for the analysis loaded in
 * a workspace, starting from the workspace's fit at τ² = 0 instead of fitting it again: the same
 * safeguarded Newton steps (on 1/Q, else on Q, else bisection), the same stopping rule, so the
 * same root. Where the engine leaves Newton's method (a fit fails, a slope that is not positive,
 * no convergence), the engine itself is asked.
 *
 * @example
 * const ws = new BatchWorkspace(3, { method: 'REML', test: 'z', level: 0.95, control: DEFAULT_TAU2_CONTROL });
 * ws.load(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), 0);
 * qRootInPlace(ws, 2) // => 3 (Q(τ²) = 8/(1 + τ²))
 */
export function qRootInPlace(ws: BatchWorkspace, target: number): number {
  const model = ws.model;
  const zero = ws.atZero();
  if (zero === null) return generalizedQRoot(model, target).tau2;
  const q0 = zero.rss;
  if (Number.isNaN(q0)) return NaN;
  if (q0 <= target) return 0;
  if (q0 === Infinity || !(target > 0)) return generalizedQRoot(model, target).tau2;
  let lo = 0;
  let hi = Infinity;
  let t = 0;
  let q = q0;
  let slope = zero.rss2;
  for (let iter = 1; iter <= MAX_NEWTON; iter++) {
    let next = t + (q * (q - target)) / (target * slope);
    if (!(next > lo && next < hi)) next = t + (q - target) / slope;
    if (!(next > lo && next < hi)) next = hi < Infinity ? lo + (hi - lo) / 2 : 2 * Math.max(lo, 1);
    const change = Math.abs(next - t);
    t = next;
    if (change <= NEWTON_STOP * t || (hi < Infinity && hi - lo <= 4 * Number.EPSILON * hi)) return t;
    const fit = model.fitTau2(t);
    if (fit === null) break;
    q = fit.rss;
    slope = fit.rss2;
    if (q === target) return t;
    if (q > target) lo = t;
    else hi = t;
    if (!(slope > 0)) break;
  }
  return generalizedQRoot(model, target).tau2;
}
