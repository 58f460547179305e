import { CERTAINTY_RULES } from './certainty-rules.ts';
import { domain, severity, type CertaintyDomain, type FindingData } from './certainty-domain.ts';
import { formatPercent } from './format-value.ts';

/**
 * Risk of bias (GRADE handbook 5.2.1; Guyatt et al., J Clin Epidemiol 2011;64:407) from the
 * studies' own `riskOfBias` judgements (RoB 2 style). Each study's share of the information is
 * its inverse-variance weight when the finding is pooled, else one share per study. At least
 * half from studies at high risk: very serious (−2); at least half from studies at high risk or
 * with some concerns: serious (−1); otherwise not serious. No judgements: `not assessed`, not
 * rated down, and the reasons say so. Internal rule of `assessCertainty`.
 */
export function rateRiskOfBias(d: FindingData): CertaintyDomain {
  const assessed = d.studies.filter((s) => s.riskOfBias !== null);
  if (assessed.length === 0) {
    return domain('risk of bias', 'not assessed', 0, ['No study of this finding carries a risk-of-bias judgement, so risk of bias is not assessed (and not rated down); a reviewer should judge it (RoB 2).']);
  }
  const { yi, vi, labels } = d.pooling;
  const pooled = d.effect.basis === 'pooled' && yi.length >= 2;
  const weightOf = (id: string): number => {
    if (!pooled) return 1;
    const j = labels.indexOf(id);
    return j < 0 ? 0 : 1 / vi[j]!;
  };
  const total = assessed.reduce((s, x) => s + weightOf(x.id), 0);
  const share = (pick: (o: string) => boolean) => (total > 0 ? assessed.filter((s) => pick(s.riskOfBias!.overall)).reduce((s, x) => s + weightOf(x.id), 0) / total : 0);
  const high = share((o) => o === 'high');
  const concerns = share((o) => o !== 'low');
  const cut = CERTAINTY_RULES.riskOfBiasShare;
  const downgrade: 0 | 1 | 2 = high >= cut ? 2 : concerns >= cut ? 1 : 0;
  const basis = pooled ? 'of the inverse-variance weight' : 'of the studies';
  const reasons = [
    `${assessed.map((s) => `${s.label}: ${s.riskOfBias!.overall}`).join('; ')}.`,
    `${formatPercent(high)} ${basis} comes from studies at high risk of bias and ${formatPercent(concerns)} from studies at high risk or with some concerns (rated down one level from ${formatPercent(cut)} at high risk or some concerns, two from ${formatPercent(cut)} at high risk).`,
  ];
  const missing = d.studies.length - assessed.length;
  if (missing > 0) reasons.push(`${missing} of the ${d.studies.length} studies carry no judgement and are left out of these shares.`);
  return domain('risk of bias', severity(downgrade), downgrade, reasons);
}
