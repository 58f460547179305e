import { countProvenance } from '../conversions/count-provenance.ts';
import { InputError, assertOneOf } from '../errors.ts';
import { MEASURES } from '../types.ts';
import type { EffectSizes, Measure, Provenance, Role } from '../types.ts';
import { pairResolved } from './arms.ts';
import type { ResolvedPairing } from './arms.ts';
import { changeScoresFamily } from './change-scores.ts';
import { correlationsFamily } from './correlations.ts';
import type { MeasureFamily } from './family.ts';
import { genericFamily } from './generic.ts';
import { meansFamily } from './means.ts';
import { resolveOptions } from './options.ts';
import type { EffectSizesOptions, ResolvedOptions } from './options.ts';
import { proportionsFamily } from './proportions.ts';
import { REPORTED, checkProvenance, worstProvenance } from './provenance.ts';
import { singleGroupFamily } from './single-group.ts';
import { fieldName, hasKey, readTable, studyLabel } from './read-table.ts';
import type { Where } from './read-table.ts';
import { twoByTwoFamily } from './two-by-two.ts';
import { twoByTwoAssociationFamily } from './two-by-two-association.ts';
import { twoByTwoSmdFamily } from './two-by-two-smd.ts';
import { matchedPairsFamily } from './matched-pairs.ts';
import { personTimeFamily } from './person-time.ts';
import { incidenceRatesFamily } from './incidence-rates.ts';
import { variabilityFamily } from './variability.ts';
import { singleGroupVariabilityFamily } from './single-group-variability.ts';
import { pairedVariabilityFamily } from './paired-variability.ts';
import { standardizedMeanFamily } from './standardized-mean.ts';
import { dConversionsFamily } from './d-conversions.ts';
import { partialCorrelationsFamily } from './partial-correlations.ts';
import { rSquaredFamily } from './r-squared.ts';
import { aucFamily } from './auc.ts';
import { aucBinormalFamily } from './auc-binormal.ts';
import { pairedStandardizedFamily } from './paired-standardized.ts';
import { reliabilityFamily } from './reliability.ts';
import { heterozygosityFamily } from './heterozygosity.ts';
import { denseArray } from '../dense-array.ts';
import { freezeResult } from '../freeze-result.ts';
import { summariseOmissions } from '../omission-summary.ts';

const FAMILIES: readonly MeasureFamily<Measure>[] = [
  // issue #13, part A: 2x2 association, SMD from 2x2, matched pairs, person-time
  twoByTwoAssociationFamily,
  twoByTwoSmdFamily,
  matchedPairsFamily,
  personTimeFamily,
  incidenceRatesFamily,
  meansFamily,
  twoByTwoFamily,
  correlationsFamily,
  proportionsFamily,
  singleGroupFamily,
  changeScoresFamily,
  genericFamily,
  // variability, correlation-family, AUC and reliability measures
  variabilityFamily, singleGroupVariabilityFamily, pairedVariabilityFamily, standardizedMeanFamily,
  dConversionsFamily, partialCorrelationsFamily, rSquaredFamily, aucFamily, aucBinormalFamily,
  pairedStandardizedFamily, reliabilityFamily, heterozygosityFamily,
];


const FAMILY_OF = new Map<Measure, MeasureFamily<Measure>>();
for (const family of FAMILIES) for (const m of family.measures) FAMILY_OF.set(m, family);

/** The family that computes `measure` (its inputs, validation and kernels). */
export function measureFamily(measure: Measure): MeasureFamily<Measure> {
  return FAMILY_OF.get(measure)!;
}

/** Measures computed from arm-level means (long rows: mean, sd, n per arm). */
const ARM_MEANS: ReadonlySet<Measure> = new Set<Measure>(['MD', 'SMD', 'SMDH', 'SMD1H', 'ROM']);
/** Measures computed from arm-level events (long rows: events, n per arm). */
const ARM_EVENTS: ReadonlySet<Measure> = new Set<Measure>(['OR', 'RR', 'RD', 'AS', 'PETO']);
/** Default keys of the arm-level roles in long rows (the evidence-base field names). */
const ARM_DEFAULT_KEYS = { mi: 'mean', sdi: 'sd', ni: 'n', xi: 'events' } as const;
type ArmRole = keyof typeof ARM_DEFAULT_KEYS;

