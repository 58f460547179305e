import type { FiveNumberScenario, FiveNumbers } from './five-number-summary.ts';

/** Shi et al. (2023) test for skewness: statistic, critical value, verdict. */
export interface SkewnessTest {
  readonly statistic: number;
  /** Critical value at the 5% level for this n. */
  readonly critical: number;
  /** statistic ≥ critical: the data look skewed and the normal-theory estimates are doubtful. */
  readonly skewed: boolean;
}

/** |(lo + hi − 2·median)/(hi − lo)|, the asymmetry of a pair of quantiles; 0 when hi = lo. */
function asymmetry(lo: number, median: number, hi: number): number {
  return hi === lo ? 0 : Math.abs((lo + hi - 2 * median) / (hi - lo));
}

/**
 * Shi et al. (2023) test for skewness from a five-number summary (Stat Methods Med Res,
 * doi:10.1177/09622802231172043), as used by metafor 5.1's `conv.fivenum`:
 * - S1: T = |(min + max − 2·median)/(max − min)|, critical 1/ln(n + 9) + 2.5/(n + 1);
 * - S2: T = |(q1 + q3 − 2·median)/(q3 − q1)|, critical 2.65/√n − 6/n²;
 * - S3: T = max(2.65·ln(0.6·n)/√n · T_S1, T_S2), critical 3/√n − 40/n³.
 * Skewed when T ≥ critical. NaN statistic (and `skewed` false) when the median is missing.
 */
export function fiveNumberSkewness(s: FiveNumbers, scenario: FiveNumberScenario): SkewnessTest {
  const n = s.n;
  let statistic: number;
  let critical: number;
  if (scenario === 'S1') {
    statistic = asymmetry(s.min, s.median, s.max);
    critical = 1 / Math.log(n + 9) + 2.5 / (n + 1);
  } else if (scenario === 'S2') {
    statistic = asymmetry(s.q1, s.median, s.q3);
    critical = 2.65 / Math.sqrt(n) - 6 / (n * n);
  } else {
    const range = ((2.65 * Math.log(0.6 * n)) / Math.sqrt(n)) * asymmetry(s.min, s.median, s.max);
    statistic = Math.max(range, asymmetry(s.q1, s.median, s.q3));
    critical = 3 / Math.sqrt(n) - 40 / (n * n * n);
  }
  return { statistic, critical, skewed: statistic >= critical };
}
