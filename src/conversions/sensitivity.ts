import { InputError, numberCode } from '../errors.ts';

/** Input of {@link sensitivity}. */
export interface SensitivityInput<R> {
  /** Name of the assumed quantity, e.g. `'sd'` or `'correlation'`. */
  readonly parameter: string;
  /** The values to try, in the order the table should show them. */
  readonly values: readonly number[];
  /** The analysis to re-run; receives one value at a time. */
  readonly analyse: (value: number) => R;
}

/** One row of a sensitivity table. */
export interface SensitivityRow<R> {
  readonly value: number;
  readonly result: R;
}

/** Result of {@link sensitivity}: the analysis's result for each assumed value. */
export interface SensitivityResult<R> {
  readonly parameter: string;
  readonly rows: readonly SensitivityRow<R>[];
}

/**
 * Sensitivity analysis over an assumption: re-runs `analyse` for each of `values` (an assumed
 * SD, an imputed correlation, ...) and tabulates the results, so a report can show how a
 * conclusion moves with what was assumed (Cochrane Handbook, section 10.14). Generic: the
 * analysis can be anything, e.g. `(sd) => metaAnalysis(effectSizes('MD', imputeSd(rows,
 * { method: 'assumed', value: sd }).rows))`. The table and its rows are frozen; each `result`
 * is stored as returned.
 *
 * @throws InputError for an empty parameter name, an empty or non-finite `values`, a
 *   non-function `analyse`, or when `analyse` throws (the message names the parameter and the
 *   value; the original error is its `cause`).
 * @example
 * sensitivity({ parameter: 'sd', values: [1, 2], analyse: (sd) => sd * sd })
 * // => { parameter: 'sd', rows: [{ value: 1, result: 1 }, { value: 2, result: 4 }] }
 */
export function sensitivity<R>(input: SensitivityInput<R>): SensitivityResult<R> {
  if (typeof input !== 'object' || input === null) {
    throw new InputError('must be an object { parameter, values, analyse }', { field: 'sensitivity input', value: input, code: 'E_INVALID_TYPE' });
  }
  const { parameter, values, analyse } = input;
  if (typeof parameter !== 'string' || parameter === '') {
    throw new InputError('must be a non-empty string', { field: 'parameter', value: parameter, code: 'E_INVALID_TYPE' });
  }
  if (!Array.isArray(values) || values.length === 0) {
    throw new InputError('must be a non-empty array of numbers', { field: 'values', value: values, code: 'E_INVALID_TYPE' });
  }
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InputError(`must be finite numbers (entry ${i + 1})`, { field: 'values', value: v, code: numberCode(v) });
    }
  });
  if (typeof analyse !== 'function') {
    throw new InputError('must be a function (value) => result', { field: 'analyse', code: 'E_INVALID_TYPE' });
  }
  const rows = values.map((value) => {
    let result: R;
    try {
      result = analyse(value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw Object.assign(new InputError(`the analysis failed at ${parameter} = ${value}: ${reason}`, { field: 'analyse', code: 'E_NOT_ESTIMABLE' }), {
        cause: error,
      });
    }
    return Object.freeze({ value, result });
  });
  return Object.freeze({ parameter, rows: Object.freeze(rows) });
}
