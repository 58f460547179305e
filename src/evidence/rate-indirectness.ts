import { domain, severity, type CertaintyDomain, type FindingData } from './certainty-domain.ts';

/**
 * Indirectness (GRADE handbook 5.2.4; Guyatt et al., J Clin Epidemiol 2011;64:1303), from the
 * `indirectness` the studies with results declare (population, intervention, comparator,
 * outcome). Any declaration judged very serious, or serious declarations about two or more
 * different elements: very serious (−2); one serious element: serious (−1); none declared: not
 * serious (the reasons say that only declared differences are counted). Internal rule of
 * `assessCertainty`.
 */
export function rateIndirectness(d: FindingData): CertaintyDomain {
  const declared = d.studies.flatMap((s) => s.indirectness.map((x) => ({ study: s, x })));
  if (declared.length === 0) {
    return domain('indirectness', 'not serious', 0, ['No study with results declares a difference in population, intervention, comparator or outcome from the question.']);
  }
  const elements = new Set(declared.map(({ x }) => x.element));
  const downgrade: 0 | 1 | 2 = declared.some(({ x }) => x.severity === 'very serious') || elements.size >= 2 ? 2 : 1;
  const reasons = declared.map(({ study, x }) => `${study.label}: ${x.element}${x.comparedWith === null ? '' : ` differs from ${x.comparedWith}`} (${x.severity}): ${x.reason}`);
  return domain('indirectness', severity(downgrade), downgrade, reasons);
}
