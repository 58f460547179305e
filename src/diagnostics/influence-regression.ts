import { chiSquareSf } from '../distributions/chi-square.ts';
import { InputError } from '../errors.ts';
import { metaRegression, type MetaRegressionResult } from '../models/regression/meta-regression.ts';
import { cholesky, choleskyInverse, choleskyLogDet } from '../numeric/cholesky.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import { readResult } from '../read-result.ts';

/** Case-deletion diagnostics of one study of a meta-regression (metafor's `influence.rma.uni` with moderators). */
export interface InfluenceRegressionRow {
  readonly label: string;
  /** Externally studentized residual (yᵢ − xᵢᵀβ̂₍₋ᵢ₎)/√(s²_w₍₋ᵢ₎(vᵢ + τ̂²₍₋ᵢ₎) + xᵢᵀVar β̂₍₋ᵢ₎xᵢ). */
  readonly rstudent: number | null;
  /** DFFITS xᵢᵀ(β̂ − β̂₍₋ᵢ₎)/√(s²_w₍₋ᵢ₎·hᵢ·(τ̂²₍₋ᵢ₎ + vᵢ)). */
  readonly dffits: number | null;
  /** Cook's distance (β̂ − β̂₍₋ᵢ₎)ᵀ(Var β̂)⁻¹(β̂ − β̂₍₋ᵢ₎). */
  readonly cookD: number | null;
  /** det Var β̂₍₋ᵢ₎ / det Var β̂. */
  readonly covRatio: number | null;
  readonly tau2Deleted: number | null;
  /** Q_E of the model without the study. */
  readonly qDeleted: number | null;
  /** Leverage hᵢ: diagonal of X(XᵀWX)⁻¹XᵀW of the full model. */
  readonly hat: number;
  /** Weight of the study, percent: 100·wᵢ/Σw. */
  readonly weight: number;
  /** DFBETAS of each coefficient, by name: (β̂ − β̂₍₋ᵢ₎)/√(s²_w₍₋ᵢ₎·diag (XᵀW₍₋ᵢ₎X)⁻¹), W₍₋ᵢ₎ over all k studies with τ̂²₍₋ᵢ₎. */
  readonly dfbetas: Readonly<Record<string, number | null>>;
  /** metafor's flag: |DFFITS| > 3√(p/(k − p)), P(χ²_p ≤ D) > 0.5, hᵢ > 3p/k or any |DFBETAS| > 1. */
  readonly isInfluential: boolean;
  readonly error?: string;
}

/**
 * Outlier and influence diagnostics of a mixed-effects meta-regression (metafor's
 * `influence.rma.uni` for models with moderators, with `hatvalues`, `cooks.distance`, `dfbetas`,
 * `rstudent`; Viechtbauer & Cheung, 2010, Res Synth Methods 1:112): for each study the model is
 * refitted without it by `metaRegression` with the fit's method, test and level, and compared
 * with the full fit. A refit that fails (e.g. a moderator constant without the study) gives a row
 * of `null`s with `error`. Work: k refits of O(k·p²) per estimator iteration.
 *
 * @param fit  a result of `metaRegression`
 * @throws InputError when `fit` is not a `metaRegression` result or has k ≤ p + 1.
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5, 3], vi: [1, 1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3, 4] }, method: 'EE' });
 * influenceRegression(fit).map((r) => r.hat) // => [0.6, 0.3, 0.2, 0.3, 0.6] (1/k + (xᵢ − x̄)²/Σ(x − x̄)²)
 */
export function influenceRegression(fit: MetaRegressionResult): readonly InfluenceRegressionRow[] {
  return readResult(fit, 'metaRegression', 'fit', () => {
    if (fit === null || typeof fit !== 'object' || !Array.isArray(fit.coefficients) || typeof fit.moderators !== 'object') {
      throw new InputError('expected the result of metaRegression()', { field: 'fit' });
    }
    const k = fit.k;
    const p = fit.p;
    const names = fit.coefficients.map((c) => c.name);
    if (!(k > p + 1)) throw new InputError(`influence needs more than p + 1 = ${p + 1} studies; got ${k}`, { field: 'fit' });
    const x = (i: number) => names.map((name, a) => (a === 0 ? 1 : fit.moderators[name]![i]!));
    const beta = names.map((_, a) => fit.coefficients[a]!.estimate);
    const vb = Float64Array.from(fit.covariance.flat());
    const lvb = cholesky(vb, p);
    const vbInv = lvb === null ? null : choleskyInverse(lvb, p);
    const logDetVb = lvb === null ? NaN : choleskyLogDet(lvb, p);
    const w = fit.vi.map((v) => 1 / (v + fit.tau2));
    const sumW = w.reduce((s, t) => s + t, 0);
    const xtwxInv = inverse(crossWeighted(fit.vi.map((_, i) => x(i)), w, p), p);
    const rows: InfluenceRegressionRow[] = [];
    for (let i = 0; i < k; i++) {
      const xi = x(i);
      const hat = w[i]! * quad(xtwxInv, xi, xi, p);
      const weight = (100 * w[i]!) / sumW;
      const keep = (arr: readonly number[]) => arr.filter((_, j) => j !== i);
      let del: MetaRegressionResult;
      try {
        del = metaRegression(
          { yi: keep(fit.yi), vi: keep(fit.vi) },
          { moderators: Object.fromEntries(names.slice(1).map((name) => [name, keep(fit.moderators[name]!)])), method: fit.method, test: fit.test, level: fit.level },
        );
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        rows.push(Object.freeze({
          label: fit.labels[i]!, rstudent: null, dffits: null, cookD: null, covRatio: null, tau2Deleted: null, qDeleted: null,
          hat, weight, dfbetas: Object.freeze(Object.fromEntries(names.map((n) => [n, null]))), isInfluential: hat > (3 * p) / k, error: error.message,
        }));
        continue;
      }
      rows.push(deletionRow(fit, del, i, xi, hat, weight, beta, vbInv, logDetVb, x, names));
    }
    return Object.freeze(rows);
  });
}

