import { freezeResult } from '../freeze-result.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import type { MantelHaenszelResult } from './mantel-haenszel.ts';
import { mhIncidenceRateDifference } from './person-time/mh-incidence-rate-difference.ts';
import { mantelHaenszelRateTest, mhLogIncidenceRateRatio } from './person-time/mh-incidence-rate-ratio.ts';
import { personTimeEffects } from './person-time/person-time-effects.ts';
import { readPersonTime } from './person-time/read-person-time.ts';
import { heterogeneityOfEffects } from './two-by-two/heterogeneity-of-effects.ts';
import type { ResolvedTwoByTwoOptions } from './two-by-two/read-tables.ts';
import { exponentiate, waldInference } from './two-by-two/wald.ts';

const UNDEFINED_ESTIMATE = {
  IRR: 'the Mantel–Haenszel rate ratio is undefined: one group has no events in any study',
  IRD: 'the Mantel–Haenszel rate difference has no finite standard error for these data',
} as const;

/**
 * `mantelHaenszel` for two-group person-time data (metafor's `rma.mh` with x1i, t1i, x2i, t2i and
 * measure IRR or IRD): the pooled value from the raw counts, a Wald z-test and CI, Cochran's Q of
 * the per-study effects about it (`add`, `to`, `drop00` shape those), and for IRR the
 * Mantel–Haenszel test of equal rates (`cmh`, `cmhPValue`; metafor's `MH`, `MHp`).
 */
export function mantelHaenszelPersonTime(
  rows: unknown,
  shared: ResolvedTwoByTwoOptions,
  measure: 'IRR' | 'IRD',
  correct: boolean,
): MantelHaenszelResult {
  const data = readPersonTime(rows, shared, `${measure} (Mantel–Haenszel)`);
  const warnings = [...data.warnings];
  const pooled = measure === 'IRR' ? mhLogIncidenceRateRatio(data.complete) : mhIncidenceRateDifference(data.complete);
  const wald = waldInference(pooled.estimate, pooled.variance, shared.level);
  if (wald.estimate === null || wald.se === null) warnings.push(UNDEFINED_ESTIMATE[measure]);

  const effects = personTimeEffects(data.all, measure, shared.add, shared.to, shared.drop00);
  const { inQ, yi, vi, het } = heterogeneityOfEffects(effects, data.completeRows, data.describe, pooled.estimate, warnings);
  const test = measure === 'IRR' ? mantelHaenszelRateTest(data.complete, correct) : null;
  if (test !== null && Number.isNaN(test.statistic)) warnings.push('the Mantel–Haenszel test needs events in some study');

  return freezeResult({
    method: 'MH' as const,
    measure,
    level: shared.level,
    k: data.completeRows.length,
    ...wald,
    ratio: measure === 'IRD' ? null : exponentiate(wald),
    q: finiteOrNull(het.q),
    qDf: het.qDf,
    qPValue: finiteOrNull(het.qPValue),
    i2: finiteOrNull(het.i2),
    h2: finiteOrNull(het.h2),
    cmh: test === null ? null : finiteOrNull(test.statistic),
    cmhPValue: test === null ? null : finiteOrNull(test.pValue),
    tarone: null,
    taronePValue: null,
    taroneDf: null,
    breslowDay: null,
    breslowDayPValue: null,
    yi: Object.freeze(Array.from(yi)),
    vi: Object.freeze(Array.from(vi)),
    labels: Object.freeze(inQ.map((i) => data.labels[i]!)),
    omitted: data.omitted,
    warnings: Object.freeze(warnings),
  });
}
