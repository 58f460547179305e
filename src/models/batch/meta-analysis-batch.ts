import { denseArray } from '../../dense-array.ts';
import { checkOptions } from '../../check-options.ts';
import { InputError } from '../../errors.ts';
import type { Tau2Method, TestType } from '../../types.ts';
import { resolveModelOptions, type MetaAnalysisOptions } from '../resolve-options.ts';
import { batchColumns, BATCH_COLUMNS, type BatchColumns } from './batch-columns.ts';
import { fitBatchRange, type BatchSettings } from './fit-batch-range.ts';
import { runBatchWorkers } from './run-batch-workers.ts';

/** m meta-analyses packed in flat arrays: analysis j has rows offsets[j] … offsets[j+1] − 1. */
export interface BatchInput {
  readonly yi: ArrayLike<number>;
  readonly vi: ArrayLike<number>;
  /** m + 1 non-decreasing row indices, from 0 to the number of rows. */
  readonly offsets: ArrayLike<number>;
}

/** Options of `metaAnalysisBatch`: those of `metaAnalysis`, plus `workers`. */
export interface MetaAnalysisBatchOptions extends MetaAnalysisOptions {
  /**
   * Worker threads to spread the analyses over (default: none, fitted on the calling thread).
   * The threads share the data and the result columns (SharedArrayBuffers, no copy per thread)
   * and take chunks of analyses until none is left; they stay alive, idle and unref'd, for the
   * next batch, so only the first call pays their start (each loads the library; under tsx it
   * also compiles it, seconds on a loaded machine). At most 256 (`MAX_WORKERS`; more is
   * `E_TOO_LARGE`).
   */
  readonly workers?: number;
}

/**
 * The columnar result of `metaAnalysisBatch`: for each column of {@link BATCH_COLUMNS} a
 * Float64Array of length m (analysis j at index j; NaN where metafor reports NA or a fit was
 * refused), and the warnings of each analysis. `JSON.stringify` writes the columns as arrays
 * (NaN as null).
 */
export type MetaAnalysisBatchResult = BatchColumns & {
  /** Number of analyses. */
  readonly m: number;
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
  /** Warnings of analysis j (skipped rows, refused fits, estimator notes), as `metaAnalysis` gives them. */
  readonly warnings: readonly (readonly string[])[];
};

/** Most worker threads a batch may ask for (each costs a thread and a copy of the library). */
export const MAX_WORKERS = 256;

const OPTION_KEYS = ['method', 'test', 'level', 'control', 'workers'] as const;

/**
 * Pools m independent meta-analyses at once (metafor: one `rma()` per analysis), each exactly
 * as {@link metaAnalysis} would (same engine, same τ² estimator, tests and Q-profile
 * intervals, so batch and single fits agree to the last bit), and returns the results by
 * column: Float64Arrays of k, estimates, SEs, test statistics, p-values, CI and prediction
 * bounds, τ² with its SE and Q-profile CI, I² with its CI, H², Q and its p-value. The packed
 * data are read in place (subarray views); per-study weights are not returned (refit one
 * analysis with `metaAnalysis` for those). One set of buffers per study count k is reused
 * and the columns are written in place (see `BatchKernel`; only the engine's small model
 * object is made per analysis); analyses with missing values, a zero
 * variance, k = 1, metafor's `control` or a warning of the engine's are fitted by
 * `metaAnalysis`'s own engine path. With `workers: n` the analyses are fitted on n
 * `worker_threads` and the result is a Promise.
 *
 * @param input `{ yi, vi, offsets }` (arrays or Float64Arrays; NaN or null marks a missing value,
 *   skipped with a warning in that analysis)
 * @param options `{ method = 'REML', test = 'z', level = 0.95, control, workers }`
 * @throws InputError naming the field and row for mismatched lengths, bad offsets, non-numeric
 *   or infinite values, negative variances, unknown options.
 * @example
 * const r = metaAnalysisBatch({ yi: [0.1, 0.3, 0.5, 0.2, 0.4], vi: [0.01, 0.02, 0.015, 0.01, 0.01], offsets: [0, 3, 5] }, { method: 'DL' });
 * r.estimate[0] // => 0.2921644901 (metafor 5.1 rma(yi, vi, method = "DL"), first three rows: 0.292164490136149)
 * r.m // => 2
 */
