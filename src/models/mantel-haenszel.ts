import { InputError, assertOneOf } from '../errors.ts';
import type { TwoByTwo } from '../effect-sizes/two-by-two.ts';
import type { Heterogeneity, Inference, Interval, Settings, StudySet, Warnings } from '../types.ts';
import { cochranMantelHaenszelTest } from './two-by-two/cmh-test.ts';
import { heterogeneityOfEffects } from './two-by-two/heterogeneity-of-effects.ts';
import { mhLogOddsRatio } from './two-by-two/mh-log-odds-ratio.ts';
import type { PooledValue } from './two-by-two/mh-log-odds-ratio.ts';
import { mhLogRiskRatio } from './two-by-two/mh-log-risk-ratio.ts';
import { mhRiskDifference } from './two-by-two/mh-risk-difference.ts';
import { TABLE_ROLES, readTables, resolveTwoByTwoOptions } from './two-by-two/read-tables.ts';
import type { TableRole } from './two-by-two/read-tables.ts';
import { mantelHaenszelPersonTime } from './mantel-haenszel-person-time.ts';
import { PERSON_TIME_ROLES } from './person-time/read-person-time.ts';
import type { PersonTimeRole } from './person-time/read-person-time.ts';
import type { TwoByTwoPoolingOptions } from './two-by-two/read-tables.ts';
import { studyEffects } from './two-by-two/study-effects.ts';
import { breslowDayTaroneTest } from './two-by-two/tarone-test.ts';
import { exponentiate, waldInference } from './two-by-two/wald.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import type { OmittedInputRow } from '../omission-summary.ts';
import { freezeResult } from '../freeze-result.ts';

/** Measures of the Mantel–Haenszel method. */
export const MANTEL_HAENSZEL_MEASURES = Object.freeze(['OR', 'RR', 'RD',
  // person-time data (issue #13, part A)
  'IRR', 'IRD'] as const);
export type MantelHaenszelMeasure = (typeof MANTEL_HAENSZEL_MEASURES)[number];

/** Options of {@link mantelHaenszel}; metafor's `rma.mh` arguments where they exist there. */
export interface MantelHaenszelOptions extends Omit<TwoByTwoPoolingOptions, 'columns'> {
  /**
   * `OR` (odds ratio, default as in metafor), `RR` (risk ratio) or `RD` (risk difference) of 2x2
   * tables; `IRR` (incidence rate ratio) or `IRD` (incidence rate difference) of person-time data.
   */
  readonly measure?: MantelHaenszelMeasure;
  /**
   * Role -> key in each row: for OR, RR, RD `ai`, `bi`, `ci`, `di` (or `ai`, `n1i`, `ci`, `n2i`);
   * for IRR and IRD `x1i`, `t1i`, `x2i`, `t2i` (events and person-times of the two groups).
   * A role left out is looked up under its own name.
   */
  readonly columns?: Partial<Record<TableRole | PersonTimeRole, string>>;
  /** Continuity correction of the Cochran–Mantel–Haenszel test (OR) and of the Mantel–Haenszel rate test (IRR); default `true` as in metafor. */
  readonly correct?: boolean;
}

/** Result of {@link mantelHaenszel} (metafor's `rma.mh`). `null` where metafor reports NA. */
export interface MantelHaenszelResult
  extends Omit<Inference, 'df'>, Pick<Heterogeneity, 'q' | 'qDf' | 'qPValue' | 'i2' | 'h2'>,
  Omit<StudySet, 'weights'>, Omit<Settings, 'test'>, Warnings {
  readonly method: 'MH';
  readonly measure: MantelHaenszelMeasure;
  readonly level: number;
  /** Complete tables pooled (metafor's `k`); tables without events count here too. */
  readonly k: number;
  /** Pooled value: log odds ratio, log risk ratio, risk difference, log rate ratio or rate difference. */
  readonly estimate: number | null;
  readonly se: number | null;
  readonly statistic: number | null;
  readonly pValue: number | null;
  readonly ci: Interval;
  /** For OR, RR and IRR: the estimate and CI on the ratio scale (exp); `null` for RD and IRD. */
  readonly ratio: { readonly estimate: number | null; readonly ci: Interval } | null;
  /** Cochran's Q of the per-study effects about the MH estimate, with df = (studies in yi) − 1. */
  readonly q: number | null;
  readonly qDf: number;
  readonly qPValue: number | null;
  readonly i2: number | null;
  readonly h2: number | null;
  /**
   * OR: Cochran–Mantel–Haenszel test of no association; IRR: Mantel–Haenszel test of equal rates
   * (metafor's `MH`, `MHp`), 1 df. `null` for RR, RD, IRD.
   */
  readonly cmh: number | null;
  readonly cmhPValue: number | null;
  /** OR only: Tarone's test of a common odds ratio (metafor's `TA`, `TAp`) with `taroneDf` df. */
  readonly tarone: number | null;
  readonly taronePValue: number | null;
  readonly taroneDf: number | null;
  /** OR only: the uncorrected Breslow–Day statistic (metafor's `BD`, `BDp`), same df. */
  readonly breslowDay: number | null;
  readonly breslowDayPValue: number | null;
  /** Per-study effects of the studies in the heterogeneity test (metafor's `yi`, `vi`). */
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  readonly labels: readonly string[];
  /** Every input row left out for a missing count, with the reason. */
  readonly omitted: readonly OmittedInputRow[];
  readonly warnings: readonly string[];
}

