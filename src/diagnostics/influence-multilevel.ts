import { InputError } from '../errors.ts';
import { labelText } from '../missing.ts';
import { multilevelModel, type MultilevelModelResult } from '../models/multilevel/multilevel-model.ts';
import { evaluateNestedRegression } from '../models/multilevel/nested-regression-likelihood.ts';
import { indexLabels } from '../models/multilevel/label-index.ts';
import { readNestedFit } from '../models/robust/read-nested-fit.ts';
import { cholesky, choleskyInverse, choleskySolve } from '../numeric/cholesky.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import { readResult } from '../read-result.ts';

/** The model refitted without one unit (a row, or all rows of a cluster). */
export interface MultilevelDeletion {
  /** The row's study label, or the cluster label. */
  readonly label: string;
  /** Cook's distance (β̂ − β̂₍₋ᵢ₎)ᵀ(Var β̂)⁻¹(β̂ − β̂₍₋ᵢ₎) (metafor's `cooks.distance.rma.mv`). */
  readonly cookD: number | null;
  /** DFBETAS (β̂ − β̂₍₋ᵢ₎)/√diag Var*β̂, Var* of the full data at σ²₍₋ᵢ₎ (metafor's `dfbetas.rma.mv`), by coefficient. */
  readonly dfbetas: Readonly<Record<string, number | null>>;
  /** σ² of each level after the deletion (re-estimated, metafor's `reestimate = TRUE`). */
  readonly sigma2Deleted: readonly number[] | null;
  readonly error?: string;
}

/** Influence diagnostics of a multilevel fit. */
export interface MultilevelInfluence {
  /** One deletion per row (default) or per cluster. */
  readonly deletions: readonly MultilevelDeletion[];
  /** Hat values of the rows: diagonal of X(XᵀV⁻¹X)⁻¹XᵀV⁻¹ (metafor's `hatvalues.rma.mv`); they sum to p. */
  readonly hat: readonly number[];
  readonly labels: readonly string[];
}

/**
 * Cook's distances, DFBETAS and hat values of a `multilevel` fit with moderators or nested
 * levels (metafor's `cooks.distance`, `dfbetas` and `hatvalues` for `rma.mv`; Viechtbauer &
 * Cheung, 2010): each row, or with `cluster` each cluster of rows, is deleted and the model
 * refitted with σ² re-estimated; the hat values come from the full model's V block by block
 * (O(Σ n_g³) for outermost groups of n_g rows). A refit that fails gives `null`s with `error`.
 *
 * @param fit  a `MultilevelModelResult`
 * @param options  `{ cluster? }`: one label per row of the model, to delete whole clusters
 * @throws InputError for a fit that is not a multilevel model result, or a bad cluster array.
 * @example
 * const fit = multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0, 0.4, 0.5], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.02] },
 *   { levels: [['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'], ['1', '2', '1', '2', '1', '2', '1', '2']] });
 * influenceMultilevel(fit).hat.reduce((s, h) => s + h, 0) // => 1.00000000 (p = 1)
 */
export function influenceMultilevel(fit: MultilevelModelResult, options: { readonly cluster?: readonly unknown[] } = {}): MultilevelInfluence {
  return readResult(fit, 'multilevelModel', 'fit', () => {
    const parts = readNestedFit(fit);
    const k = parts.yi.length;
    const p = parts.names.length;
    const units = deletionUnits(options?.cluster, k, parts.labels);
    const hat = hatValues(parts.x, p, parts.structure.groupOf[0]!, parts.block!, fit.covariance);
    const vb = Float64Array.from(fit.covariance.flat());
    const l = cholesky(vb, p);
    const vbInv = l === null ? null : choleskyInverse(l, p);
    const beta = fit.coefficients.map((c) => c.estimate);
    const names = parts.names;
    const deletions = units.levels.map((label, u) => {
      const keep = Array.from({ length: k }, (_, i) => i).filter((i) => units.codes[i] !== u);
      try {
        const del = multilevelModel(
          { yi: keep.map((i) => parts.yi[i]!), vi: keep.map((i) => parts.vi[i]!) },
          {
            levels: fit.levels.map((lv) => keep.map((i) => lv[i]!)), method: fit.method, test: fit.test, level: fit.level,
            ...(p > 1 ? { moderators: Object.fromEntries(names.slice(1).map((n) => [n, keep.map((i) => fit.moderators[n]![i]!)])) } : {}),
          },
        );
        const dfb = beta.map((b, a) => b - del.coefficients[a]!.estimate);
        const cookD = vbInv === null ? NaN : dfb.reduce((s, da, a) => s + dfb.reduce((t, db, b) => t + da * vbInv[a * p + b]! * db, 0), 0);
        const atDeleted = evaluateNestedRegression(
          { y: Float64Array.from(parts.yi), v: Float64Array.from(parts.vi), x: parts.x, p, levels: parts.structure, halfLogDetXtX: 0 },
          del.sigma2, fit.method === 'REML',
        );
        return Object.freeze({
          label, cookD: finiteOrNull(cookD), sigma2Deleted: Object.freeze([...del.sigma2]),
          dfbetas: Object.freeze(Object.fromEntries(names.map((n, a) => [n, finiteOrNull(dfb[a]! / Math.sqrt(atDeleted.covariance[a * p + a]!))]))),
        });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        return Object.freeze({ label, cookD: null, sigma2Deleted: null, dfbetas: Object.freeze(Object.fromEntries(names.map((n) => [n, null]))), error: error.message });
      }
    });
    return Object.freeze({ deletions: Object.freeze(deletions), hat: Object.freeze(hat), labels: Object.freeze([...parts.labels]) });
  });
}

function deletionUnits(cluster: readonly unknown[] | undefined, k: number, labels: readonly string[]): { codes: Int32Array; levels: readonly string[] } {
  if (cluster === undefined) return { codes: Int32Array.from({ length: k }, (_, i) => i), levels: labels };
  if (!Array.isArray(cluster) || cluster.length !== k) {
    throw new InputError(`must be an array with one label per row of the model (${k})`, { field: 'cluster' });
  }
  return indexLabels(cluster.map((c, i) => {
    const text = labelText(c);
    if (typeof text !== 'string' || typeof c === 'boolean') throw new InputError('must be a string label', { field: 'cluster', row: i + 1, value: c });
    return text;
  }));
}

/** hᵢ = xᵢᵀ M (V⁻¹X)ᵢ with V⁻¹X solved block by block over the outermost groups. */
function hatValues(
  x: Float64Array, p: number, outer: Int32Array, block: (rows: readonly number[]) => Float64Array, covariance: readonly (readonly number[])[],
): number[] {
  const k = outer.length;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < k; i++) groups.set(outer[i]!, [...(groups.get(outer[i]!) ?? []), i]);
  const hat = new Array<number>(k).fill(NaN);
  for (const rows of groups.values()) {
    const n = rows.length;
    const l = cholesky(block(rows), n);
    if (l === null) continue;
    const vx = Array.from({ length: p }, (_, a) => choleskySolve(l, n, rows.map((r) => x[r * p + a]!)));
    rows.forEach((r, i) => {
      let h = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) h += x[r * p + a]! * covariance[a]![b]! * vx[b]![i]!;
      hat[r] = h;
    });
  }
  return hat;
}
