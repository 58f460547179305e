/** The names of the per-analysis numeric columns of a `metaAnalysisBatch` result, in order. */
export const BATCH_COLUMNS = Object.freeze([
  'k', 'estimate', 'se', 'statistic', 'pValue', 'ciLower', 'ciUpper', 'piLower', 'piUpper',
  'tau2', 'tau2Se', 'tau2CiLower', 'tau2CiUpper', 'i2', 'i2CiLower', 'i2CiUpper', 'h2', 'q', 'qPValue',
] as const);

/** One column name (see {@link BATCH_COLUMNS}). */
export type BatchColumn = (typeof BATCH_COLUMNS)[number];

/** The numeric columns of a batch: one Float64Array of length m per name; NaN where undefined. */
export type BatchColumns = Record<BatchColumn, Float64Array>;

/**
 * Allocates the columns of m analyses, filled with NaN.
 *
 * @example
 * batchColumns(2).estimate // => Float64Array [NaN, NaN]
 */
export function batchColumns(m: number): BatchColumns {
  const out = {} as Record<BatchColumn, Float64Array>;
  for (const name of BATCH_COLUMNS) out[name] = new Float64Array(m).fill(NaN);
  return out;
}