/** Rows ready for the table reader, with how to name and label each. */
interface Prepared {
  readonly rows: readonly object[];
  readonly keyOf: (role: Role) => string;
  readonly where: (i: number, role: Role) => Where;
  readonly labels: readonly string[];
  readonly describe: (i: number) => string;
  readonly provenance: readonly Provenance[];
  readonly warnings: readonly string[];
}

function prepareWide(rows: readonly object[], opts: ResolvedOptions): Prepared {
  if (opts.labelGiven && rows.length > 0 && !hasKey(rows, opts.label)) {
    throw new InputError(`no row has the label key "${opts.label}"`, { field: 'label', code: 'E_MISSING_COLUMN' });
  }
  const found = rows.map((row) => studyLabel((row as Record<string, unknown>)[opts.label]));
  const labels = found.map((l, i) => l ?? `row ${i + 1}`);
  const provenance = rows.map((_, i) => {
    const p = opts.provenance?.[i];
    return p === undefined ? REPORTED : checkProvenance(p, { field: 'provenance', row: i + 1 });
  });
  return {
    rows,
    keyOf: (role) => opts.columns[role],
    where: (i, role) => {
      const study = found[i];
      const field = fieldName(role, opts.columns[role]);
      return study === null || study === undefined ? { field, row: i + 1 } : { field, row: i + 1, study };
    },
    labels,
    describe: (i) => {
      const l = found[i];
      if (l === null || l === undefined) return `row ${i + 1}`;
      return `row ${i + 1} (${/^\d+$/.test(l) ? `study ${l}` : l})`;
    },
    provenance,
    warnings: [],
  };
}

function prepareLong(measure: Measure, rows: readonly object[], opts: ResolvedOptions, pairing: ResolvedPairing): Prepared {
  const events = ARM_EVENTS.has(measure);
  if (!events && !ARM_MEANS.has(measure)) {
    throw new InputError(
      `pairs arms only for the two-group measures MD, SMD, SMDH, SMD1H, ROM, OR, RR, RD, AS, PETO; measure ${measure} takes one row per study`,
      { field: 'arms', code: 'E_INVALID_CHOICE' },
    );
  }
  if (opts.labelGiven) {
    throw new InputError('does not apply to arm rows, whose labels are the study ids (set arms.study)', { field: 'label', code: 'E_INVALID_CHOICE' });
  }
  const armRoles: readonly ArmRole[] = events ? ['xi', 'ni'] : ['mi', 'sdi', 'ni'];
  for (const role of opts.columnsGiven) {
    if (!(armRoles as readonly Role[]).includes(role)) {
      throw new InputError(
        `with options.arms the rows are arms: map the arm-level roles ${armRoles.join(', ')} instead`,
        { field: `columns.${role}`, code: 'E_INVALID_CHOICE' },
      );
    }
  }
  const armKey = (role: ArmRole) => (opts.columnsGiven.has(role) ? opts.columns[role] : ARM_DEFAULT_KEYS[role]);
  for (const role of armRoles) {
    if (rows.length > 0 && !hasKey(rows, armKey(role))) {
      throw new InputError(
        `measure ${measure} on arm rows needs the key "${armKey(role)}" in the rows (map another key with options.columns.${role})`,
        { field: role, code: 'E_MISSING_COLUMN' },
      );
    }
  }
  const pairs = pairResolved(rows, pairing);
  const comparisons = pairs.comparisons;
  // Wide role -> [arm-level role, group]: group 1 is the treatment arm, group 2 the control arm.
  const map: Partial<Record<Role, readonly [ArmRole, 1 | 2]>> = events
    ? { ai: ['xi', 1], n1i: ['ni', 1], ci: ['xi', 2], n2i: ['ni', 2] }
    : { m1i: ['mi', 1], sd1i: ['sdi', 1], n1i: ['ni', 1], m2i: ['mi', 2], sd2i: ['sdi', 2], n2i: ['ni', 2] };
  const armRow = (i: number, group: 1 | 2) => (group === 1 ? comparisons[i]!.treatmentRow : comparisons[i]!.controlRow);
  const wide = comparisons.map((_, i) => {
    const out: Record<string, unknown> = {};
    for (const [role, [armRole, group]] of Object.entries(map) as [Role, readonly [ArmRole, 1 | 2]][]) {
      out[role] = (rows[armRow(i, group)] as Record<string, unknown>)[armKey(armRole)];
    }
    return out;
  });
  const armProvenance = (r: number): Provenance => {
    const given = opts.provenance?.[r];
    if (given !== undefined) return checkProvenance(given, { field: 'provenance', row: r + 1 });
    const own = (rows[r] as Record<string, unknown>)['provenance'];
    return own === undefined || own === null ? REPORTED : checkProvenance(own, { field: 'provenance', row: r + 1 });
  };
  const describe = (i: number) => {
    const c = comparisons[i]!;
    const extra = [c.outcome !== null ? `outcome "${c.outcome}"` : '', c.timepoint !== null ? `timepoint "${c.timepoint}"` : '']
      .filter(Boolean)
      .join(', ');
    return `comparison ${i + 1} (study "${c.study}"${extra ? `, ${extra}` : ''})`;
  };
  return {
    rows: wide,
    keyOf: (role) => role,
    where: (i, role) => {
      const [armRole, group] = map[role] ?? ['ni', 1];
      const r = armRow(i, group);
      const name = group === 1 ? pairing.treatment : pairing.control;
      return {
        field: `${armKey(armRole)} (${group === 1 ? 'treatment' : 'control'} arm "${name}")`,
        row: r + 1,
        study: comparisons[i]!.study,
      };
    },
    labels: comparisons.map((c) => c.study),
    describe,
    provenance: comparisons.map((c) => worstProvenance(armProvenance(c.treatmentRow), armProvenance(c.controlRow))),
    warnings: pairs.warnings,
  };
}

