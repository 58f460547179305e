import type { ZeroCellRule } from '../../effect-sizes/options.ts';
import { logOddsRatio, logRiskRatio, petoLogOddsRatio, riskDifference } from '../../effect-sizes/two-by-two.ts';
import type { TwoByTwo } from '../../effect-sizes/two-by-two.ts';
import { addToZeroCells } from '../../effect-sizes/zero-cells.ts';

/** Per-study measures the heterogeneity tests of `mantelHaenszel` and `peto` use. */
export type StudyMeasure = 'OR' | 'RR' | 'RD' | 'PETO';

/** Per-study effect sizes with, for each study left out, the reason (else `undefined`). */
export interface StudyEffects {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly reasons: readonly (string | undefined)[];
}

const UNDEFINED: Record<StudyMeasure, string> = {
  OR: 'a zero cell makes its log odds ratio undefined (see options add and to)',
  RR: 'a zero event count makes its log risk ratio undefined (see options add and to)',
  RD: 'the variance of its risk difference is undefined',
  PETO: 'its table has no events or no non-events',
};

/**
 * Per-study effect sizes as metafor's `escalc` gives them to `rma.mh` and `rma.peto` for the
 * heterogeneity test: tables with no events, or only events, in both groups are left out when
 * `drop00` is set; then `add` goes into the cells of the tables picked by `to`; then the log odds
 * ratio (Woolf variance), log risk ratio, risk difference (large-sample variance) or Peto's
 * log odds ratio of each table. A study is left out (NaN, with its reason) when a count is
 * missing, it was dropped by `drop00`, or its effect or variance is not finite.
 *
 * @param tables cells of every input row (NaN where missing)
 * @example
 * studyEffects({ a: Float64Array.of(0), b: Float64Array.of(10), c: Float64Array.of(2), d: Float64Array.of(8) },
 *   'RR', 0.5, 'only0', true).yi[0] // => -1.6094379124341005 (ln((0.5/11)/(2.5/11)), as escalc)
 */
export function studyEffects(tables: TwoByTwo, measure: StudyMeasure, add: number, to: ZeroCellRule, drop00: boolean): StudyEffects {
  const k = tables.a.length;
  const reasons: (string | undefined)[] = new Array(k).fill(undefined);
  const cells = [tables.a, tables.b, tables.c, tables.d].map((x) => Float64Array.from(x));
  const [a, b, c, d] = cells as [Float64Array, Float64Array, Float64Array, Float64Array];
  for (let i = 0; i < k; i++) {
    if ([a, b, c, d].some((x) => Number.isNaN(x[i]!))) {
      reasons[i] = 'a count is missing';
      continue;
    }
    if (!drop00) continue;
    const noEvents = a[i] === 0 && c[i] === 0;
    const allEvents = b[i] === 0 && d[i] === 0;
    if (noEvents || allEvents) {
      reasons[i] = noEvents ? 'no events in either group (drop00)' : 'only events in both groups (drop00)';
      a[i] = b[i] = c[i] = d[i] = NaN;
    }
  }
  const [a2, b2, c2, d2] = addToZeroCells(cells, add, to) as [Float64Array, Float64Array, Float64Array, Float64Array];
  const t: TwoByTwo = { a: a2, b: b2, c: c2, d: d2 };
  const { yi, vi } =
    measure === 'OR' ? logOddsRatio(t) : measure === 'RR' ? logRiskRatio(t) : measure === 'RD' ? riskDifference(t, 'LS') : petoLogOddsRatio(t);
  for (let i = 0; i < k; i++) {
    if (reasons[i] === undefined && !(Number.isFinite(yi[i]!) && Number.isFinite(vi[i]!) && vi[i]! > 0)) {
      reasons[i] = UNDEFINED[measure];
    }
    if (reasons[i] !== undefined) yi[i] = vi[i] = NaN;
  }
  return { yi, vi, reasons };
}
