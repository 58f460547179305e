import { eggerTest } from '../bias/egger-test.ts';
import { CERTAINTY_RULES } from './certainty-rules.ts';
import { domain, type CertaintyDomain, type FindingData } from './certainty-domain.ts';
import { formatValue } from './format-value.ts';

/**
 * Publication bias (GRADE handbook 5.2.5; Guyatt et al., J Clin Epidemiol 2011;64:1277): with at
 * least 10 independent estimates, Egger's regression test (metafor's `regtest` defaults) at
 * p < 0.10 makes it serious (−1), else not serious; with fewer, `not assessable` (not rated
 * down). Ongoing studies whose results are overdue against `asOf` are named in the reasons: an
 * overdue result is itself a signal of possible non-publication. Internal rule of `assessCertainty`.
 */
export function ratePublicationBias(d: FindingData): CertaintyDomain {
  const overdue = d.finding.pendingStudies.filter((p) => p.timing === 'overdue');
  const overdueReasons = overdue.map((p) => `${p.label} was expected to report by ${p.resultsExpected} and is overdue as of ${d.base.asOf}, itself a possible sign of unpublished results.`);
  const fit = d.pooling.result;
  const k = fit?.k ?? d.effect.cohorts;
  const { smallStudyMinK: minK, smallStudyAlpha: alpha } = CERTAINTY_RULES;
  if (fit === null || k < minK || fit.vi.every((v) => v === fit.vi[0])) {
    return domain('publication bias', 'not assessable', 0, [
      `${k === 0 ? 'No' : k} independent ${k === 1 ? 'estimate' : 'estimates'} with a variance: small-study tests need at least ${minK} (not rated down).`,
      ...overdueReasons,
    ]);
  }
  const test = eggerTest(fit);
  const suspected = test.pValue !== null && test.pValue < alpha;
  return domain('publication bias', suspected ? 'serious' : 'not serious', suspected ? 1 : 0, [
    `Egger's regression test over ${k} independent estimates: z = ${formatValue(test.statistic)}, p = ${formatValue(test.pValue ?? NaN)} (${suspected ? 'below' : 'not below'} ${alpha}).`,
    ...overdueReasons,
  ]);
}
