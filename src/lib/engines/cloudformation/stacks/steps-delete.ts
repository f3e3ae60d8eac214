// Deleting one resource (DeleteStack, the rollback of a failed create, OnFailure=DELETE):
//   DELETE_IN_PROGRESS → DELETE_COMPLETE, or DELETE_FAILED with the handler's reason;
//   DeletionPolicy Retain (or a RetainResources entry) → one DELETE_SKIPPED;
//   a resource that never got a physical ID → one DELETE_COMPLETE, no handler call
//   (the failed and the cancelled resources of a real 2024 rollback, reasons.ts [EV24]).
// RetainExceptOnCreate keeps a resource on DeleteStack but not when a create rolls back; the
// RetainExceptOnCreate *parameter* (CreateStack, UpdateStack, RollbackStack) makes a rollback
// delete Retain resources too: they were all created by the operation being rolled back.
// DeleteStack's DeletionMode FORCE_DELETE_STACK "skips all resources that are failing to delete",
// which then show DELETE_SKIPPED (User Guide, "Deleting a stack"): a resource already DELETE_FAILED
// is skipped without another try, and one that fails now is skipped with the handler's reason.
import { logResourceStatus } from './events';
import { callHandler } from './handler-calls';
import type { OperationRun } from './run';
import type { StackResourceRecord } from './state';
import { endTask, runFor, type PhaseSteps } from './tasks';
import { BOOKKEEPING_MS } from './timing';

export type DeleteMode = 'rollback' | 'delete';

function retained(run: OperationRun, record: StackResourceRecord, mode: DeleteMode): boolean {
	if (mode === 'delete' && run.op.retainResources.includes(record.logicalId)) return true;
	if (record.deletionPolicy === 'Retain') return !(mode === 'rollback' && run.op.retainExceptOnCreate === true);
	return record.deletionPolicy === 'RetainExceptOnCreate' && mode === 'delete';
}

export function deleteSteps(mode: DeleteMode): PhaseSteps {
	return {
		start(run, task) {
			const state = run.state();
			const stack = run.stack();
			const record = run.record(task.logicalId);
			if (!state || !stack || !record || record.status === 'DELETE_COMPLETE' || record.status === 'DELETE_SKIPPED') return endTask(task, 'done');
			if (retained(run, record, mode) || (run.op.forceDelete === true && record.status === 'DELETE_FAILED')) {
				logResourceStatus(state, stack, record, run.nowMs, 'DELETE_SKIPPED');
				return endTask(task, 'done');
			}
			if (record.physicalId === undefined) return runFor(run, task, BOOKKEEPING_MS, { kind: 'forget' });
			logResourceStatus(state, stack, record, run.nowMs, 'DELETE_IN_PROGRESS');
			runFor(run, task, run.provider(record.type)?.durations.delete ?? BOOKKEEPING_MS, { kind: 'delete', copy: 'main' });
		},
		advance(run, task) {
			const state = run.state();
			const stack = run.stack();
			const record = run.record(task.logicalId);
			const finish = task.finish;
			if (!state || !stack || !record || !finish) return endTask(task, 'done');
			if (finish.kind === 'delete' && record.physicalId !== undefined) {
				const provider = run.provider(record.type);
				if (provider) {
					const physicalId = record.physicalId;
					const outcome = callHandler(run, record.logicalId, () => provider.delete(run.providerContext(record.logicalId, record.metadata), physicalId, record.properties));
					if (!outcome.ok && run.op.forceDelete === true) {
						logResourceStatus(state, stack, record, run.nowMs, 'DELETE_SKIPPED', { reason: outcome.reason });
						return endTask(task, 'done');
					}
					if (!outcome.ok) {
						logResourceStatus(state, stack, record, run.nowMs, 'DELETE_FAILED', { reason: outcome.reason });
						run.op.phaseFailures.push(record.logicalId);
						return endTask(task, 'failed');
					}
				}
			}
			deleteObsoleteCopy(run, record);
			logResourceStatus(state, stack, record, run.nowMs, 'DELETE_COMPLETE');
			endTask(task, 'done');
		}
	};
}

/**
 * A stack deleted while an update's bookkeeping is pending (UPDATE_ROLLBACK_FAILED) still owns a
 * second physical copy of some resources; it goes with the resource, best effort.
 */
function deleteObsoleteCopy(run: OperationRun, record: StackResourceRecord): void {
	const copy = record.obsolete;
	const provider = run.provider(record.type);
	delete record.obsolete;
	if (!copy?.physicalId || !provider) return;
	const physicalId = copy.physicalId;
	callHandler(run, record.logicalId, () => provider.delete(run.providerContext(record.logicalId, copy.metadata), physicalId, copy.properties));
}
