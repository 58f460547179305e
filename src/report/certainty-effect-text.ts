import type { CertaintyEffect } from '../evidence/certainty-domain.ts';
import { formatValue } from '../evidence/format-value.ts';

/**
 * The effect of a certainty rating as a short phrase: `MD 2.1 (95% CI 0.5 to 3.7), pooled over
 * 3 cohorts`, `MD 8.7, no CI (SDs not reported)` or `no result`. Internal helper of the
 * certainty reports.
 */
export function certaintyEffectText(effect: CertaintyEffect, level: number): string {
  if (effect.estimate === null) return 'no result with a mean';
  const head = `${effect.scale ?? effect.measure} ${formatValue(effect.estimate)}`;
  if (effect.ci === null || effect.ci.lower === null || effect.ci.upper === null) return `${head}, no CI (SDs not reported)`;
  const ci = `${Math.round(1000 * level) / 10}% CI ${formatValue(effect.ci.lower)} to ${formatValue(effect.ci.upper)}`;
  return `${head} (${ci})${effect.basis === 'pooled' ? `, pooled over ${effect.cohorts} cohorts` : ''}`;
}
