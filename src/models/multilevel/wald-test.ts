import { normalQuantile, normalSf } from '../../distributions/normal.ts';
import { studentTQuantile, studentTSf } from '../../distributions/student-t.ts';
import type { Interval } from '../../types.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';

/** Wald test and confidence interval of one coefficient. */
export interface WaldTest {
  readonly statistic: number;
  readonly pValue: number | null;
  readonly ci: Interval;
}

/**
 * Two-sided Wald test of H₀: θ = 0 and the interval θ̂ ± q·SE, with q the normal quantile
 * (`df` null) or the t quantile with `df` degrees of freedom (df may be fractional, e.g.
 * Satterthwaite). p = 2·S(|θ̂/SE|) from the survival function S. Non-finite results are `null`.
 *
 * @example
 * waldTest(1, 0.5, null, 0.95).pValue // => 0.0455...
 */
export function waldTest(estimate: number, se: number, df: number | null, level: number): WaldTest {
  const statistic = estimate / se;
  const alpha = 1 - level;
  const z = df === null;
  const pValue = z ? 2 * normalSf(Math.abs(statistic)) : df > 0 ? 2 * studentTSf(Math.abs(statistic), df) : NaN;
  const crit = z ? normalQuantile(alpha / 2, true) : df > 0 ? studentTQuantile(alpha / 2, df, true) : NaN;
  return {
    statistic,
    pValue: finiteOrNull(pValue),
    ci: Object.freeze({ lower: finiteOrNull(estimate - crit * se), upper: finiteOrNull(estimate + crit * se) }),
  };
}
