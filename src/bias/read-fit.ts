import { assertLevel, assertOneOf, InputError } from '../errors.ts';
import { TAU2_METHODS, TEST_TYPES, type MetaAnalysisResult, type Tau2Method, type TestType } from '../types.ts';

/** The parts of a `metaAnalysis` result that the bias tests use, validated. */
export interface FitStudies {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly labels: readonly string[];
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
}

/** The fields of a `MetaAnalysisResult` the bias functions read. */
export type FitLike = Pick<MetaAnalysisResult, 'yi' | 'vi' | 'method' | 'test' | 'level'> & {
  readonly labels?: readonly string[];
};

/**
 * Reads and validates the studies and settings of a fitted model (the result of
 * `metaAnalysis`): finite yi, finite non-negative vi of equal length, a known method and
 * test, a level in (0, 1). With `positiveVi`, every vᵢ must be > 0.
 *
 * @param fit  the model to read
 * @param caller  the public function's name, for the error messages
 * @throws InputError naming the field (and study) that is missing or invalid.
 * @example
 * readFit(metaAnalysis({ yi: [1, 2], vi: [1, 1] }), 'eggerTest').yi // => Float64Array [1, 2]
 */
export function readFit(fit: unknown, caller: string, positiveVi = false): FitStudies {
  if (fit === null || typeof fit !== 'object') {
    throw new InputError(`${caller} needs a fitted model (the result of metaAnalysis)`, { field: 'fit', value: fit });
  }
  const f = fit as Partial<Record<keyof FitLike, unknown>>;
  const yi = numbers(f.yi, 'yi', caller);
  const vi = numbers(f.vi, 'vi', caller);
  if (yi.length !== vi.length) {
    throw new InputError(`length mismatch: yi has ${yi.length} values but vi has ${vi.length}`, { field: 'vi' });
  }
  const given = readLabels(f.labels, yi.length);
  const labels = given ?? Array.from({ length: yi.length }, (_, i) => `row ${i + 1}`);
  for (let i = 0; i < yi.length; i++) {
    const study = given?.[i];
    if (!Number.isFinite(yi[i])) throw new InputError('must be a finite number', { field: 'yi', row: i + 1, study, value: yi[i] });
    const v = vi[i]!;
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError('must be a finite, non-negative sampling variance', { field: 'vi', row: i + 1, study, value: v });
    }
    if (positiveVi && !(v > 0)) {
      throw new InputError(`${caller} needs every sampling variance > 0 (its weights are 1/vi)`, { field: 'vi', row: i + 1, study, value: v });
    }
  }
  const method = f.method;
  const test = f.test;
  const level = f.level;
  assertOneOf(method, TAU2_METHODS, 'method');
  assertOneOf(test, TEST_TYPES, 'test');
  assertLevel(level);
  return { yi, vi, labels, method, test, level };
}

function numbers(value: unknown, field: string, caller: string): Float64Array {
  if (value === undefined || value === null || typeof value !== 'object' || typeof (value as ArrayLike<unknown>).length !== 'number') {
    throw new InputError(`${caller} needs the fit's studies: an array of numbers (pass the result of metaAnalysis)`, { field, value });
  }
  const arr = value as ArrayLike<unknown>;
  const out = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    if (typeof x !== 'number') throw new InputError('must be a number', { field, row: i + 1, value: x });
    out[i] = x;
  }
  return out;
}

function readLabels(value: unknown, k: number): string[] | undefined {
  if (Array.isArray(value) && value.length === k && value.every((s) => typeof s === 'string')) return value as string[];
  return undefined;
}