const ESTIMATORS: Record<TwoByTwoMhMeasure, (t: TwoByTwo) => PooledValue> = {
  OR: mhLogOddsRatio,
  RR: mhLogRiskRatio,
  RD: mhRiskDifference,
};

type TwoByTwoMhMeasure = 'OR' | 'RR' | 'RD';

const UNDEFINED_ESTIMATE: Record<TwoByTwoMhMeasure, string> = {
  OR: 'the Mantel–Haenszel odds ratio is undefined: Σ a·d/N or Σ b·c/N is 0 (it would be 0 or infinite)',
  RR: 'the Mantel–Haenszel risk ratio is undefined: one group has no events in any table',
  RD: 'the Mantel–Haenszel risk difference has no finite standard error for these tables',
};


/**
 * Mantel–Haenszel equal-effects meta-analysis of 2x2 tables or of two-group person-time data —
 * metafor's `rma.mh` for OR, RR, RD, IRR and IRD.
 *
 * Pooled value from the raw counts (no continuity correction):
 * - `OR`: ln ψ̂_MH = ln(Σaᵢdᵢ/Nᵢ / Σbᵢcᵢ/Nᵢ) (Mantel & Haenszel, 1959) with the Robins, Breslow &
 *   Greenland (1986) variance — see `mhLogOddsRatio`;
 * - `RR`: ln(Σaᵢn2ᵢ/Nᵢ / Σcᵢn1ᵢ/Nᵢ) with the Greenland & Robins (1985) variance;
 * - `RD`: Σ(aᵢn2ᵢ − cᵢn1ᵢ)/Nᵢ / Σn1ᵢn2ᵢ/Nᵢ with the Sato, Greenland & Robins (1989) variance;
 * - `IRR`: ln(Σx1ᵢt2ᵢ/Tᵢ / Σx2ᵢt1ᵢ/Tᵢ) with Tᵢ = t1ᵢ + t2ᵢ, and `IRD`: Σ(x1ᵢt2ᵢ − x2ᵢt1ᵢ)/Tᵢ / Σt1ᵢt2ᵢ/Tᵢ
 *   (Rothman, Greenland & Lash, 2008, ch. 15) — see `mhLogIncidenceRateRatio`,
 *   `mhIncidenceRateDifference`; for IRR also the Mantel–Haenszel test of equal rates in `cmh`
 *   (metafor's `MH`, continuity-corrected unless `correct: false`).
 *
 * z-test and Wald CI from the normal distribution. Heterogeneity: Cochran's Q of the per-study
 * effects (`escalc` with `add`, `to`, `drop00`: log odds ratios with Woolf's variance, log risk
 * ratios, risk differences) about the MH estimate, df = (studies with an effect) − 1,
 * I² = max(0, 100·(Q − df)/Q), H² = Q/df. For OR also the Cochran–Mantel–Haenszel test
 * (continuity-corrected unless `correct: false`) and the Breslow–Day and Tarone tests.
 *
 * Zero cells, as in metafor: tables with a zero cell or no events at all stay in the pooled
 * estimate (they add nothing to an OR or RR, but do weigh in an RD); `add` (1/2), `to`
 * ('only0') and `drop00` (true) only shape the per-study effects of the heterogeneity test, so
 * tables with no events (or only events) in both groups are left out of Q and its df, with a
 * warning. Rows with a missing count are omitted with a warning; `k` counts the complete tables.
 * An estimate that is undefined (e.g. no events in group 2 of any table for OR or RR) is `null`
 * with a warning, as metafor's NA.
 *
 * Deviations from metafor 3.8-1: a study whose per-study effect is not finite (possible only
 * with `add: 0` or `to: 'none'`) is left out of Q with a warning, where metafor's Q becomes
 * NaN; `add`, `to`, `drop00` take one value (metafor's first element; the pooled estimate uses
 * raw counts, metafor's default second element).
 *
 * @param rows one object per study with the counts (see `options.columns`)
 * @param options `{ measure = 'OR', columns, level = 0.95, correct = true, add = 0.5,
 *   to = 'only0', drop00 = true, label = 'study' }`
 * @returns a frozen {@link MantelHaenszelResult}; the estimate is on the log scale for OR and RR
 * @throws InputError naming the field and the row (and study) for an unknown measure or option,
 * a needed column absent from every row, text in a count, negative counts, events above the group
 * size, an empty group, a level outside (0, 1), or no row with a complete table.
 * @example
 * const fit = mantelHaenszel(
 *   [{ tpos: 4, tneg: 119, cpos: 11, cneg: 128 }, { tpos: 6, tneg: 300, cpos: 29, cneg: 274 }],
 *   { measure: 'OR', columns: { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' } },
 * );
 * fit.estimate // => -1.421502840104151 (rma.mh on the first two BCG trials: -1.42150284010415)
 * @example
 * // Person-time data: AFASAK and SPAF of dat.hart1999
 * const ir = mantelHaenszel([{ x1i: 9, t1i: 413, x2i: 19, t2i: 398 }, { x1i: 8, t1i: 263, x2i: 19, t2i: 245 }], { measure: 'IRR' });
 * ir.estimate // => -0.857802814525 (rma.mh: -0.857802814524708)
 * ir.cmh // => 8.39131046586 (rma.mh MH: 8.391310465859437)
 */