function deletionRow(
  fit: MetaRegressionResult, del: MetaRegressionResult, i: number, xi: number[], hat: number, weight: number,
  beta: number[], vbInv: Float64Array | null, logDetVb: number, x: (i: number) => number[], names: readonly string[],
): InfluenceRegressionRow {
  const p = beta.length;
  const k = fit.k;
  const betaDel = del.coefficients.map((c) => c.estimate);
  const vbDel = Float64Array.from(del.covariance.flat());
  // Knapp–Hartung factor of the deleted model: its covariance over the unscaled (XᵀWX)⁻¹
  const wDel = del.vi.map((v) => 1 / (v + del.tau2));
  const unscaledDel = inverse(crossWeighted(del.vi.map((_, j) => x(j < i ? j : j + 1)), wDel, p), p);
  const s2w = fit.test === 'knha' ? vbDel[0]! / unscaledDel[0]! : 1;
  const dfb = beta.map((b, a) => b - betaDel[a]!);
  let resid = fit.yi[i]! - dot(xi, betaDel);
  if (Math.abs(resid) < 100 * Number.EPSILON) resid = 0;
  const rstudent = resid / Math.sqrt((fit.vi[i]! + del.tau2) * s2w + quad(vbDel, xi, xi, p));
  const dffits = dot(xi, dfb) / Math.sqrt(s2w * hat * (del.tau2 + fit.vi[i]!));
  const cookD = vbInv === null ? NaN : quad(vbInv, dfb, dfb, p);
  const lDel = cholesky(Float64Array.from(vbDel), p);
  const covRatio = lDel === null ? NaN : Math.exp(choleskyLogDet(lDel, p) - logDetVb);
  const allW = fit.vi.map((v) => 1 / (v + del.tau2));
  const vbAll = inverse(crossWeighted(fit.vi.map((_, j) => x(j)), allW, p), p);
  const dfbetas = dfb.map((d, a) => d / Math.sqrt(s2w * vbAll[a * p + a]!));
  const flagged = Math.abs(dffits) > 3 * Math.sqrt(p / (k - p)) || chiSquareSf(cookD, p) < 0.5 || hat > (3 * p) / k || dfbetas.some((d) => Math.abs(d) > 1);
  return Object.freeze({
    label: fit.labels[i]!, rstudent: finiteOrNull(rstudent), dffits: finiteOrNull(dffits), cookD: finiteOrNull(cookD),
    covRatio: finiteOrNull(covRatio), tau2Deleted: finiteOrNull(del.tau2), qDeleted: del.qe, hat, weight,
    dfbetas: Object.freeze(Object.fromEntries(names.map((n, a) => [n, finiteOrNull(dfbetas[a]!)]))), isInfluential: flagged,
  });
}

function crossWeighted(xs: readonly number[][], w: readonly number[], p: number): Float64Array {
  const out = new Float64Array(p * p);
  xs.forEach((row, i) => { for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) out[a * p + b]! += w[i]! * row[a]! * row[b]!; });
  return out;
}

function inverse(a: Float64Array, p: number): Float64Array {
  const l = cholesky(a, p);
  return l === null ? new Float64Array(p * p).fill(NaN) : choleskyInverse(l, p);
}

function quad(m: ArrayLike<number>, u: readonly number[], v: readonly number[], p: number): number {
  let s = 0;
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) s += u[a]! * m[a * p + b]! * v[b]!;
  return s;
}

function dot(u: readonly number[], v: readonly number[]): number {
  return u.reduce((s, x, a) => s + x * v[a]!, 0);
}
