import { interceptDesign } from '../regression/design-matrix.ts';
import { binnedGridSums, BINNED_SCAN_MIN_K } from './binned-grid-sums.ts';
import type { GridSums, WeightedModel } from './weighted-model.ts';

/**
 * The intercept-only model with the binned scan of {@link binnedGridSums} in place of its own
 * `gridSums` for k ≥ `BINNED_SCAN_MIN_K`: every fit is the model's own, only the coarse scan of
 * the likelihood's score changes, from one division per study and grid point to one pass over
 * the studies for the whole grid (the scan needs the signs of the score away from its roots;
 * brackets are still polished with exact fits). Smaller models are returned as they are.
 *
 * @param model  an intercept-only model (p = 1) with `gridSums`
 * @example
 * const m = interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]));
 * withBinnedScan(m) === m // => true (k < 4096)
 */
export function withBinnedScan(model: WeightedModel): WeightedModel {
  const own = model.gridSums;
  if (model.p !== 1 || model.k < BINNED_SCAN_MIN_K || own === undefined) return model;
  let design: ReturnType<typeof interceptDesign> | null = null;
  const anchor = new Float64Array(1);
  return {
    k: model.k,
    p: 1,
    y: model.y,
    v: model.v,
    unit: model.unit,
    fitTau2: (t) => model.fitTau2(t),
    fitWeights: (a) => model.fitWeights(a),
    sumLogV: (t) => model.sumLogV(t),
    gridSums: (grid): GridSums[] => {
      design ??= interceptDesign(model.k);
      return binnedGridSums(design, model.y, model.v, grid, anchor) ?? own.call(model, grid);
    },
  };
}
