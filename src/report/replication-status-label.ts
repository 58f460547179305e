import type { ReplicationStatus } from '../evidence/assess-replication.ts';

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
 * @example
 * replicationStatusLabel('not-independently-replicated') // => 'not independently replicated'
 */
export function replicationStatusLabel(status: ReplicationStatus): string {
  return LABELS[status];
}
