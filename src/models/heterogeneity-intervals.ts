import { finiteOrNull } from '../numeric/finite-or-null.ts';
import { firstNonPositiveVariance } from './engine/data-summary.ts';
import type { Interval } from '../types.ts';
import type { InterceptFit } from './engine/fit-intercept.ts';
import { qProfileTau2 } from './inference/q-profile.ts';
import { generalizedQInterval } from './tau2-inference/generalized-q-interval.ts';

/**
 * Q-profile confidence intervals for τ², I² and H² of an intercept-only fit (Viechtbauer, 2007,
 * Stat Med 26:37; see `qProfileTau2`), in the user's units: I² = 100·τ²/(s² + τ²) and
 * H² = τ²/s² + 1 at each bound, s² the typical within-study variance. Warnings (no interval
 * with a zero sampling variance; a bound at metafor's search limit) are pushed to `warnings`.
 * Shared by `metaAnalysis` and `metaAnalysisBatch`.
 *
 * @example
 * const fit = fitIntercept(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), 'REML', 'z', 0.95, DEFAULT_TAU2_CONTROL);
 * heterogeneityIntervals(fit as InterceptFit, 0.95, []).tau2Ci.lower // => 0.084340122727267 (Q(τ²) = 8/(1+τ²) = χ²₂;₀.₉₇₅)
 */
export function heterogeneityIntervals(
  fit: InterceptFit,
  level: number,
  warnings: string[],
): { tau2Ci: Interval; i2Ci: Interval; h2Ci: Interval } {
  const { model, typicalVariance } = fit;
  if (firstNonPositiveVariance(model) >= 0) {
    warnings.push('Q-profile intervals need every sampling variance > 0; they are not available.');
    const none = interval(NaN, NaN);
    return { tau2Ci: none, i2Ci: none, h2Ci: none };
  }
  const ci = qProfileTau2(model, level, fit.tau2 / model.unit);
  if (ci.atLimit) {
    warnings.push(`A Q-profile bound for tau² lies beyond metafor's search limit max(100, 10·tau²) and is reported at that limit, as metafor does; the exact bound is ${(ci.exactUpper * model.unit).toPrecision(6)}.`);
  }
  const lower = ci.lower * model.unit;
  const upper = ci.upper * model.unit;
  const toI2 = (t: number) => (100 * t) / (typicalVariance + t);
  const toH2 = (t: number) => t / typicalVariance + 1;
  return {
    tau2Ci: interval(lower, upper),
    i2Ci: interval(toI2(lower), toI2(upper)),
    h2Ci: interval(toH2(lower), toH2(upper)),
  };
}


/**
 * The intervals of a GENQ fit: τ² from the exact distribution of the generalised Q statistic
 * with the user's weights `a` (`generalizedQInterval`, metafor's `confint` for method GENQ),
 * I² and H² from its bounds as in {@link heterogeneityIntervals}.
 *
 * @example
 * const fit = fitIntercept(new Float64Array([0, 1, 3, 6]), new Float64Array([1, 1, 1, 1]), 'GENQ', 'z', 0.95, DEFAULT_TAU2_CONTROL, undefined, new Float64Array([1, 1, 1, 1]));
 * generalizedQIntervals(fit as InterceptFit, new Float64Array([1, 1, 1, 1]), 0.95).tau2Ci.lower // => 1.24637284 (21/χ²₃;₀.₉₇₅ − 1)
 */
export function generalizedQIntervals(fit: InterceptFit, a: Float64Array, level: number): { tau2Ci: Interval; i2Ci: Interval; h2Ci: Interval } {
  const { model, typicalVariance } = fit;
  const k = model.k;
  const ci = generalizedQInterval({ x: new Float64Array(k).fill(1), k, p: 1, a, y: model.y, v: model.v }, level);
  const lower = ci.lower * model.unit;
  const upper = ci.upper * model.unit;
  const toI2 = (t: number) => (100 * t) / (typicalVariance + t);
  const toH2 = (t: number) => t / typicalVariance + 1;
  return { tau2Ci: interval(lower, upper), i2Ci: interval(toI2(lower), toI2(upper)), h2Ci: interval(toH2(lower), toH2(upper)) };
}

function interval(lower: number, upper: number): Interval {
  return Object.freeze({ lower: finiteOrNull(lower), upper: finiteOrNull(upper) });
}
