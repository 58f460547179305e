import { InputError, assertOneOf, numberCode } from '../errors.ts';
import { ROLES } from '../types.ts';
import type { Measure, Provenance, Role } from '../types.ts';
import { resolvePairing } from './arms.ts';
import type { ResolvedPairing } from './arms.ts';
import { checkOptionsByKey, optionKeys } from '../check-options.ts';
import { denseArray } from '../dense-array.ts';

/**
 * Kinds of sampling variance, with metafor's `vtype` codes. Which ones a measure accepts (the
 * first is its default, always `LS`):
 * MD `LS|UB|HO`; SMD `LS|UB|LS2|AV|H0`; SMD1 `LS|LS2|UB|AV|H0`; SMDH `LS|LS2|LS3`; ROM
 * `LS|LS2|HO|AV|AVHO`; RD and PR `LS|UB|AV`; COR `LS|AV|H0|H0a|H0b`; UCOR `LS|UB|AV`; PLN, PLO,
 * PCOR, SPCOR, ZSPCOR `LS|AV`; R2 `LS|LS2|AV|AV2`; RPB, ZPB `LS|ST|CS`; AUC, CLES
 * `LS|LS2|H0|MAX`; AUCN `LS|LS2|LS3|HO|H0` (CLESN the same); SMCC, SMCR `LS|LS2|UB|H0`; SMCRH,
 * SMCRPH, VR, CVR, ROMC, VRC, CVRC `LS|LS2`; every other measure `LS` only. With
 * `metaforVersion: '3.8'`, the codes metafor 3.8-1 lacks throw (e.g. SMDH `LS2`, `LS3`). PHI and
 * ZPHI take `LS|ST|CS` (`LS` = `CS` as in metafor); OR2D, OR2DN, OR2DL and MPORM take
 * `LS|AV|H0`, the log odds ratio's; OR, RR and RD also take `H0` (the pooled proportion).
 * - `LS`: large-sample approximation; `UB`: unbiased estimate; `HO`: assumes equal variances
 *   in the two groups; `LS2`: an alternative large-sample form (SMD, SMCC, SMCR: Borenstein
 *   (2009) eq. 12.17; SMDH: n in place of n − 1; ROM: the second-order expansion of Lajeunesse
 *   (2015) eq. 9; VR, CVR, ROMC, VRC, CVRC: Senior et al. (2020)); `LS3`: SMDH by the delta
 *   method; `AV`/`AVHO`/`AV2`: plugs in the sample-size weighted average over all rows; `H0`
 *   (`H0a`, `H0b`): under the null hypothesis of no effect; `ST`/`CS`: stratified (group sizes
 *   fixed) or cross-sectional sampling; `MAX`: the upper bound of Bamber (1975).
 */
export type VarianceType = 'LS' | 'UB' | 'LS2' | 'LS3' | 'HO' | 'AV' | 'AVHO'
  | 'AV2' | 'ST' | 'CS' | 'H0' | 'H0a' | 'H0b' | 'MAX';
export const VARIANCE_TYPES: readonly VarianceType[] = ['LS', 'UB', 'LS2', 'LS3', 'HO', 'AV', 'AVHO',
  'AV2', 'ST', 'CS', 'H0', 'H0a', 'H0b', 'MAX'];

/**
 * Which metafor's `escalc` formulas to follow. `5.1` (the default) is metafor 5.1-12; `3.8` is
 * metafor 3.8-1 (Debian's `r-cran-metafor`), which differs in two places: ROM without the bias
 * correction (metafor 5.0 made it the default), and the variances of SMDH and SMCRH multiplied
 * by J² and SMD1H's with n1, n2 in place of n1 − 1, n2 − 1 (metafor 4.6 changed them). Every
 * other measure is the same in both.
 */
export type MetaforVersion = '5.1' | '3.8';
export const METAFOR_VERSIONS: readonly MetaforVersion[] = ['5.1', '3.8'];

/**
 * When `add` goes into the cells of a 2x2 table (or into `xi` and `mi` of a proportion, the event
 * counts x1i and x2i, or xi, of person-time data), metafor's `to`: `only0` tables with a zero
 * cell (default), `all` every table, `if0all` every table as soon as one has a zero cell, `none`
 * never.
 */
export type ZeroCellRule = 'all' | 'only0' | 'if0all' | 'none';
export const ZERO_CELL_RULES: readonly ZeroCellRule[] = ['all', 'only0', 'if0all', 'none'];

/**
 * How long (arm-level) rows pair into two-group comparisons. Each value is a key of the arm
 * rows except `treatment` and `control`, which are values of the `arm` key.
 */
