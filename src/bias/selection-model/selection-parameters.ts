import { normalQuantile, normalSf } from '../../distributions/normal.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import type { Interval } from '../../types.ts';
import type { SelectionSpec } from './selection-spec.ts';

/** One parameter δⱼ of the selection function with its Wald inference. */
export interface SelectionParameter {
  /** `delta.1`, `delta.2`, … (metafor's row names; step functions also carry the interval). */
  readonly name: string;
  readonly estimate: number;
  /** `null` for a fixed δ or one at a boundary (no standard error). */
  readonly se: number | null;
  /** z = (δ̂ − δ₀)/SE with δ₀ the value of no selection (`nullValue`). */
  readonly statistic: number | null;
  readonly pValue: number | null;
  /** Wald interval, cut to the parameter space and to the optimiser's limits (metafor). */
  readonly ci: Interval;
  readonly nullValue: number;
  readonly fixed: boolean;
}

/**
 * Wald inference on the selection parameters as metafor's selmodel reports it:
 * z = (δ̂ⱼ − δ₀ⱼ)/SEⱼ, two-sided p from the normal survival function, and the interval
 * δ̂ⱼ ± z_{1−α/2}·SEⱼ with its bounds cut to [max(lowerⱼ, minⱼ), min(upperⱼ, maxⱼ)].
 *
 * @example
 * import { selectionSpec } from './src/bias/selection-model/selection-spec.ts';
 * selectionParameters(selectionSpec('negexp', [0, 1]), [2], [1], 0.95)[0].ci.lower // => 0.040036015459946
 */
export function selectionParameters(spec: SelectionSpec, delta: readonly number[], se: readonly (number | null)[], level: number): SelectionParameter[] {
  const crit = normalQuantile((1 - level) / 2, true);
  return delta.map((estimate, j) => {
    const s = se[j] ?? null;
    const nullValue = spec.nullValue[j]!;
    const statistic = s === null ? null : finiteOrNull((estimate - nullValue) / s);
    const floor = Math.max(spec.lower[j]!, spec.min[j]!);
    const ceiling = Math.min(spec.upper[j]!, spec.max[j]!);
    return {
      name: `delta.${j + 1}`, estimate, se: s, statistic,
      pValue: statistic === null ? null : 2 * normalSf(Math.abs(statistic)),
      ci: s === null ? { lower: null, upper: null } : { lower: Math.max(estimate - crit * s, floor), upper: Math.min(estimate + crit * s, ceiling) },
      nullValue, fixed: spec.fixed[j] !== null,
    };
  });
}
