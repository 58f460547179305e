import type { CertaintyAssessment } from '../evidence/assess-certainty.ts';
import { fail, list, record } from '../evidence/read-fields.ts';

const LEVELS = ['high', 'moderate', 'low', 'very low', null];

/**
 * Checks the parts of a certainty assessment that the reports print (as `assessCertainty`
 * returns it, or after a JSON round trip). Internal helper of the certainty reports.
 *
 * @throws {InputError} naming the field and row that is missing or of the wrong type.
 */
export function readCertainty(value: unknown): CertaintyAssessment {
  const obj = record(value, { field: 'assessment' });
  if (typeof obj.level !== 'number') fail('must be a number (not a certainty assessment?)', { field: 'assessment.level' }, obj.level);
  list(obj.findings, { field: 'assessment.findings' }).forEach((f, i) => {
    const where = { field: 'assessment.findings', row: i + 1 };
    const finding = record(f, where);
    if (!LEVELS.includes(finding.certainty as string | null)) fail('must be high, moderate, low, very low or null', { ...where, field: 'certainty' }, finding.certainty);
    list(finding.domains, { ...where, field: 'domains' }).forEach((d, j) => {
      const dom = record(d, { ...where, field: `domains[${j + 1}]` });
      if (typeof dom.domain !== 'string' || typeof dom.judgement !== 'string' || typeof dom.downgrade !== 'number') fail('must have domain, judgement and downgrade', { ...where, field: `domains[${j + 1}]` });
      list(dom.reasons, { ...where, field: `domains[${j + 1}].reasons` });
    });
    list(finding.studies, { ...where, field: 'studies' });
    list(finding.reasons, { ...where, field: 'reasons' });
    record(finding.effect, { ...where, field: 'effect' });
  });
  return value as CertaintyAssessment;
}