/**
 * Effect sizes and sampling variances from study summaries — metafor's `escalc` — for the
 * measures of {@link MEASURES}, with metafor 5.1-12's default formulas
 * (`metaforVersion: '3.8'` gives metafor 3.8-1's, see below):
 * two-group means MD, SMD (Hedges' g, exact J), SMDH, SMD1 (standardized by group 2's SD),
 * SMD1H, ROM; 2x2 tables OR, RR, RD, AS, PETO;
 * 2x2 tables as association PHI, ZPHI, YUQ, YUY, RTET (tetrachoric), ZTET; SMDs from 2x2 tables
 * PBIT, OR2DN, OR2DL (alias OR2D); paired 2x2 tables MPRD, MPRR, MPOR, MPORC, MPPETO, and MPORM
 * from marginal tables with `ri` or `pi`; two-group person-time IRR, IRD, IRSD (x1i, t1i, x2i,
 * t2i); single-group person-time IR, IRLN, IRS, IRFT (xi, ti); correlations COR, ZCOR;
 * proportions PR, PLN, PLO, PAS, PFT; single means MN, MNLN; pre-post changes MC, SMCC, SMCR,
 * SMCRH; and GEN for effect sizes given with `vi` (or `sei`). See each kernel (e.g.
 * `standardizedMeanDifference`, `phiCoefficient`, `logIncidenceRateRatio`) for its formula and
 * citation; `toLong` and `toTable` reshape the same rows as metafor's `to.long` and `to.table`.
 * Also, from metafor 5.1:
 * - variability: VR, CVR (two groups: sd1i, n1i, sd2i, n2i, and m1i, m2i for CVR), SDLN, CVLN
 *   (one group: sdi, ni, and mi for CVLN), ROMC, VRC, CVRC (one group measured twice: m1i, m2i,
 *   sd1i, sd2i, ni, ri);
 * - from two groups' means and SDs: RPB, ZPB (point-biserial r, its z), RBIS, ZBIS (biserial r),
 *   D2OR = D2ORL (log odds ratio, logistic), D2ORN (normal), AUCN, CLESN (binormal AUC);
 * - regressions: PCOR, ZPCOR (partial r: ri or its t statistic ti, mi predictors, ni), SPCOR, ZSPCOR (semi-partial r,
 *   plus r2i, the model's R²), R2, ZR2 (r2i, mi, ni), R2F, ZR2F (the same with fixed predictors:
 *   the variance integrates the noncentral F likelihood over 1e5 values of ρ², as metafor does);
 * - AUC, CLES (the AUC `ai` with n1i, n2i, and optionally the proportion of ties `mi`), AUCCN,
 *   CLESCN (one group measured twice);
 * - Cronbach's alpha ARAW, AHW, ABT (ai, mi items, ni), REH (genotype counts ai, bi, ci), PRZ
 *   (probit proportion: xi with ni or mi).
 * See each kernel (e.g. `standardizedMeanDifference`, `logVariabilityRatio`) for its formula
 * and citation, and {@link VarianceType} for the `vtype` codes each measure takes.
 *
 * **Wide rows** (default): one row per study; `options.columns` maps metafor's argument names
 * (roles) to keys, a role left out being looked up under its own name. 2x2 tables take
 * ai, bi, ci, di or ai, n1i, ci, n2i; proportions take xi with ni (or the non-events mi); GEN
 * takes yi with vi, or sei where vi is missing. Labels come from `options.label`, else the
 * `study` key, else `row N`.
 *
 * **Long rows** (`options.arms`): one row per study arm, e.g.
 * `{ study, arm, outcome, timepoint, mean, sd, n }` or `{ study, arm, events, n }`. The
 * `treatment` arm and the `control` arm of the same study, outcome and time point form one
 * comparison (group 1 = treatment, group 2 = control) for MD, SMD, SMDH, SMD1H, ROM (keys
 * `mean`, `sd`, `n`; remap with `columns.mi`, `columns.sdi`, `columns.ni`) or OR, RR, RD, AS,
 * PETO (keys `events`, `n`; remap with `columns.xi`, `columns.ni`). The result has one entry per
 * comparison, in the order of the comparisons' first arm, labelled with the study id; arms left
 * unpaired are listed in `warnings` (see {@link pairArms}). A comparison's provenance is the
 * weaker of its arms' (`options.provenance[armRow]`, else the arm's own `provenance` field,
 * else reported), ranking assumed > imputed > derived > reported.
 *
 * **Values**: numbers, or numeric strings such as `"12"` or `" 1.5e-3 "` (read as numbers).
 * `null`, `undefined`, `NaN`, `""` and `"NA"` are missing: that row's yi and vi are NaN and
 * `warnings` says e.g. `row 3 (Smith 2001) omitted: sd1i missing`. Rows whose effect is
 * undefined (a zero cell with `to: 'none'`, a zero pooled SD, ...) are NaN with their reason
 * too. As in metafor, whichever of yi and vi the present values still determine is kept: MD
 * with an SD missing keeps yi = m1 − m2 with vi NaN (and a warning that the row cannot enter a
 * model), MD with a mean missing keeps vi.
 *
 * **Options** (metafor's defaults): `vtype` ('LS'), `add` (1/2; 0 for AS, PHI, ZPHI, RTET, ZTET,
 * IRSD, PAS, PFT, IRS, IRFT), `to` ('only0'), `drop00` (false), `correct` (true) as in `escalc`;
 * `correct: false` drops Hedges' correction for SMD, SMDH, SMD1H, SMCC, SMCR, SMCRH and the bias
 * correction of ROM. `add` and `to` act on 2x2 tables (all four cells; for paired tables the
 * cells of the paired table), on the event counts of person-time data and on proportions;
 * `drop00` on 2x2 tables and two-group person-time data (no events in both groups); other
 * measures ignore them. `vtype` beyond `LS`: see `VarianceType` (e.g. `ST`/`CS` for PHI,
 * `AV`/`H0` for OR, RR, OR2DN, OR2DL, MPORM, `UB`/`AV`/`H0` for RD).
 * `metaforVersion: '3.8'` follows metafor 3.8-1 where 5.x changed: ROM without the bias
 * correction (metafor 5.0 made it the default) and the SMDH, SMD1H and SMCRH variances of
 * before 4.6. `options.provenance` (one entry per row) is passed through; rows without one are
 * `reported`.
 *
 * Deviations from metafor, by design: sample sizes below what the measure needs throw
 * (metafor returns NA, or computes with one-person arms): n ≥ 2 per arm for SMD and SMDH,
 * n1i ≥ 2 and n2i ≥ 3 for SMD1H and SMD1 (n2i), ni ≥ 3 for SMCC, SMCR, SMCRH, SMN, SMCRP,
 * SMCRPH, ARAW, AHW and ABT, ni ≥ 4 for COR and ZCOR, ni ≥ 5 for UCOR, n ≥ 2 where a formula
 * divides by n − 1 (VR, CVR, SDLN, CVLN, VRC, CVRC, AUC, CLES, AUCN, CLESN, AUCCN, CLESCN),
 * ni > mi + 1 (ZPCOR: mi + 2) for the regression measures, group sizes ≥ 1 elsewhere (but a
 * 2x2 table of association or of matched pairs may have an empty margin, needing only one
 * count in the table); a negative variance given to GEN throws (metafor sets it NA). A row
 * whose variance metafor reports as NA (e.g. `vtype: 'H0'` with n − 1 ≤ 2) is dropped with its
 * reason, yi included. RTET is the exact maximum-likelihood estimate (metafor's optimizer
 * agrees to about 1e-4); with a single zero cell its variance is NaN (metafor reports its
 * optimizer's Hessian at ρ = ±1). A row dropped by `drop00` is NaN in yi and vi (metafor keeps
 * IRSD's vi). MPORM reads `ri` and, where no row has `ri` (or `columns.pi` is given), `pi`.
 * UCOR (and SMCR's `UB`, `H0`) evaluate ₂F₁ accurately near x = 1, where metafor's
 * gsl::hyperg_2F1 can be off by up to 3e-5 (small even n). Of the test statistics metafor also
 * accepts in place of the summaries, the t statistic `ti` of PCOR, ZPCOR, SPCOR and ZSPCOR is
 * read (where `ri` is missing); d, t, p and F values for the other measures (metafor's di, ti,
 * pi, fi) are not: convert them first.
 *
 * @param measure metafor's measure code
 * @param rows the rows, plain objects
 * @param options see {@link EffectSizesOptions}
 * @returns frozen `{ measure, yi, vi, labels, provenance, provenanceCounts, warnings }`, index-aligned with the
 * rows (with the comparisons for long rows)
 * @throws InputError naming the field and the row (and study) for: an unknown measure (listing
 * the valid ones), unknown options, a needed column absent from every row (naming the key looked
 * for), text in a numeric field (`"12a"`), negative SDs, counts or variances, sample sizes below
 * the measure's minimum, events above the group size, correlations outside [−1, 1], AUCs and R²
 * outside [0, 1], alphas above 1, fewer than 2 items, a non-positive number of predictors, and
 * `rows` that is not an array of objects.
 * @example
 * effectSizes('MD', [{ study: 'Edinburgh', m1i: 55, sd1i: 47, n1i: 155, m2i: 75, sd2i: 64, n2i: 156 }])
 * // => { measure: 'MD', yi: [-20], vi: [40.50802315963606], labels: ['Edinburgh'],
 * //      provenance: [{ kind: 'reported' }],
 * //      provenanceCounts: { reported: 1, derived: 0, imputed: 0, assumed: 0 }, warnings: [] }
 * @example
 * // Long rows: one comparison per study, labelled with the study id.
 * effectSizes('MD', [
 *   { study: 'Lee 2020', arm: 'CM', mean: 12, sd: 4, n: 20 },
 *   { study: 'Lee 2020', arm: 'placebo', mean: 9, sd: 5, n: 20 },
 * ], { arms: { treatment: 'CM', control: 'placebo' } })
 * // => { measure: 'MD', yi: [3], vi: [2.05], labels: ['Lee 2020'], ... }
 * @example
 * // Ratio of means: bias-corrected as in metafor 5.x, or as metafor 3.8-1 computed it.
 * const row = { m1i: 55, sd1i: 47, n1i: 155, m2i: 75, sd2i: 64, n2i: 156 };
 * effectSizes('ROM', [row]).yi[0] // => -0.310133192941 (metafor 5.1 escalc("ROM") on dat.normand1999, study 1)
 * effectSizes('ROM', [row], { metaforVersion: '3.8' }).yi[0] // => -0.310154928304 (metafor 3.8-1: log(55/75))
 * @example
 * // Person-time data: the log incidence rate ratio of AFASAK (dat.hart1999)
 * effectSizes('IRR', [{ study: 'AFASAK', x1i: 9, t1i: 413, x2i: 19, t2i: 398 }]).yi[0] // => -0.784209989507 (metafor escalc("IRR"): -0.784209989506816)
 * @example
 * // Paired 2x2 table (20 pairs with the outcome under both conditions, 10 under the first only, ...)
 * effectSizes('MPOR', [{ ai: 20, bi: 10, ci: 5, di: 20 }]).vi[0] // => 0.0782 (metafor's test of escalc("MPOR"))
 * @example
 * // Log variability ratio, and a partial correlation from a regression with 4 predictors.
 * effectSizes('VR', [{ sd1i: 47, n1i: 155, sd2i: 64, n2i: 156 }]).yi[0] // => -0.308714534854473 (metafor 5.1 escalc("VR") on dat.normand1999, study 1)
 * effectSizes('PCOR', [{ ri: 0.3, mi: 4, ni: 218 }]).vi[0] // => 0.0038696261682243 ((1 − 0.09)²/214)
 */
