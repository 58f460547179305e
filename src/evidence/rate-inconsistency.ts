import { CERTAINTY_RULES } from './certainty-rules.ts';
import { domain, severity, type CertaintyDomain, type FindingData } from './certainty-domain.ts';
import { formatValue } from './format-value.ts';

/**
 * Inconsistency (GRADE handbook 5.2.3; Guyatt et al., J Clin Epidemiol 2011;64:1294), from the
 * model pooling one estimate per independent cohort: I² ≥ 75% ("considerable") with a
 * prediction interval that crosses the null: very serious (−2); I² ≥ 50% ("substantial") with a
 * prediction interval that crosses the null, or significant results in opposite directions:
 * serious (−1); otherwise not serious. With fewer than two independent estimates and no
 * conflicting directions: `not assessable` (a single cohort cannot be inconsistent with
 * itself), not rated down. Internal rule of `assessCertainty`.
 */
export function rateInconsistency(d: FindingData): CertaintyDomain {
  const conflicting = d.finding.status === 'conflicting';
  const fit = d.pooling.result;
  const conflictReason = 'Independent studies show significant differences in opposite directions.';
  if (fit === null) {
    if (conflicting) return domain('inconsistency', 'serious', 1, [conflictReason, 'No heterogeneity statistics can be computed (fewer than two independent estimates with a variance).']);
    return domain('inconsistency', 'not assessable', 0, [
      `${d.effect.cohorts === 1 ? 'Only one independent cohort has' : 'No independent cohort has'} an estimate with a variance, so consistency between studies cannot be judged (not rated down).`,
    ]);
  }
  const i2 = fit.i2 ?? 0;
  const pi = fit.predictionInterval;
  const crosses = pi.lower !== null && pi.upper !== null && pi.lower < 0 && pi.upper > 0;
  const { i2Substantial: sub, i2Considerable: con } = CERTAINTY_RULES;
  let downgrade: 0 | 1 | 2 = i2 >= con && crosses ? 2 : i2 >= sub && crosses ? 1 : 0;
  if (conflicting && downgrade === 0) downgrade = 1;
  const reasons = [
    `Across ${fit.k} independent estimates, I² = ${formatValue(i2)}% and the ${Math.round(100 * fit.level)}% prediction interval runs from ${formatValue(pi.lower ?? NaN)} to ${formatValue(pi.upper ?? NaN)}, ${crosses ? 'crossing' : 'not crossing'} the null.`,
    `Rule: rated down one level at I² ≥ ${sub}% with a prediction interval crossing the null (or conflicting significant directions), two at I² ≥ ${con}%.`,
  ];
  if (conflicting) reasons.unshift(conflictReason);
  return domain('inconsistency', severity(downgrade), downgrade, reasons);
}
