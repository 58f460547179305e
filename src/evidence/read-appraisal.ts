// Validators of a study's optional appraisal fields: `riskOfBias` and `indirectness`.
import type { IndirectnessDeclaration, RiskOfBias, RiskOfBiasJudgement } from './evidence-base.ts';
import { fail, list, record, sourceQuote, text, textOrNull, type Where } from './read-fields.ts';

const JUDGEMENTS: readonly RiskOfBiasJudgement[] = ['low', 'some concerns', 'high'];
/** RoB 2's five domains (Sterne et al., BMJ 2019;366:l4898), by their keys in the evidence file. */
export const ROB_DOMAINS = ['randomization', 'deviations', 'missingData', 'measurement', 'selection'] as const;
const ELEMENTS = ['population', 'intervention', 'comparator', 'outcome'] as const;

function judgement(value: unknown, where: Where, optional: boolean): RiskOfBiasJudgement | null {
  if (optional && (value === undefined || value === null)) return null;
  if (!JUDGEMENTS.includes(value as RiskOfBiasJudgement)) fail('must be "low", "some concerns" or "high"', where, value);
  return value as RiskOfBiasJudgement;
}

/** A study's `riskOfBias` (`{ overall, domains?, source? }`), or `null` when absent. */
export function readRiskOfBias(value: unknown, where: Where, sourceIds: ReadonlySet<string>): RiskOfBias | null {
  if (value === undefined || value === null) return null;
  const obj = record(value, where, ['overall', 'domains', 'source']);
  const at = (field: string): Where => ({ ...where, field: `${where.field}.${field}` });
  const rawDomains = obj.domains === undefined || obj.domains === null ? {} : record(obj.domains, at('domains'), ROB_DOMAINS);
  const domains = Object.fromEntries(ROB_DOMAINS.map((d) => [d, judgement(rawDomains[d], at(`domains.${d}`), true)])) as unknown as RiskOfBias['domains'];
  return {
    overall: judgement(obj.overall, at('overall'), false)!,
    domains,
    source: obj.source === undefined || obj.source === null ? null : sourceQuote(obj.source, at('source'), sourceIds),
  };
}

/** A study's `indirectness` declarations (`[{ element, comparedWith?, severity?, reason, source }]`). */
export function readIndirectness(value: unknown, where: Where, sourceIds: ReadonlySet<string>): IndirectnessDeclaration[] {
  return list(value, where, true).map((item, i) => {
    const itemAt = { ...where, field: `${where.field}[${i + 1}]` };
    const obj = record(item, itemAt, ['element', 'comparedWith', 'severity', 'reason', 'source']);
    const at = (field: string): Where => ({ ...itemAt, field: `${itemAt.field}.${field}` });
    if (!ELEMENTS.includes(obj.element as (typeof ELEMENTS)[number])) fail('must be "population", "intervention", "comparator" or "outcome"', at('element'), obj.element);
    const severity = obj.severity ?? 'serious';
    if (severity !== 'serious' && severity !== 'very serious') fail('must be "serious" or "very serious"', at('severity'), severity);
    return {
      element: obj.element as IndirectnessDeclaration['element'],
      comparedWith: textOrNull(obj.comparedWith, at('comparedWith')),
      severity,
      reason: text(obj.reason, at('reason')),
      source: sourceQuote(obj.source, at('source'), sourceIds),
    };
  });
}