export function effectSizes(measure: Measure, rows: readonly object[], options?: EffectSizesOptions): EffectSizes {
  assertOneOf(measure, MEASURES, 'measure');
  if (!Array.isArray(rows)) {
    throw new InputError('must be an array of row objects', { field: 'rows', value: rows === null ? null : typeof rows, code: 'E_INVALID_TYPE' });
  }
  denseArray(rows, 'rows');
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new InputError('each row must be an object', { field: 'rows', row: i + 1, value: row, code: 'E_INVALID_TYPE' });
    }
  });
  const family = FAMILY_OF.get(measure)!;
  const opts = resolveOptions(measure, options, rows.length, family.vtypes(measure));
  const input = opts.arms ? prepareLong(measure, rows, opts, opts.arms) : prepareWide(rows, opts);

  const table = readTable(input.rows, family.requirements(measure), input.keyOf, input.where, measure, opts.columnsGiven);
  family.validate(measure, table);
  const result = family.compute(measure, table, opts);

  const k = table.k;
  const yi: number[] = new Array(k);
  const vi: number[] = new Array(k);
  const warnings = [...input.warnings];
  for (let i = 0; i < k; i++) {
    const y = result.yi[i]!, v = result.vi[i]!;
    const missing = table.missing[i]!;
    let reason: string | undefined;
    if (missing.length > 0) reason = `${missing.join(', ')} missing`;
    else if (result.dropped?.[i] !== undefined) reason = result.dropped[i];
    else if (!Number.isFinite(y) || !Number.isFinite(v) || v < 0) reason = family.undefinedReason(measure);
    if (reason === undefined) {
      yi[i] = y;
      vi[i] = v;
    } else if (missing.length > 0) {
      // as metafor: keep whichever of yi and vi the present values determine
      yi[i] = Number.isFinite(y) ? y : NaN;
      vi[i] = Number.isFinite(v) && v >= 0 ? v : NaN;
      warnings.push(
        Number.isFinite(yi[i]!)
          ? `${input.describe(i)} has no sampling variance (${reason}); yi is kept but the row cannot enter a model`
          : `${input.describe(i)} omitted: ${reason}`,
      );
    } else {
      yi[i] = NaN;
      vi[i] = NaN;
      warnings.push(`${input.describe(i)} omitted: ${reason}`);
    }
  }
  return freezeResult({
    measure,
    yi: Object.freeze(yi),
    vi: Object.freeze(vi),
    labels: Object.freeze([...input.labels]),
    provenance: Object.freeze([...input.provenance]),
    provenanceCounts: countProvenance(input.provenance),
    warnings: summariseOmissions(warnings),
  });
}
