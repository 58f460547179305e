import { InputError, assertLevel, assertOneOf } from '../../errors.ts';
import { checkOptions, isPlainObject, optionKeys } from '../../check-options.ts';
import { GLMM_MEASURES } from './read-glmm-rows.ts';
import type { GlmmMeasure, GlmmRole } from './read-glmm-rows.ts';

/** Models of {@link glmm} for two-group measures (metafor's `model`). */
export const GLMM_MODELS = Object.freeze(['UM.FS', 'UM.RS', 'CM.EL', 'CM.AL'] as const);
export type GlmmModel = (typeof GLMM_MODELS)[number];

/** Options of `glmm`, metafor's `rma.glmm` arguments where they exist there. */
export interface GlmmOptions {
  /** `PLO` (binomial-normal, xi of ni), `IRLN` (Poisson-normal, xi in ti), `OR` (2x2 tables) or `IRR` (x1i, t1i, x2i, t2i). */
  readonly measure: GlmmMeasure;
  /** OR and IRR only: `UM.FS` (default), `UM.RS`, `CM.EL`, and for OR `CM.AL`. */
  readonly model?: GlmmModel;
  /** `ML` (random effects, default) or `EE` (equal effects). */
  readonly method?: 'ML' | 'EE';
  /** `z` (default) or `t` (t and F tests with k − p df). */
  readonly test?: 'z' | 't';
  readonly level?: number;
  /** Quadrature points per random effect (metafor's `nAGQ`, default 7; 1 = Laplace). */
  readonly nAGQ?: number;
  /** Moderator name → one number per row. */
  readonly moderators?: Readonly<Record<string, ArrayLike<number | null | undefined>>>;
  /** Role → key in each row (default: the role name). */
  readonly columns?: Partial<Record<GlmmRole, string>>;
  /** Key of the study label (default `study`). */
  readonly label?: string;
}

/** {@link GlmmOptions} after validation and defaults. */
export interface ResolvedGlmmOptions {
  readonly measure: GlmmMeasure;
  readonly model: GlmmModel | null;
  readonly method: 'ML' | 'EE';
  readonly test: 'z' | 't';
  readonly level: number;
  readonly nAGQ: number;
  readonly moderators: Readonly<Record<string, ArrayLike<unknown>>>;
  readonly columns: Partial<Record<GlmmRole, string>>;
  readonly label: string;
}

const KEYS = optionKeys<GlmmOptions>()('measure', 'model', 'method', 'test', 'level', 'nAGQ', 'moderators', 'columns', 'label');

/** Validates the options of `glmm` and fills in metafor's defaults. */
export function resolveGlmmOptions(options: unknown): ResolvedGlmmOptions {
  const o = checkOptions<GlmmOptions>(options, KEYS);
  if (o.measure === undefined) throw new InputError(`is required: one of ${GLMM_MEASURES.join(', ')}`, { field: 'measure', code: 'E_MISSING_VALUE' });
  assertOneOf(o.measure, GLMM_MEASURES, 'measure');
  const twoGroup = o.measure === 'OR' || o.measure === 'IRR';
  if (!twoGroup && o.model !== undefined) {
    throw new InputError(`applies to the two-group measures OR and IRR only (measure ${o.measure} has one model)`, { field: 'model', value: o.model });
  }
  const model = twoGroup ? o.model ?? 'UM.FS' : null;
  if (model !== null) {
    const valid = o.measure === 'OR' ? GLMM_MODELS : GLMM_MODELS.filter((m) => m !== 'CM.AL');
    assertOneOf(model, valid, 'model');
  }
  const method = o.method ?? 'ML';
  assertOneOf(method, ['ML', 'EE'] as const, 'method');
  const test = o.test ?? 'z';
  assertOneOf(test, ['z', 't'] as const, 'test');
  const level = o.level ?? 0.95;
  assertLevel(level);
  const nAGQ = o.nAGQ ?? 7;
  if (typeof nAGQ !== 'number' || !Number.isInteger(nAGQ) || nAGQ < 1 || nAGQ > 50) {
    throw new InputError('must be an integer from 1 (Laplace) to 50', { field: 'nAGQ', value: nAGQ, code: typeof nAGQ === 'number' ? 'E_OUT_OF_RANGE' : 'E_INVALID_TYPE' });
  }
  const moderators = o.moderators ?? {};
  if (!isPlainObject(moderators)) throw new InputError('must be an object mapping each moderator name to one number per row', { field: 'moderators', value: moderators, code: 'E_INVALID_TYPE' });
  const columns = o.columns ?? {};
  if (!isPlainObject(columns)) throw new InputError('must be an object mapping roles to keys', { field: 'columns', value: columns, code: 'E_INVALID_TYPE' });
  const label = o.label ?? 'study';
  if (typeof label !== 'string') throw new InputError('must be the key of the study label', { field: 'label', value: label, code: 'E_INVALID_TYPE' });
  return { measure: o.measure, model, method, test, level, nAGQ, moderators: moderators as Record<string, ArrayLike<unknown>>, columns: columns as Partial<Record<GlmmRole, string>>, label };
}
