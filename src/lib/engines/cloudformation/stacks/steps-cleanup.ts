// The cleanup phases. UPDATE_COMPLETE_CLEANUP_IN_PROGRESS deletes the old copies of replaced
// resources and the resources the new template no longer has; UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS
// deletes what the failed update created (added resources, new copies). Real logs (reasons.ts
// [EV18][EV20]) show these events with `<LogicalId>-<uuid>` ids, the deleted copy's physical ID
// and no properties. A copy that cannot be deleted is dropped from the stack with a DELETE_FAILED
// event, and the stack still completes (cfn-facts §4).
import { appendResourceEvent } from './events';
import { callHandler } from './handler-calls';
import type { OperationRun } from './run';
import type { ResourceCopy, StackResourceRecord } from './state';
import { endTask, runFor, type PhaseSteps } from './tasks';
import { BOOKKEEPING_MS } from './timing';

export type CleanupMode = 'update' | 'rollback';

/** Whether the cleanup removes the record itself (not just an old copy). */
export function removesRecord(run: OperationRun, record: StackResourceRecord, mode: CleanupMode): boolean {
	if (mode === 'rollback') return record.added === true;
	return !run.plan()?.resources.some((r) => r.logicalId === record.logicalId);
}

function drop(run: OperationRun, record: StackResourceRecord): void {
	const stack = run.stack();
	if (stack) stack.resources = stack.resources.filter((r) => r !== record);
}

export function cleanupSteps(mode: CleanupMode): PhaseSteps {
	const event = (run: OperationRun, record: StackResourceRecord, status: 'DELETE_IN_PROGRESS' | 'DELETE_COMPLETE' | 'DELETE_FAILED' | 'DELETE_SKIPPED', copy: ResourceCopy | StackResourceRecord, reason?: string) => {
		const state = run.state();
		const stack = run.stack();
		if (state && stack) appendResourceEvent(state, stack, record, run.nowMs, status, { cleanup: true, physicalId: copy.physicalId ?? '', ...(reason !== undefined ? { reason } : {}) });
	};
	return {
		start(run, task) {
			const record = run.record(task.logicalId);
			if (!record) return endTask(task, 'done');
			if (removesRecord(run, record, mode)) {
				// RetainExceptOnCreate (the parameter) deletes what the failed update created even with Retain.
				const retain =
					(record.deletionPolicy === 'Retain' && !(mode === 'rollback' && run.op.retainExceptOnCreate === true)) ||
					(mode === 'update' && record.deletionPolicy === 'RetainExceptOnCreate');
				if (retain) {
					event(run, record, 'DELETE_SKIPPED', record);
					drop(run, record);
					return endTask(task, 'done');
				}
				if (record.physicalId === undefined) return runFor(run, task, BOOKKEEPING_MS, { kind: 'forget' });
				event(run, record, 'DELETE_IN_PROGRESS', record);
				return runFor(run, task, run.provider(record.type)?.durations.delete ?? BOOKKEEPING_MS, { kind: 'delete', copy: 'main' });
			}
			const old = record.obsolete;
			if (!old) return endTask(task, 'done');
			if (old.physicalId === undefined || (mode === 'update' && record.updateReplacePolicy === 'Retain')) {
				if (old.physicalId !== undefined) event(run, record, 'DELETE_SKIPPED', old);
				delete record.obsolete;
				return endTask(task, 'done');
			}
			event(run, record, 'DELETE_IN_PROGRESS', old);
			runFor(run, task, run.provider(record.type)?.durations.delete ?? BOOKKEEPING_MS, { kind: 'delete', copy: 'obsolete' });
		},
		advance(run, task) {
			const record = run.record(task.logicalId);
			const finish = task.finish;
			if (!record || !finish) return endTask(task, 'done');
			if (finish.kind === 'forget') {
				event(run, record, 'DELETE_COMPLETE', record);
				drop(run, record);
				return endTask(task, 'done');
			}
			if (finish.kind !== 'delete') return endTask(task, 'done');
			const copy = finish.copy === 'main' ? record : record.obsolete;
			const physicalId = copy?.physicalId;
			const provider = run.provider(record.type);
			let reason: string | undefined;
			if (copy && physicalId !== undefined && provider) {
				const outcome = callHandler(run, record.logicalId, () => provider.delete(run.providerContext(record.logicalId, copy.metadata), physicalId, copy.properties));
				if (!outcome.ok) reason = outcome.reason;
			}
			if (copy) event(run, record, reason === undefined ? 'DELETE_COMPLETE' : 'DELETE_FAILED', copy, reason);
			if (finish.copy === 'main') drop(run, record);
			else delete record.obsolete;
			endTask(task, 'done');
		}
	};
}
