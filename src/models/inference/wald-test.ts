import { normalSf } from '../../distributions/normal.ts';
import { studentTSf } from '../../distributions/student-t.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import type { Interval } from '../../types.ts';
import { cachedQuantile } from './cached-quantile.ts';

/** Wald statistic, two-sided p-value, critical value and interval of one coefficient (raw numbers). */
export interface Wald {
  readonly statistic: number;
  /** NaN where undefined (t with df ≤ 0). */
  readonly pValue: number;
  /** Critical value q of the interval θ̂ ± q·SE (NaN when df ≤ 0). */
  readonly crit: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Two-sided Wald test of H₀: θ = 0 and the interval θ̂ ± q·SE, with q the normal quantile
 * (`df` null) or the t quantile with `df` degrees of freedom (df may be fractional, e.g.
 * Satterthwaite): statistic θ̂/SE, p = 2·S(|θ̂/SE|) from the survival function S (Wald, 1943).
 * The one place where models turn an estimate and its SE into a test.
 *
 * @example
 * wald(1, 0.5, null, 0.95).pValue // => 0.04550026389635842
 */
export function wald(estimate: number, se: number, df: number | null, level: number): Wald {
  const statistic = estimate / se;
  const alpha = 1 - level;
  let pValue: number;
  let crit: number;
  if (df === null) {
    pValue = 2 * normalSf(Math.abs(statistic));
    crit = cachedQuantile('normal', alpha / 2, Infinity, true);
  } else if (df > 0) {
    pValue = 2 * studentTSf(Math.abs(statistic), df);
    crit = cachedQuantile('t', alpha / 2, df, true);
  } else {
    pValue = NaN;
    crit = NaN;
  }
  return { statistic, pValue, crit, lower: estimate - crit * se, upper: estimate + crit * se };
}

/** Wald test and confidence interval of one coefficient, `null` where not finite (metafor's NA). */
export interface WaldTest {
  readonly statistic: number;
  readonly pValue: number | null;
  readonly ci: Interval;
}

/**
 * {@link wald} with non-finite p-value and bounds as `null`.
 *
 * @example
 * waldTest(1, 0.5, null, 0.95).pValue // => 0.04550026389635842
 */
export function waldTest(estimate: number, se: number, df: number | null, level: number): WaldTest {
  const w = wald(estimate, se, df, level);
  return {
    statistic: w.statistic,
    pValue: finiteOrNull(w.pValue),
    ci: Object.freeze({ lower: finiteOrNull(w.lower), upper: finiteOrNull(w.upper) }),
  };
}