export function metaAnalysisBatch(input: BatchInput, options?: MetaAnalysisOptions & { readonly workers?: undefined }): MetaAnalysisBatchResult;
export function metaAnalysisBatch(input: BatchInput, options: MetaAnalysisBatchOptions & { readonly workers: number }): Promise<MetaAnalysisBatchResult>;
export function metaAnalysisBatch(input: BatchInput, options?: MetaAnalysisBatchOptions): MetaAnalysisBatchResult | Promise<MetaAnalysisBatchResult>;
export function metaAnalysisBatch(
  input: BatchInput,
  options: MetaAnalysisBatchOptions = {},
): MetaAnalysisBatchResult | Promise<MetaAnalysisBatchResult> {
  const o = checkOptions<MetaAnalysisBatchOptions>(options, OPTION_KEYS);
  const { workers, ...model } = o;
  const settings: BatchSettings = resolveModelOptions(model);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    throw new InputError('must be a positive integer (number of worker threads)', { field: 'workers', value: workers });
  }
  if (workers !== undefined && workers > MAX_WORKERS) {
    throw new InputError(`must be at most ${MAX_WORKERS} worker threads`, { field: 'workers', value: workers, code: 'E_TOO_LARGE' });
  }
  const { yi, vi, offsets } = readBatch(input);
  const m = offsets.length - 1;
  if (workers !== undefined) {
    return runBatchWorkers(yi, vi, offsets, settings, workers).then((r) => batchResult(r.columns, r.warnings, settings, m));
  }
  const columns = batchColumns(m);
  const warnings: (readonly string[])[] = new Array<readonly string[]>(m);
  fitBatchRange(yi, vi, offsets, 0, m, columns, 0, warnings, settings);
  return batchResult(columns, warnings, settings, m);
}

function batchResult(columns: BatchColumns, warnings: (readonly string[])[], settings: BatchSettings, m: number): MetaAnalysisBatchResult {
  const result = {
    m, method: settings.method, test: settings.test, level: settings.level, ...columns,
    // most analyses share one frozen empty array; the others are frozen in place
    warnings: Object.freeze(freezeEach(warnings)),
  };
  Object.defineProperty(result, 'toJSON', {
    enumerable: false,
    value: () => {
      const plain: Record<string, unknown> = { m, method: settings.method, test: settings.test, level: settings.level };
      for (const name of BATCH_COLUMNS) plain[name] = Array.from(columns[name]);
      plain.warnings = warnings;
      return plain;
    },
  });
  return Object.freeze(result);
}

function freezeEach(warnings: (readonly string[])[]): (readonly string[])[] {
  for (const w of warnings) if (w.length > 0) Object.freeze(w);
  return warnings;
}

/** Validates the packed input and returns it as Float64Arrays (views of the caller's when they are). */
function readBatch(input: BatchInput): { yi: Float64Array; vi: Float64Array; offsets: Float64Array } {
  if (input === null || typeof input !== 'object') throw new InputError('expected { yi, vi, offsets }', { field: 'input', value: input });
  const yi = packed(input.yi, 'yi');
  const vi = packed(input.vi, 'vi');
  if (yi.length !== vi.length) throw new InputError(`length mismatch: yi has ${yi.length} values but vi has ${vi.length}`, { field: 'vi' });
  const raw = input.offsets;
  if (raw === null || typeof raw !== 'object' || typeof raw.length !== 'number' || raw.length < 1) {
    throw new InputError('must be an array of m + 1 row indices from 0 to the number of rows', { field: 'offsets', value: raw });
  }
  const offsets = Float64Array.from(ArrayBuffer.isView(raw) ? (raw as ArrayLike<number>) : denseArray<number>(raw, 'offsets'));
  for (let j = 0; j < offsets.length; j++) {
    const o = offsets[j]!;
    const previous = j === 0 ? 0 : offsets[j - 1]!;
    if (!Number.isInteger(o) || o < previous || (j === 0 && o !== 0)) {
      throw new InputError(`must be integers rising from 0 (offsets[${j}] = ${String(raw[j])})`, { field: 'offsets', row: j + 1, value: raw[j] });
    }
  }
  if (offsets[offsets.length - 1] !== yi.length) {
    throw new InputError(`the last offset must equal the number of rows (${yi.length})`, { field: 'offsets', value: offsets[offsets.length - 1] });
  }
  for (let i = 0; i < yi.length; i++) {
    const v = vi[i]!;
    if (v < 0) throw new InputError('sampling variance must not be negative', { field: 'vi', row: i + 1, value: v });
    if (yi[i] === Infinity || yi[i] === -Infinity) throw new InputError('must be finite', { field: 'yi', row: i + 1 });
    if (v === Infinity) throw new InputError('must be finite', { field: 'vi', row: i + 1 });
  }
  return { yi, vi, offsets };
}

function packed(values: unknown, field: 'yi' | 'vi'): Float64Array {
  if (values instanceof Float64Array) return values;
  if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<unknown>).length !== 'number') {
    throw new InputError('must be an array of numbers', { field, value: values });
  }
  // a typed array is dense; any other array-like is checked first (holes, a length that lies)
  const a = ArrayBuffer.isView(values) ? (values as unknown as ArrayLike<unknown>) : denseArray<unknown>(values, field);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === null || x === undefined) out[i] = NaN;
    else if (typeof x === 'number') out[i] = x;
    else throw new InputError('must be a number', { field, row: i + 1, value: x });
  }
  return out;
}
