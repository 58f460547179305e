import { formatFixed, formatPValue } from './format-number.ts';

/** Degrees of freedom of a test line: one value, or numerator and denominator of an F test. */
export type TestDf = number | null | readonly [number | null, number | null];

/**
 * A test line as metafor prints it (its `fmtt`), with the p-value printed as it is:
 * `Q(df = 12) = 152.2330, p-val = 2.00e-26`, `F(df1 = 1, df2 = 11) = 12.0000, p-val = 0.0053`,
 * or without df `z = -0.8033, p-val = 0.4218`.
 *
 * @example
 * formatTestStatistic('Q', 152.233, 12, 2e-26) // => "Q(df = 12) = 152.2330, p-val = 2.00e-26"
 */
export function formatTestStatistic(name: string, value: number | null, df: TestDf, pValue: number | null, digits = 4, pName = 'p-val'): string {
  const stat = formatFixed(value, digits);
  const p = `${pName} = ${formatPValue(pValue)}`;
  if (df === null) return `${name} = ${stat}, ${p}`;
  if (Array.isArray(df)) return `${name}(df1 = ${formatDf(df[0])}, df2 = ${formatDf(df[1])}) = ${stat}, ${p}`;
  return `${name}(df = ${formatDf(df as number)}) = ${stat}, ${p}`;
}

/**
 * Degrees of freedom as R prints them: whole numbers as they are, others rounded to 2 decimals.
 *
 * @example
 * formatDf(9.86315) // => "9.86"
 */
export function formatDf(df: number | null | undefined): string {
  if (typeof df !== 'number' || Number.isNaN(df)) return 'NA';
  return Number.isInteger(df) ? String(df) : String(Math.round(df * 100) / 100);
}
