import { selectionGrid } from './weighted-normal-integral.ts';
import { stepCuts } from './step-selection-probability.ts';
import { studyPValue } from './study-p-value.ts';
import type { SelectionData } from './selection-log-likelihood.ts';
import type { SelectionSpec } from './selection-spec.ts';
import type { SelectionAlternative } from './selection-types.ts';

/**
 * Prepares the studies for the selection-model likelihood: the observed p-values (clamped to
 * [pMin, 1 − pMin]) and, for a continuous selection function, each study's quadrature grid.
 *
 * @param x  rows of the design matrix; precision: cᵢ (1 without `prec`)
 * @example
 * import { selectionSpec } from './src/bias/selection-model/selection-spec.ts';
 * selectionData([0.5], [0.25], [[1]], [1], selectionSpec('negexp', [0, 1]), 'greater').pValues[0] // => 0.158655253931457
 */
export function selectionData(
  yi: ArrayLike<number>,
  vi: ArrayLike<number>,
  x: readonly ArrayLike<number>[],
  precision: ArrayLike<number>,
  spec: SelectionSpec,
  alternative: SelectionAlternative,
): SelectionData {
  const k = yi.length;
  const clamp = (p: number) => Math.min(Math.max(p, spec.pMin), 1 - spec.pMin);
  return {
    k, yi: Float64Array.from(yi), vi: Float64Array.from(vi), x: x.map((row) => Float64Array.from(row)),
    precision: Float64Array.from(precision), alternative,
    pValues: Float64Array.from({ length: k }, (_, i) => clamp(studyPValue(yi[i]!, vi[i]!, alternative))),
    cuts: spec.type === 'stepfun' ? Array.from({ length: k }, (_, i) => stepCuts(vi[i]!, spec.steps, alternative)) : [],
    grids: spec.type === 'stepfun' ? [] : Array.from({ length: k }, (_, i) => selectionGrid(vi[i]!, spec.kinks, spec.pMin, alternative)),
  };
}
