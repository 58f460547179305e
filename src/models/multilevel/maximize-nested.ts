import { dataSpread } from '../engine/data-spread.ts';
import { fitNestedVariances, type NestedVarianceFit } from './fit-nested-variances.ts';
import { evaluateNested, type NestedUnits } from './nested-likelihood.ts';

/** Grid points per decade of each variance component in the coarse scan. */
const POINTS_PER_DECADE = 4;
/** Local maxima of the scan that are polished by the optimizer. */
const POLISHED = 3;
/** A log-likelihood gain below this is rounding, not a better maximum. */
const LL_NOISE = 1e-8;

/** The global maximum of the nested model's likelihood and how it was found. */
export interface NestedMaximum extends NestedVarianceFit {
  readonly warnings: readonly string[];
}

/**
 * The global maximum of the REML (or ML) likelihood of the nested model over σ²_outer ≥ 0,
 * σ²_inner ≥ 0, so that a local maximum cannot pass for it: the projected Newton optimizer
 * (`fitNestedVariances`) from its default start, then a coarse scan of ℓ on a grid of
 * {0} ∪ 4 points a decade for each free component (from 10⁻³·min vᵤ to 10·(var y + max vᵤ)),
 * O(n) per point, and the optimizer again from the best few local maxima of the scan. The
 * highest point wins; when it is above the default start's answer by more than 1e-8, a warning
 * gives both. `converged` is the winner's.
 *
 * `unit` is the variance unit of the data (for the warning's numbers).
 *
 * @example
 * const units = { y: new Float64Array([0.1, 0.3, 0.9, 1.1, -0.2, 0]), v: new Float64Array(6).fill(0.01),
 *   outerOf: new Int32Array([0, 0, 1, 1, 2, 2]), nOuter: 3 };
 * maximizeNested(units, true, [false, false], 'REML').sigma2 // => [0.31333..., 0.01]
 */
export function maximizeNested(
  units: NestedUnits,
  reml: boolean,
  fixed: readonly [boolean, boolean],
  method: string,
  unit = 1,
): NestedMaximum {
  const local = fitNestedVariances(units, reml, fixed);
  const axes = [axis(units, fixed[0]), axis(units, fixed[1])] as const;
  const values = axes[0].map((a) => axes[1].map((b) => evaluateNested(units, a, b, reml).logLik));
  const peaks: [number, number][] = [];
  for (let i = 0; i < axes[0].length; i++) {
    for (let j = 0; j < axes[1].length; j++) {
      const l = values[i]![j]!;
      const neighbours = [values[i - 1]?.[j], values[i + 1]?.[j], values[i]![j - 1], values[i]![j + 1]];
      if (Number.isFinite(l) && neighbours.every((n) => n === undefined || !(n > l))) peaks.push([i, j]);
    }
  }
  peaks.sort((p, q) => values[q[0]]![q[1]]! - values[p[0]]![p[1]]!);
  let best: NestedVarianceFit = local;
  let iterations = local.iterations;
  for (const [i, j] of peaks.slice(0, POLISHED)) {
    const fit = fitNestedVariances(units, reml, fixed, undefined, [axes[0][i]!, axes[1][j]!]);
    iterations += fit.iterations;
    if (fit.evaluation.logLik > best.evaluation.logLik + 1e-13 * (1 + Math.abs(best.evaluation.logLik))) best = fit;
  }
  const warnings: string[] = [];
  const gap = best.evaluation.logLik - local.evaluation.logLik;
  if (gap > LL_NOISE) {
    const show = (s: readonly [number, number]) => `[${s.map((x) => (x === 0 ? '0' : (x * unit).toPrecision(6))).join(', ')}]`;
    warnings.push(`${method}: the optimizer from its default start stops at a local maximum (sigma² = ${show(local.sigma2)}); the likelihood is highest at sigma² = ${show(best.sigma2)}, higher by ${gap.toPrecision(3)} in log-likelihood.`);
  }
  return { ...best, iterations, warnings };
}

/** {0} and a geometric grid for a free component; {0} for a fixed one. */
function axis(units: NestedUnits, fixed: boolean): number[] {
  if (fixed) return [0];
  const n = units.y.length;
  const { ss, vMin, vMax } = dataSpread(units.y, units.v);
  const upper = 10 * (ss / Math.max(1, n - 1) + vMax);
  const lower = 1e-3 * vMin;
  const points = Math.max(4, Math.min(60, Math.ceil(Math.log10(upper / lower) * POINTS_PER_DECADE)));
  const grid = [0];
  for (let j = 0; j <= points; j++) grid.push(lower * (upper / lower) ** (j / points));
  return grid;
}