export function mantelHaenszel(rows: readonly object[], options: MantelHaenszelOptions = {}): MantelHaenszelResult {
  const o = (options ?? {}) as MantelHaenszelOptions;
  const measure = (typeof o === 'object' ? o.measure : undefined) ?? 'OR';
  assertOneOf(measure, MANTEL_HAENSZEL_MEASURES, 'measure');
  const personTime = measure === 'IRR' || measure === 'IRD';
  const shared = resolveTwoByTwoOptions(options, ['measure', 'correct'], personTime ? PERSON_TIME_ROLES : TABLE_ROLES);
  const correct = o.correct ?? true;
  if (typeof correct !== 'boolean') throw new InputError('must be true or false', { field: 'correct', value: correct, code: 'E_INVALID_TYPE' });
  if (personTime) return mantelHaenszelPersonTime(rows, shared, measure, correct);

  const tables = readTables(rows, shared, `${measure} (Mantel–Haenszel)`);
  const warnings = [...tables.warnings];
  const pooled = ESTIMATORS[measure](tables.complete);
  const wald = waldInference(pooled.estimate, pooled.variance, shared.level);
  if (wald.estimate === null || wald.se === null) warnings.push(UNDEFINED_ESTIMATE[measure]);

  const effects = studyEffects(tables.all, measure, shared.add, shared.to, shared.drop00);
  const { inQ, yi, vi, het } = heterogeneityOfEffects(effects, tables.completeRows, tables.describe, pooled.estimate, warnings);

  let tests = { cmh: null, cmhPValue: null, tarone: null, taronePValue: null, taroneDf: null, breslowDay: null, breslowDayPValue: null } as Pick<
    MantelHaenszelResult,
    'cmh' | 'cmhPValue' | 'tarone' | 'taronePValue' | 'taroneDf' | 'breslowDay' | 'breslowDayPValue'
  >;
  if (measure === 'OR') {
    const cmh = cochranMantelHaenszelTest(tables.complete, correct);
    const bd = breslowDayTaroneTest(tables.complete, Math.exp(pooled.estimate));
    if (Number.isNaN(cmh.statistic)) warnings.push('the Cochran–Mantel–Haenszel test needs events and non-events in some table');
    tests = {
      cmh: finiteOrNull(cmh.statistic),
      cmhPValue: finiteOrNull(cmh.pValue),
      tarone: finiteOrNull(bd.tarone),
      taronePValue: finiteOrNull(bd.taronePValue),
      taroneDf: bd.df >= 0 ? bd.df : null,
      breslowDay: finiteOrNull(bd.breslowDay),
      breslowDayPValue: finiteOrNull(bd.breslowDayPValue),
    };
  }

  return freezeResult({
    method: 'MH' as const,
    measure,
    level: shared.level,
    k: tables.completeRows.length,
    ...wald,
    ratio: measure === 'RD' ? null : exponentiate(wald),
    q: finiteOrNull(het.q),
    qDf: het.qDf,
    qPValue: finiteOrNull(het.qPValue),
    i2: finiteOrNull(het.i2),
    h2: finiteOrNull(het.h2),
    ...tests,
    yi: Object.freeze(Array.from(yi)),
    vi: Object.freeze(Array.from(vi)),
    labels: Object.freeze(inQ.map((i) => tables.labels[i]!)),
    omitted: tables.omitted,
    warnings: Object.freeze(warnings),
  });
}
