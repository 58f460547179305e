import { checkOptions, optionKeys } from '../../check-options.ts';
import { assertLevel, assertOneOf, InputError, numberCode } from '../../errors.ts';
import { selectionSpec, type SelectionSpec } from './selection-spec.ts';
import {
  SELECTION_ALTERNATIVES, SELECTION_PRECISIONS, SELECTION_TYPES,
  type SelectionAlternative, type SelectionPrecision, type SelectionType,
} from './selection-types.ts';

/** Options of `selectionModel` (metafor's `selmodel` arguments). */
export interface SelectionModelOptions {
  /** The selection function (required): `'stepfun'`, `'beta'`, `'halfnorm'`, `'negexp'`, `'logistic'` or `'power'`. */
  readonly type: SelectionType;
  /**
   * `stepfun`: the cut points of the p-value scale, increasing in (0, 1] (1 is added when
   * missing). `beta`: the two truncation points (a₁, a₂) in [0, 1] (default [0, 1]). Other types:
   * one value α in (0, 1) below which w = 1 (default 0).
   */
  readonly steps?: readonly number[] | number;
  /** Direction of the p-values that drive selection (default `'greater'`). */
  readonly alternative?: SelectionAlternative;
  /** `halfnorm`, `negexp`, `logistic`, `power`: scale δ by a precision measure, √vᵢ or vᵢ divided by its maximum. */
  readonly prec?: SelectionPrecision;
  /** Fix δ values (`null`: estimate). For `stepfun` δ₁ is 1 unless given. */
  readonly delta?: readonly (number | null)[];
  /** Confidence level (default: the fit's). */
  readonly level?: number;
}

/** The valid keys of {@link SelectionModelOptions}. */
export const SELECTION_MODEL_OPTION_KEYS = optionKeys<SelectionModelOptions>()('type', 'steps', 'alternative', 'prec', 'delta', 'level');

/** {@link SelectionModelOptions} resolved: the selection function with any fixed δ, and the settings. */
export interface ResolvedSelectionOptions {
  readonly spec: SelectionSpec;
  readonly alternative: SelectionAlternative;
  readonly prec: SelectionPrecision | null;
  readonly level: number | null;
  /** Whether the user gave `steps` (metafor then counts studies per interval). */
  readonly stepsGiven: boolean;
}

/**
 * Validates the options of `selectionModel` and builds its selection function.
 *
 * @throws InputError naming the option: unknown key or type, `steps` not increasing or outside
 *   [0, 1] (or of the wrong length for the type), `prec` for a type without it, `delta` of the
 *   wrong length or outside the parameter space.
 * @example
 * resolveSelectionOptions({ type: 'stepfun', steps: [0.025, 0.5] }).spec.steps // => [0.025, 0.5, 1]
 * resolveSelectionOptions({ type: 'stepfun', steps: [0.5, 0.025] }) // => throws InputError 'steps: must be strictly increasing…'
 */
export function resolveSelectionOptions(options: unknown): ResolvedSelectionOptions {
  if (options === undefined) throw new InputError("needs the selection function: { type: 'stepfun' | 'beta' | 'halfnorm' | 'negexp' | 'logistic' | 'power' }", { field: 'type', code: 'E_MISSING_VALUE' });
  const o = checkOptions<SelectionModelOptions>(options, SELECTION_MODEL_OPTION_KEYS);
  assertOneOf(o.type, SELECTION_TYPES, 'type');
  const type = o.type;
  const alternative = o.alternative ?? 'greater';
  assertOneOf(alternative, SELECTION_ALTERNATIVES, 'alternative');
  if (o.prec !== undefined) {
    assertOneOf(o.prec, SELECTION_PRECISIONS, 'prec');
    if (type === 'stepfun' || type === 'beta') throw new InputError(`is not available for type '${type}' (only halfnorm, negexp, logistic and power)`, { field: 'prec', value: o.prec });
  }
  if (o.level !== undefined) assertLevel(o.level);
  const steps = resolveSteps(type, o.steps);
  const spec = withFixedDeltas(selectionSpec(type, steps), o.delta);
  return { spec, alternative, prec: o.prec ?? null, level: o.level ?? null, stepsGiven: o.steps !== undefined };
}

function resolveSteps(type: SelectionType, value: unknown): number[] {
  if (value === undefined) {
    if (type === 'stepfun') throw new InputError("is required for type 'stepfun' (the cut points of the p-values, e.g. [0.025, 0.5, 1])", { field: 'steps', code: 'E_MISSING_VALUE' });
    return [0, 1];
  }
  const raw = typeof value === 'number' ? [value] : value;
  if (!Array.isArray(raw) || raw.length === 0) throw new InputError('must be a number or a non-empty array of numbers', { field: 'steps', value, code: 'E_INVALID_TYPE' });
  raw.forEach((s: unknown, j) => {
    if (typeof s !== 'number' || !Number.isFinite(s)) throw new InputError('must be a finite number', { field: `steps[${j}]`, value: s, code: numberCode(s) });
    if (s < 0 || s > 1) throw new InputError('must lie between 0 and 1', { field: `steps[${j}]`, value: s, code: 'E_OUT_OF_RANGE' });
  });
  const s = raw as number[];
  for (let j = 1; j < s.length; j++) {
    if (!(s[j]! > s[j - 1]!)) throw new InputError('must be strictly increasing', { field: 'steps', value: s, code: 'E_INVALID_INPUT' });
  }
  if (type === 'beta') {
    if (s.length !== 2) throw new InputError("must be two truncation points [a1, a2] for type 'beta'", { field: 'steps', value: s });
    return s;
  }
  if (s[0] === 0) throw new InputError('the lowest step must be > 0', { field: 'steps[0]', value: 0, code: 'E_OUT_OF_RANGE' });
  const full = s[s.length - 1] === 1 ? s : [...s, 1];
  if (type !== 'stepfun' && full.length !== 2) throw new InputError(`takes a single value (α) for type '${type}'`, { field: 'steps', value: s });
  return full;
}

function withFixedDeltas(spec: SelectionSpec, delta: unknown): SelectionSpec {
  if (delta === undefined) return spec;
  const n = spec.start.length;
  if (!Array.isArray(delta) || delta.length !== n) {
    throw new InputError(`must be an array of ${n} value(s) (null to estimate) for this selection function`, { field: 'delta', value: delta, code: Array.isArray(delta) ? 'E_LENGTH_MISMATCH' : 'E_INVALID_TYPE' });
  }
  const fixed = spec.fixed.map((f, j) => {
    const d: unknown = delta[j];
    if (d === null || d === undefined) return f;
    if (typeof d !== 'number' || !Number.isFinite(d)) throw new InputError('must be a finite number or null', { field: `delta[${j}]`, value: d, code: numberCode(d) });
    const low = spec.lower[j]!;
    if (spec.lowerExcluded[j] ? !(d > low) : !(d >= low)) throw new InputError(`must be ${spec.lowerExcluded[j] ? '>' : '>='} ${low} for this selection function`, { field: `delta[${j}]`, value: d, code: 'E_OUT_OF_RANGE' });
    return d;
  });
  return { ...spec, fixed };
}
