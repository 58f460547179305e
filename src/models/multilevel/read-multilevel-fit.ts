import { InputError } from '../../errors.ts';
import type { MultilevelResult } from './multilevel.ts';

/** The parts of a `multilevel` result that `robust` recomputes from. */
export interface MultilevelFitParts {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly outer: readonly string[];
  readonly inner: readonly string[];
  readonly sigma2: readonly [number, number];
  readonly kAll: number;
  readonly rows: readonly number[];
  readonly level: number;
}

/**
 * Checks that `fit` is a `multilevel` result (possibly after a JSON round trip) and extracts
 * what the sandwich estimators need.
 *
 * @throws InputError (field `fit`) when a field is missing or malformed.
 * @example
 * const fit = multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] },
 *   { outer: ['a', 'a', 'b', 'b', 'c', 'c'], inner: ['1', '2', '1', '2', '1', '2'] });
 * readMultilevelFit(JSON.parse(JSON.stringify(fit))).sigma2 // => [0.3133333, 0.0100000] (σ²_outer, σ²_inner)
 */
export function readMultilevelFit(fit: MultilevelResult): MultilevelFitParts {
  if (fit === null || typeof fit !== 'object') {
    throw new InputError('expected the result of multilevel()', { field: 'fit', value: fit });
  }
  const k = numbers(fit.yi, 'yi').length;
  const yi = Float64Array.from(numbers(fit.yi, 'yi'));
  const vi = Float64Array.from(numbers(fit.vi, 'vi'));
  const outer = strings(fit.outer, 'outer');
  const inner = strings(fit.inner, 'inner');
  const rows = numbers(fit.rows, 'rows');
  if (vi.length !== k || outer.length !== k || inner.length !== k || rows.length !== k) {
    throw new InputError('fit.yi, vi, outer, inner and rows must have the same length; pass the result of multilevel()', { field: 'fit', code: 'E_INVALID_RESULT' });
  }
  if (vi.some((v) => !(v > 0))) throw new InputError('fit.vi must be positive; pass the result of multilevel()', { field: 'fit', code: 'E_INVALID_RESULT' });
  const sigma2 = numbers(fit.sigma2, 'sigma2');
  if (sigma2.length !== 2 || !sigma2.every((s) => s >= 0)) {
    throw new InputError('fit.sigma2 must be [σ²_outer, σ²_inner] ≥ 0; pass the result of multilevel()', { field: 'fit', code: 'E_INVALID_RESULT' });
  }
  const kAll = fit.kAll;
  if (typeof kAll !== 'number' || !Number.isInteger(kAll) || kAll < k) {
    throw new InputError('fit.kAll must be the number of input rows; pass the result of multilevel()', { field: 'fit', code: 'E_INVALID_RESULT' });
  }
  if (rows.some((r, i) => !Number.isInteger(r) || r < 1 || r > kAll || (i > 0 && r <= rows[i - 1]!))) {
    throw new InputError('fit.rows must be increasing input row numbers 1 … kAll; pass the result of multilevel()', { field: 'fit', code: 'E_INVALID_RESULT' });
  }
  const level = fit.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new InputError('fit.level must be a proportion; pass the result of multilevel()', { field: 'fit', code: 'E_INVALID_RESULT' });
  }
  return { yi, vi, outer, inner, sigma2: [sigma2[0]!, sigma2[1]!], kAll, rows, level };
}

function numbers(x: unknown, name: string): number[] {
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new InputError(`fit.${name} must be an array of finite numbers; pass the result of multilevel()`, { field: 'fit', code: 'E_INVALID_RESULT' });
  }
  return x as number[];
}

function strings(x: unknown, name: string): string[] {
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'string')) {
    throw new InputError(`fit.${name} must be an array of labels; pass the result of multilevel()`, { field: 'fit', code: 'E_INVALID_RESULT' });
  }
  return x as string[];
}