export interface ArmPairing {
  /** Value of the arm key that marks the treatment arm (group 1). */
  readonly treatment: string;
  /** Value of the arm key that marks the control arm (group 2). */
  readonly control: string;
  /** Key of the study id; default `study`. */
  readonly study?: string;
  /** Key of the arm name; default `arm`. */
  readonly arm?: string;
  /** Key of the outcome; default `outcome` (ignored when no row has it). */
  readonly outcome?: string;
  /** Key of the time point; default `timepoint` (ignored when no row has it). */
  readonly timepoint?: string;
}

/** Options of {@link effectSizes}; metafor's `escalc` arguments where they exist there. */
export interface EffectSizesOptions {
  /** Role -> key in each row; a role left out is looked up under its own name. */
  readonly columns?: Partial<Record<Role, string>>;
  /** Key of the study label; default `study`, else the label is `row N`. */
  readonly label?: string;
  /** Kind of sampling variance (metafor's `vtype`); default `LS`. */
  readonly vtype?: VarianceType;
  /**
   * Apply the bias correction, as metafor's `correct`; default `true` (but `false` for ROM under
   * `metaforVersion: '3.8'`). For SMD, SMDH, SMD1H, SMCC, SMCR and SMCRH it is Hedges' J (`false` gives
   * Cohen's d type values, J = 1 in every formula); for ROM it is the second-order correction of
   * Lajeunesse (2015), applied by default since metafor 5.0 (`false` gives ln(m1/m2)).
   * metafor 3.8-1 has no such argument.
   */
  readonly correct?: boolean;
  /**
   * Follow the formulas of metafor 5.1-12 (`'5.1'`, the default) or of metafor 3.8-1 (`'3.8'`):
   * see {@link MetaforVersion}.
   */
  readonly metaforVersion?: MetaforVersion;
  /**
   * Amount added to zero cells or zero event counts (metafor's `add`); default 1/2, but 0 for AS,
   * PHI, ZPHI, RTET, ZTET, IRSD, PAS, PFT, IRS and IRFT.
   */
  readonly add?: number;
  /** When `add` is added (metafor's `to`); default `only0`. */
  readonly to?: ZeroCellRule;
  /**
   * Set 2x2 tables with no events (or only events) in both groups, and two-group person-time rows
   * with no events in either group, to NaN; default `false`.
   */
  readonly drop00?: boolean;
  /** Provenance of each row's variance, index-aligned with `rows`; default `reported`. */
  readonly provenance?: readonly (Provenance | undefined)[];
  /** Rows are arms (long format); pair them into comparisons. See {@link effectSizes}. */
  readonly arms?: ArmPairing;
}

/** Options after validation and defaults: what the kernels see. */
export interface ResolvedOptions {
  readonly columns: Readonly<Record<Role, string>>;
  /** The roles the user mapped explicitly. */
  readonly columnsGiven: ReadonlySet<Role>;
  readonly label: string;
  readonly labelGiven: boolean;
  readonly vtype: VarianceType;
  readonly correct: boolean;
  readonly metaforVersion: MetaforVersion;
  readonly add: number;
  readonly to: ZeroCellRule;
  readonly drop00: boolean;
  readonly provenance: readonly (Provenance | undefined)[] | undefined;
  readonly arms: ResolvedPairing | undefined;
}

/** The valid keys of {@link EffectSizesOptions}. */
export const EFFECT_SIZES_OPTION_KEYS = optionKeys<EffectSizesOptions>()('columns', 'label', 'vtype', 'correct', 'metaforVersion', 'add', 'to', 'drop00', 'provenance', 'arms');
const OPTION_KEYS = EFFECT_SIZES_OPTION_KEYS;
/** `vtype` codes a measure gained after metafor 3.8-1. */
const NEW_SINCE_38: Partial<Record<Measure, readonly VarianceType[]>> = { SMDH: ['LS2', 'LS3'], SMCRH: ['LS2'], ROM: ['LS2'],
  VR: ['LS2'], VRC: ['LS2'], SMD1: ['H0'], SMD: ['H0'], SMCC: ['UB', 'H0'], SMCR: ['UB', 'H0'], COR: ['H0', 'H0a', 'H0b'] };
/** Measures that metafor 3.8-1 lacks, or computes differently from 5.1 (checked on the fixtures). */
const NOT_AS_IN_38: ReadonlySet<Measure> = new Set<Measure>(['AUC', 'CLES', 'AUCN', 'CLESN', 'AUCCN', 'CLESCN', 'R2', 'ZR2',
  'SMCRP', 'SMCRPH', 'ZPB', 'ZBIS', 'PCOR', 'ZPCOR', 'SPCOR', 'ZSPCOR', 'CVR', 'CVRC', 'ROMC', 'PRZ', 'R2F', 'ZR2F', 'MPORM']);
