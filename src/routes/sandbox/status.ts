// How a CloudFormation status reads at a glance: done, failed, rolled back (or rolling back),
// still running, or nothing to worry about. Stack, resource, change set and drift statuses share it.
export type StatusTone = 'ok' | 'bad' | 'warn' | 'progress' | 'neutral';

export function statusTone(status: string): StatusTone {
	if (status.endsWith('FAILED') || status === 'DRIFTED' || status === 'MODIFIED' || status === 'DELETED') return 'bad';
	if (status.includes('ROLLBACK') || status === 'OBSOLETE') return 'warn';
	if (status === 'REVIEW_IN_PROGRESS') return 'neutral';
	if (status.endsWith('IN_PROGRESS') || status.endsWith('PENDING')) return 'progress';
	if (status === 'DELETE_COMPLETE' || status === 'EXECUTE_COMPLETE') return 'neutral';
	if (status.endsWith('COMPLETE') || status === 'IN_SYNC' || status === 'AVAILABLE') return 'ok';
	return 'neutral';
}
