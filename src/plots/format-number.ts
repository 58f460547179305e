import { formatFixed } from '../report/format-number.ts';

/**
 * A number as plots print it: `digits` decimals always (so columns line up), an ASCII minus,
 * no negative zero ("-0.00" prints as "0.00"), and `—` for a missing value (null, NaN).
 *
 * @example
 * formatPlotNumber(-0.0004, 2); // => '0.00'
 * formatPlotNumber(0.71449, 2); // => '0.71'
 */
export function formatPlotNumber(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  const s = formatFixed(x, digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/**
 * An estimate with its interval, `0.49 [0.34, 0.70]`, each with `digits` decimals.
 *
 * @example
 * formatEstimateCi(0.4896, 0.3449, 0.6951, 2); // => '0.49 [0.34, 0.70]'
 */
export function formatEstimateCi(
  estimate: number | null, lower: number | null, upper: number | null, digits = 2,
): string {
  return `${formatPlotNumber(estimate, digits)} [${formatPlotNumber(lower, digits)}, ${formatPlotNumber(upper, digits)}]`;
}
