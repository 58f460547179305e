import { normalQuantile } from '../distributions/normal.ts';
import { CERTAINTY_RULES, optimalInformationSize } from './certainty-rules.ts';
import { domain, severity, type CertaintyDomain, type FindingData } from './certainty-domain.ts';
import { formatValue } from './format-value.ts';

/** The default optimal information size (786 participants: 393 per arm). */
export function defaultOptimalInformationSize(): number {
  const { oisAlpha, oisPower, oisEffectSd } = CERTAINTY_RULES;
  return optimalInformationSize(normalQuantile(1 - oisAlpha / 2), normalQuantile(oisPower), oisEffectSd);
}

/**
 * Imprecision (GRADE handbook 5.2.4; Guyatt et al., J Clin Epidemiol 2011;64:1283; GRADE
 * guidance 34, 2022): the CI of the effect (pooled over independent cohorts, else the single
 * cohort's) against the null, and the total sample size against the optimal information size
 * (OIS). CI crosses the null and n below the OIS (or unknown): very serious (−2); CI crosses the
 * null: serious (−1); CI excludes the null but n below the OIS: serious (−1); otherwise not
 * serious (when n is unknown, the reasons say the OIS could not be checked). No CI computable
 * (SDs or SEs not reported): `no CI computable`, −2 when n is below the OIS or unknown, else −1.
 * Internal rule of `assessCertainty`.
 */
export function rateImprecision(d: FindingData, ois: number): CertaintyDomain {
  const n = d.totalN;
  const below = n === null || n < ois;
  const nText = n === null ? 'the total sample size is not reported' : `the total sample size is ${n}`;
  const oisText = `the optimal information size of ${ois} participants (alpha ${CERTAINTY_RULES.oisAlpha}, power ${CERTAINTY_RULES.oisPower}, a ${CERTAINTY_RULES.oisEffectSd} SD effect)`;
  const { ci } = d.effect;
  if (ci === null || ci.lower === null || ci.upper === null) {
    const downgrade: 1 | 2 = below ? 2 : 1;
    return domain('imprecision', 'no CI computable', downgrade, [
      d.effect.estimate === null
        ? 'No difference with a variance is reported (arm means or SDs missing), so no confidence interval can be computed.'
        : `The difference (${formatValue(d.effect.estimate)}) comes without SDs or standard errors, so no confidence interval can be computed.`,
      `Rated down ${downgrade === 2 ? 'two levels' : 'one level'}: the precision cannot be judged, and ${nText}${n === null ? `, so it cannot be shown to reach ${oisText}` : below ? `, below ${oisText}` : `, at least ${oisText}`}.`,
    ]);
  }
  const crosses = ci.lower <= 0 && ci.upper >= 0;
  const downgrade: 0 | 1 | 2 = crosses ? (below ? 2 : 1) : n !== null && n < ois ? 1 : 0;
  const reasons = [
    `The ${Math.round(100 * d.level)}% CI runs from ${formatValue(ci.lower)} to ${formatValue(ci.upper)}, ${crosses ? 'including' : 'excluding'} no difference; ${nText}${n === null ? ` (the OIS, ${ois}, cannot be checked)` : n < ois ? `, below ${oisText}` : `, at least ${oisText}`}.`,
  ];
  return domain('imprecision', severity(downgrade), downgrade, reasons);
}
