import type { Tau2Method, TestType } from '../../types.ts';
import { fitIntercept } from '../engine/fit-intercept.ts';
import { heterogeneityIntervals } from '../heterogeneity-intervals.ts';
import { jsonSafeStatistic } from '../inference/json-safe-statistic.ts';
import type { Tau2Control } from '../tau2/tau2-fit.ts';
import { BATCH_COLUMNS, type BatchColumns } from './batch-columns.ts';
import { BatchKernel, NO_WARNINGS } from './batch-kernel.ts';

/** The settings every analysis of a batch shares (resolved once). */
export interface BatchSettings {
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
  readonly control: Tau2Control;
}

/**
 * Fits analyses `from` … `to − 1` of a validated batch into `columns` (at index j − `from` +
 * `at`) and their warnings into `warnings` (at j − `from`): each analysis is exactly what `metaAnalysis` computes for its
 * rows. Most analyses take the {@link BatchKernel} (buffers reused, columns written in place); the others (k = 1, missing
 * rows, zero variances, metafor's stopping rule, any analysis with a warning of the engine's)
 * take {@link fitAnalysis}, the engine's own `fitIntercept` and Q-profile intervals. An analysis
 * without warnings shares one frozen empty array.
 *
 * @example
 * const cols = batchColumns(1);
 * fitBatchRange(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), new Float64Array([0, 3]), 0, 1, cols, 0, [], { method: 'DL', test: 'z', level: 0.95, control: DEFAULT_TAU2_CONTROL });
 * cols.tau2[0] // => 3
 */
export function fitBatchRange(
  yi: Float64Array,
  vi: Float64Array,
  offsets: ArrayLike<number>,
  from: number,
  to: number,
  columns: BatchColumns,
  at: number,
  warnings: (readonly string[])[],
  settings: BatchSettings,
): void {
  const kernel = new BatchKernel(settings);
  for (let j = from; j < to; j++) {
    const out = j - from + at;
    const start = offsets[j]!;
    const k = offsets[j + 1]! - start;
    const fast = kernel.fit(yi, vi, start, k, columns, out);
    if (fast !== null) {
      warnings[j - from] = fast;
      continue;
    }
    // the kernel may have written part of the row before it handed the analysis over
    for (const name of BATCH_COLUMNS) columns[name][out] = NaN;
    warnings[j - from] = fitAnalysis(yi.subarray(start, start + k), vi.subarray(start, start + k), start, columns, out, settings);
  }
}

/**
 * One analysis by the engine's general path, as `metaAnalysis` fits it: rows with a NaN yi or
 * vi are skipped with a warning (`start` numbers the rows of the whole batch); an infinite test
 * statistic (an SE of 0) is NaN with `metaAnalysis`'s warning; an analysis the engine refuses
 * keeps NaN in every column but k and says why. Returns its warnings.
 *
 * @example
 * const cols = batchColumns(1);
 * fitAnalysis(new Float64Array([0, NaN, 0.4]), new Float64Array([0.01, 0.01, 0.01]), 0, cols, 0, { method: 'DL', test: 'z', level: 0.95, control: DEFAULT_TAU2_CONTROL })
 * // => ['Row 2 omitted: yi missing.']
 */
export function fitAnalysis(y: Float64Array, v: Float64Array, start: number, columns: BatchColumns, out: number, settings: BatchSettings): readonly string[] {
  const { method, test, level, control } = settings;
  const notes: string[] = [];
  let missing = 0;
  for (let i = 0; i < y.length; i++) if (Number.isNaN(y[i]!) || Number.isNaN(v[i]!)) missing++;
  if (missing > 0) {
    const keep = (i: number) => !(Number.isNaN(y[i]!) || Number.isNaN(v[i]!));
    for (let i = 0; i < y.length; i++) if (!keep(i)) notes.push(`Row ${start + i + 1} omitted: ${Number.isNaN(y[i]!) ? 'yi' : 'vi'} missing.`);
    const yKeep = new Float64Array(y.length - missing);
    const vKeep = new Float64Array(y.length - missing);
    for (let i = 0, n = 0; i < y.length; i++) if (keep(i)) { yKeep[n] = y[i]!; vKeep[n++] = v[i]!; }
    y = yKeep;
    v = vKeep;
  }
  columns.k[out] = y.length;
  const fit = fitIntercept(y, v, method, test, level, control);
  if (!fit.ok) {
    notes.push(fit.row === undefined ? fit.reason : `${fit.reason} (usable row ${fit.row + 1} of this analysis)`);
    return notes;
  }
  notes.push(...fit.warnings);
  columns.estimate[out] = fit.estimate;
  columns.se[out] = fit.se;
  columns.statistic[out] = jsonSafeStatistic(fit.statistic, notes);
  columns.pValue[out] = fit.pValue;
  columns.ciLower[out] = fit.ciLower;
  columns.ciUpper[out] = fit.ciUpper;
  columns.piLower[out] = fit.piLower;
  columns.piUpper[out] = fit.piUpper;
  columns.tau2[out] = fit.tau2;
  columns.tau2Se[out] = fit.tau2Fit.se ?? NaN;
  columns.i2[out] = fit.i2;
  columns.h2[out] = fit.h2;
  columns.q[out] = fit.q;
  columns.qPValue[out] = fit.qPValue;
  if (method !== 'EE' && fit.k > 1) {
    const ci = heterogeneityIntervals(fit, level, notes);
    columns.tau2CiLower[out] = ci.tau2Ci.lower ?? NaN;
    columns.tau2CiUpper[out] = ci.tau2Ci.upper ?? NaN;
    columns.i2CiLower[out] = ci.i2Ci.lower ?? NaN;
    columns.i2CiUpper[out] = ci.i2Ci.upper ?? NaN;
  }
  return notes.length === 0 ? NO_WARNINGS : notes;
}
