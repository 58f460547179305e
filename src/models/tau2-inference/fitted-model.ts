import { InputError } from '../../errors.ts';
import { assertOneOf } from '../../errors.ts';
import { TAU2_METHODS, TEST_TYPES, type Tau2Method, type TestType } from '../../types.ts';
import { designModel } from '../engine/design-model.ts';
import { interceptModel } from '../engine/intercept-model.ts';
import { scaleData } from '../engine/scaled-data.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';
import { interceptDesign, scaledDesign, type RegressionDesign } from '../regression/design-matrix.ts';

/** The studies, design and settings of a fitted `metaAnalysis` or `metaRegression` result. */
export interface FittedModel {
  readonly k: number;
  readonly p: number;
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  /** Moderator names and columns (empty for `metaAnalysis`). */
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
  /** τ̂² and its SE as the fit reports them (user's units). */
  readonly tau2: number;
  readonly tau2Se: number | null;
  /** τ² was fixed by the user, not estimated. */
  readonly tau2Fixed: boolean;
  readonly design: RegressionDesign;
  /** The weighted model on data scaled by `scaleData` (exact). */
  readonly model: WeightedModel;
}

/**
 * Reads a `metaAnalysis` or `metaRegression` result back into a weighted model (the same scaled
 * data and design the fit used), for the τ² intervals and permutation tests that refit it.
 *
 * @throws InputError naming `fit` or `fit.<field>` when it is not such a result.
 * @example
 * fittedModel(metaAnalysis({ yi: [0, 1, 3], vi: [1, 1, 1] }), 'tau2Interval').p // => 1
 */
export function fittedModel(fit: unknown, caller: string): FittedModel {
  if (fit === null || typeof fit !== 'object' || Array.isArray(fit)) {
    throw new InputError(`${caller} needs a fitted model (the result of metaAnalysis or metaRegression)`, { field: 'fit' });
  }
  const f = fit as Record<string, unknown>;
  const yi = numbers(f.yi, 'fit.yi');
  const vi = numbers(f.vi, 'fit.vi');
  const k = yi.length;
  if (vi.length !== k) throw new InputError(`length mismatch: vi has ${vi.length} values but yi has ${k}`, { field: 'fit.vi' });
  if (f.method === 'GENQ') {
    throw new InputError(`${caller} does not support a fit with method GENQ (its tau² depends on the user's weights)`, { field: 'fit.method', value: 'GENQ', code: 'E_UNSUPPORTED' });
  }
  assertOneOf(f.method, TAU2_METHODS, 'fit.method');
  assertOneOf(f.test, TEST_TYPES, 'fit.test');
  const level = f.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new InputError('must be a proportion strictly between 0 and 1', { field: 'fit.level', value: level });
  const tau2 = f.tau2;
  if (typeof tau2 !== 'number' || !(tau2 >= 0)) throw new InputError('must be a number ≥ 0', { field: 'fit.tau2', value: tau2 });
  const mods = 'coefficients' in f ? f.moderators : {};
  if (mods === null || typeof mods !== 'object') throw new InputError('must be the moderator columns of the fit', { field: 'fit.moderators' });
  const names = Object.keys(mods);
  const columns = names.map((n) => {
    const col = numbers((mods as Record<string, unknown>)[n], `fit.moderators.${n}`);
    if (col.length !== k) throw new InputError(`must have ${k} values`, { field: `fit.moderators.${n}` });
    return col;
  });
  const design = names.length === 0 ? interceptDesign(k) : scaledDesign(columns, names, k);
  const data = scaleData(yi, vi, true);
  const model = names.length === 0 ? interceptModel(data.y, data.v, data.unit) : designModel(design, data.y, data.v, data.unit);
  const tau2Se = typeof f.tau2Se === 'number' ? f.tau2Se : null;
  return { k, p: design.p, yi, vi, names, columns, method: f.method, test: f.test, level, tau2, tau2Se, tau2Fixed: f.tau2Fixed === true, design, model };
}

function numbers(value: unknown, field: string): Float64Array {
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<unknown>).length !== 'number') {
    throw new InputError('must be an array of numbers (the fit lists its studies)', { field });
  }
  const a = value as ArrayLike<unknown>;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError('must be a finite number', { field, row: i + 1, value: x });
    out[i] = x;
  }
  return out;
}