/** Measures for which metafor sets `add = 0` unless the user gives it. */
const ADD_ZERO_BY_DEFAULT: ReadonlySet<Measure> = new Set<Measure>(['AS', 'PAS', 'PFT',
  'PHI', 'ZPHI', 'RTET', 'ZTET', 'IRSD', 'IRS', 'IRFT']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new InputError('must be a non-empty string', { field, value, code: 'E_INVALID_TYPE' });
  }
  return value;
}

/**
 * Validates `options` against `measure` and fills in metafor's defaults.
 * @throws InputError for an unknown option, a bad value, or a `vtype` the measure lacks.
 */
export function resolveOptions(
  measure: Measure,
  options: unknown,
  k: number,
  vtypes: readonly VarianceType[],
): ResolvedOptions {
  const o = checkOptionsByKey<EffectSizesOptions>(options, OPTION_KEYS) as EffectSizesOptions & Record<string, unknown>;

  const columns = {} as Record<Role, string>;
  const columnsGiven = new Set<Role>();
  for (const role of ROLES) columns[role] = role;
  if (o.columns !== undefined && o.columns !== null) {
    if (!isRecord(o.columns)) throw new InputError('must be an object mapping roles to keys', { field: 'columns', value: o.columns, code: 'E_INVALID_TYPE' });
    for (const [role, key] of Object.entries(o.columns)) {
      if (key === undefined) continue;
      assertOneOf(role, ROLES, 'columns role');
      columns[role] = checkString(key, `columns.${role}`);
      columnsGiven.add(role);
    }
  }

  const labelGiven = o.label !== undefined;
  const label = labelGiven ? checkString(o.label, 'label') : 'study';

  let vtype: VarianceType = 'LS';
  if (o.vtype !== undefined) {
    assertOneOf(o.vtype, VARIANCE_TYPES, 'vtype');
    if (!vtypes.includes(o.vtype)) {
      throw new InputError(`is not available for measure ${measure}; valid choices are ${vtypes.join(', ')}`, { field: 'vtype',
        value: o.vtype, code: 'E_INVALID_CHOICE' });
    }
    vtype = o.vtype;
  }

  let metaforVersion: MetaforVersion = '5.1';
  if (o.metaforVersion !== undefined) {
    assertOneOf(o.metaforVersion, METAFOR_VERSIONS, 'metaforVersion');
    metaforVersion = o.metaforVersion;
  }
  if (metaforVersion === '3.8' && NOT_AS_IN_38.has(measure)) {
    throw new InputError(`measure ${measure} follows metafor 5.1 only (metafor 3.8-1 lacks it or computes it differently)`, { field: 'metaforVersion', value: '3.8', code: 'E_INVALID_CHOICE' });
  }
  if (metaforVersion === '3.8' && NEW_SINCE_38[measure]?.includes(vtype)) {
    throw new InputError(`${vtype} for ${measure} is newer than metafor 3.8-1 (metaforVersion '3.8')`, { field: 'vtype', value: vtype, code: 'E_INVALID_CHOICE' });
  }

  // metafor 3.8-1 has no ROM bias correction
  let correct = !(metaforVersion === '3.8' && measure === 'ROM');
  if (o.correct !== undefined) {
    if (typeof o.correct !== 'boolean') throw new InputError('must be true or false', { field: 'correct', value: o.correct, code: 'E_INVALID_TYPE' });
    correct = o.correct;
  }

  let add = ADD_ZERO_BY_DEFAULT.has(measure) ? 0 : 0.5;
  if (o.add !== undefined) {
    if (typeof o.add !== 'number' || !Number.isFinite(o.add) || o.add < 0) {
      throw new InputError('must be a non-negative finite number', { field: 'add', value: o.add, code: numberCode(o.add) });
    }
    add = o.add;
  }

  let to: ZeroCellRule = 'only0';
  if (o.to !== undefined) {
    assertOneOf(o.to, ZERO_CELL_RULES, 'to');
    to = o.to;
  }

  let drop00 = false;
  if (o.drop00 !== undefined) {
    if (typeof o.drop00 !== 'boolean') throw new InputError('must be true or false', { field: 'drop00', value: o.drop00, code: 'E_INVALID_TYPE' });
    drop00 = o.drop00;
  }

  let provenance: readonly (Provenance | undefined)[] | undefined;
  if (o.provenance !== undefined) {
    if (!Array.isArray(o.provenance)) throw new InputError('must be an array index-aligned with rows', { field: 'provenance', code: 'E_INVALID_TYPE' });
    denseArray(o.provenance, 'provenance');
    if (o.provenance.length !== k) {
      throw new InputError(`must have one entry per row (${k} rows)`, { field: 'provenance', value: o.provenance.length, code: 'E_LENGTH_MISMATCH' });
    }
    provenance = o.provenance;
  }

  const arms = o.arms === undefined ? undefined : resolvePairing(o.arms);

  return { columns, columnsGiven, label, labelGiven, vtype, correct, metaforVersion, add, to, drop00, provenance, arms };
}
