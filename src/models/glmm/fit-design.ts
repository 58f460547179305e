import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import { maximizeLikelihood } from './maximize-likelihood.ts';
import type { Maximum } from './maximize-likelihood.ts';
import type { GlmmDesign } from './glmm-data.ts';

/** A maximum-likelihood fit of a {@link GlmmDesign}. */
export interface DesignFit {
  readonly theta: Float64Array;
  readonly logLik: number;
  /** Row-major covariance of the first `p` coefficients (inverse observed information), or null. */
  readonly vb: Float64Array | null;
  readonly tau2: number | null;
  /** Sampling variance of τ̂ (the SD) from the inverse information; null on the boundary or without τ. */
  readonly tauVariance: number | null;
  readonly sigma2: number | null;
  readonly converged: boolean;
  readonly iterations: number;
  readonly reason: string | null;
  /** Starting values of the SDs tried (restarts). */
  readonly starts: number;
}

/** SDs below this are on the boundary (τ² = 0): their row of the information is dropped. */
const BOUNDARY_SD = 1e-5;
/** Starting values of the random-effect SDs; the best of the converged runs is kept. */
const SD_STARTS = [1, 0.3, 0.05];

/**
 * Fits a GLMM design by maximum likelihood with restarts: the coefficients start at
 * `design.start` (callers pass the equal-effects estimates), every random-effect SD at 1; when
 * that run fails or ends on the boundary (an SD → 0), again from 0.3 and 0.05, and the converged
 * run with the largest log-likelihood is kept (a non-converged run only when none converged). SDs are returned as variances τ² = s², σ² = s²;
 * |s| < 1e-5 counts as the boundary τ² = 0 (then reported as exactly 0, as lme4 does).
 * The covariance of the first p coefficients is the corresponding block of the inverse observed
 * information over the parameters not on the boundary (lme4's Hessian-based `vcov` for GLMMs).
 */
export function fitDesign(design: GlmmDesign, p: number): DesignFit {
  const sds = [design.sigmaIndex, design.tauIndex].filter((i): i is number => i !== null);
  const free = () => true;
  const runs: Maximum[] = [];
  const starts = sds.length === 0 ? [Number.NaN] : SD_STARTS;
  for (const s0 of starts) {
    const start = Float64Array.from(design.start);
    for (const i of sds) start[i] = s0;
    const run = maximizeLikelihood(design.studies, start, design.nodes, free);
    runs.push(run);
    // an interior maximum reached from the first start is kept; a boundary value (some SD → 0)
    // or a failure is checked from the other starts
    if (run.converged && sds.every((i) => Math.abs(run.theta[i]!) >= BOUNDARY_SD)) break;
  }
  const converged = runs.filter((r) => r.converged && Number.isFinite(r.logLik));
  const pool = converged.length > 0 ? converged : runs;
  const best = pool.reduce((a, b) => (b.logLik > a.logLik ? b : a));
  const theta = Float64Array.from(best.theta);
  const boundary = new Set<number>();
  for (const i of sds) {
    theta[i] = Math.abs(theta[i]!);
    if (theta[i]! < BOUNDARY_SD) { theta[i] = 0; boundary.add(i); }
  }
  const inverse = inverseInformation(best.information, theta.length, boundary);
  const vb = inverse === null ? null : block(inverse, Array.from({ length: p }, (_, j) => j));
  const tau = design.tauIndex;
  const tauVariance = inverse === null || tau === null || boundary.has(tau) ? null : block(inverse, [tau])[0]!;
  const variance = (i: number | null) => (i === null ? null : theta[i]! ** 2);
  return {
    theta, logLik: best.logLik, vb, tau2: variance(design.tauIndex), tauVariance, sigma2: variance(design.sigmaIndex),
    converged: best.converged, iterations: runs.reduce((s, r) => s + r.iterations, 0), reason: best.reason, starts: runs.length,
  };
}

/** Inverse of the information without the `drop` rows/columns, with the indices it covers. */
export function inverseInformation(information: Float64Array, d: number, drop: ReadonlySet<number>): { inv: Float64Array; keep: number[] } | null {
  const keep: number[] = [];
  for (let i = 0; i < d; i++) if (!drop.has(i)) keep.push(i);
  const m = keep.length;
  const a = new Float64Array(m * m);
  for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) a[r * m + c] = information[keep[r]! * d + keep[c]!]!;
  const l = cholesky(a, m);
  return l === null ? null : { inv: choleskyInverse(l, m), keep };
}

/** The block of the inverse information over the global `indices` (all of them kept). */
export function block(inverse: { inv: Float64Array; keep: number[] }, indices: readonly number[]): Float64Array {
  const m = inverse.keep.length;
  const at = indices.map((i) => inverse.keep.indexOf(i));
  const n = indices.length;
  const out = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) out[r * n + c] = inverse.inv[at[r]! * m + at[c]!]!;
  return out;
}
