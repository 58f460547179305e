import type { ReplicationStatus } from '../evidence/assess-replication.ts';
import { assertOneOf } from '../errors.ts';

const LABELS: Record<ReplicationStatus, string> = {
  'independently-replicated': 'independently replicated',
  'not-independently-replicated': 'not independently replicated',
  conflicting: 'conflicting',
  inconclusive: 'inconclusive',
  pending: 'pending',
  'no-evidence': 'no evidence',
};

/**
 * The replication status in words, for reports.
 *
 * @throws {InputError} for a status that is not a `ReplicationStatus`.
 * @example
 * replicationStatusLabel('not-independently-replicated') // => 'not independently replicated'
 */
export function replicationStatusLabel(status: ReplicationStatus): string {
  assertOneOf(status, Object.keys(LABELS) as ReplicationStatus[], 'status');
  return LABELS[status];
}
