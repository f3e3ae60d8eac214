// How a CloudFormation status reads at a glance: done, failed, rolled back (or rolling back),
// still running, or nothing to worry about. Stack, resource, change set, drift and StackSets
// (operation, result, instance, account gate) statuses share it.
export type StatusTone = 'ok' | 'bad' | 'warn' | 'progress' | 'neutral';

const OK = new Set(['IN_SYNC', 'AVAILABLE', 'SUCCEEDED', 'CURRENT', 'ACTIVE']);
const PROGRESS = new Set(['RUNNING', 'STOPPING', 'QUEUED']);

export function statusTone(status: string): StatusTone {
	if (status.endsWith('FAILED') || status === 'DRIFTED' || status === 'MODIFIED' || status === 'DELETED' || status === 'INOPERABLE') return 'bad';
	// OUTDATED: a stack instance that does not (yet) have the stack set's template.
	if (status.includes('ROLLBACK') || status === 'OBSOLETE' || status === 'OUTDATED') return 'warn';
	if (status === 'REVIEW_IN_PROGRESS') return 'neutral';
	if (status.endsWith('IN_PROGRESS') || status.endsWith('PENDING') || PROGRESS.has(status)) return 'progress';
	if (status === 'DELETE_COMPLETE' || status === 'EXECUTE_COMPLETE') return 'neutral';
	if (status.endsWith('COMPLETE') || OK.has(status)) return 'ok';
	return 'neutral';
}
