import type { ReplicationAssessment } from '../evidence/assess-replication.ts';
import { fail, list, record, type Where } from '../evidence/read-fields.ts';

const STATUSES = ['independently-replicated', 'not-independently-replicated', 'conflicting', 'inconclusive', 'pending', 'no-evidence'];

function str(value: unknown, where: Where, nullable = false): void {
  if (!(typeof value === 'string' || (nullable && value === null))) fail(nullable ? 'must be a string or null' : 'must be a string', { ...where, code: 'E_INVALID_TYPE' }, value);
}

function strings(value: unknown, where: Where): void {
  list(value, where).forEach((v, i) => str(v, { ...where, field: `${where.field}[${i + 1}]` }));
}

function objects(value: unknown, where: Where, fields: Record<string, 'string' | 'strings'>, optional = false): void {
  list(value, where, optional).forEach((item, i) => {
    const obj = record(item, { ...where, row: i + 1 });
    for (const [key, kind] of Object.entries(fields)) (kind === 'string' ? str : strings)(obj[key], { field: `${where.field}.${key}`, row: i + 1 });
  });
}

/**
 * Checks the parts of a replication assessment that the reports print (as `assessReplication`
 * returns it, or after a JSON round trip): findings with their comparison, status, studies,
 * clusters, pending studies, reasons and results; overlaps; and, when present, merged names and
 * omitted rows. Internal helper of the replication reports.
 *
 * @throws {InputError} naming the field and row that is missing or of the wrong type.
 */
export function readAssessment(value: unknown): ReplicationAssessment {
  const obj = record(value, { field: 'assessment' });
  list(obj.findings, { field: 'findings' }).forEach((item, i) => {
    const row = i + 1;
    const f = record(item, { field: 'findings', row });
    str(f.intervention, { field: 'findings.intervention', row });
    for (const key of ['comparator', 'outcome', 'timepoint']) str(f[key], { field: `findings.${key}`, row }, true);
    if (!STATUSES.includes(f.status as string)) fail(`must be one of ${STATUSES.join(', ')}`, { field: 'findings.status', row }, f.status);
    strings(f.studies, { field: 'findings.studies', row });
    strings(f.reasons, { field: 'findings.reasons', row });
    list(f.clusters, { field: 'findings.clusters', row }).forEach((c, j) => strings(c, { field: `findings.clusters[${j + 1}]`, row }));
    objects(f.pendingStudies, { field: `findings[${row}].pendingStudies` }, { study: 'string', label: 'string', timing: 'string' });
    objects(f.results, { field: `findings[${row}].results` }, { study: 'string', label: 'string' });
  });
  objects(obj.overlaps, { field: 'overlaps' }, { studies: 'strings', basis: 'strings', reasons: 'strings' });
  objects(obj.mergedNames, { field: 'mergedNames' }, { reason: 'string' }, true);
  objects(obj.omitted, { field: 'omitted' }, { reason: 'string' }, true);
  return value as ReplicationAssessment;
}
