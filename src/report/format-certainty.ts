import type { CertaintyAssessment } from '../evidence/assess-certainty.ts';
import { describeValid } from '../evidence/describe-comparison.ts';
import { certaintyEffectText } from './certainty-effect-text.ts';
import { readCertainty } from './read-certainty.ts';
import { ratedDown } from './summary-of-findings.ts';
import { readResult } from '../read-result.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Plain-text printout of a certainty assessment (`formatResult` uses it): per finding the
 * comparison, the effect, the certainty and the domains rated down, then each domain with its
 * judgement and reasons.
 *
 * @throws {InputError} when `assessment` is not a certainty assessment.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * formatCertainty(assessCertainty(seed)).split('\n')[0] // => 'Certainty of the evidence (GRADE-style, 4 findings)'
 */
export function formatCertainty(assessment: CertaintyAssessment): string {
  return readResult(assessment, 'assessCertainty', 'assessment', () => {
    const a = readCertainty(assessment);
    const lines = [`Certainty of the evidence (GRADE-style, ${a.findings.length} ${a.findings.length === 1 ? 'finding' : 'findings'})`];
    for (const f of a.findings) {
      lines.push('', describeValid(f), `  Certainty: ${f.certainty ?? 'not rated (no results)'}; rated down: ${ratedDown(f)}`);
      if (f.certainty !== null) lines.push(`  Effect: ${certaintyEffectText(f.effect, a.level)}; ${count(f.studies.length, 'study', 'studies')}, ${count(f.clusters, 'independent cluster', 'independent clusters')}, ${count(f.cohorts, 'cohort', 'cohorts')}`);
      for (const d of f.domains) lines.push(`  - ${d.domain}: ${d.judgement}${d.downgrade > 0 ? ` (−${d.downgrade})` : ''}. ${d.reasons.join(' ')}`);
      if (f.certainty === null) lines.push(`  ${f.reasons.join(' ')}`);
    }
    return `${lines.join('\n')}\n`;
  });
}
