// Putting one resource back during UPDATE_ROLLBACK_IN_PROGRESS (AWS's update-monitoring page and
// a real 2017 log, reasons.ts [EV17]): every resource the update touched goes
// UPDATE_IN_PROGRESS → UPDATE_COMPLETE with its old configuration. A replaced resource gets its
// old physical copy back (the new one is deleted in the cleanup that follows); one updated in
// place gets its old properties back through the handler. Resources the update added are left to
// the cleanup. A handler that cannot put a resource back fails it (UPDATE_FAILED), and the stack
// ends UPDATE_ROLLBACK_FAILED until ContinueUpdateRollback.
import { logResourceStatus } from './events';
import { callHandler } from './handler-calls';
import type { TaskState } from './operation-context';
import { REASON } from './reasons';
import type { OperationRun } from './run';
import type { StackResourceRecord } from './state';
import { copyOf, sameValue } from './steps-update';
import { endTask, runFor, type PhaseSteps } from './tasks';
import { BOOKKEEPING_MS, FAILURE_MS } from './timing';

function failRevert(run: OperationRun, task: TaskState, record: StackResourceRecord, reason: string): void {
	const state = run.state();
	const stack = run.stack();
	if (state && stack) logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_FAILED', { reason });
	if (!run.op.phaseFailures.includes(record.logicalId)) run.op.phaseFailures.push(record.logicalId);
	endTask(task, 'failed');
}

export const revertSteps: PhaseSteps = {
	start(run, task) {
		const state = run.state();
		const stack = run.stack();
		const record = run.record(task.logicalId);
		const before = record?.before;
		if (!state || !stack || !record || record.added || !before) return endTask(task, 'done');
		if (run.op.resourcesToSkip.includes(record.logicalId)) {
			// ContinueUpdateRollback's ResourcesToSkip: marked UPDATE_COMPLETE and left as they are.
			record.status = 'UPDATE_COMPLETE';
			delete record.reason;
			delete record.before;
			return endTask(task, 'done');
		}
		// Refused by the stack policy: nothing was done, so only UPDATE_COMPLETE is written ([EV17]).
		if (record.policyDenied) return runFor(run, task, BOOKKEEPING_MS, { kind: 'complete', status: 'UPDATE_COMPLETE' });
		const shown = { properties: before.properties, ...(before.physicalId !== undefined ? { physicalId: before.physicalId } : {}) };
		if (before.physicalId !== record.physicalId) {
			logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_IN_PROGRESS', shown);
			return runFor(run, task, BOOKKEEPING_MS, { kind: 'restore' });
		}
		logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_IN_PROGRESS', shown);
		if (sameValue(record.properties, before.properties)) return runFor(run, task, BOOKKEEPING_MS, { kind: 'complete', status: 'UPDATE_COMPLETE' });
		const provider = run.provider(record.type);
		const physicalId = record.physicalId;
		if (!provider || physicalId === undefined) return failRevert(run, task, record, REASON.notSimulated(record.type, record.logicalId));
		const current = record.properties;
		const outcome = callHandler(run, record.logicalId, () => provider.update(run.providerContext(record.logicalId, before.metadata), physicalId, current, before.properties));
		if (!outcome.ok) return runFor(run, task, Math.min(provider.durations.update, FAILURE_MS), { kind: 'fail', status: 'UPDATE_FAILED', reason: outcome.reason });
		record.properties = before.properties;
		record.attributes = outcome.value.attributes;
		runFor(run, task, provider.durations.update, { kind: 'complete', status: 'UPDATE_COMPLETE' });
	},

	advance(run, task) {
		const state = run.state();
		const stack = run.stack();
		const record = run.record(task.logicalId);
		const finish = task.finish;
		const before = record?.before;
		if (!state || !stack || !record || !finish || !before) return endTask(task, 'done');
		if (finish.kind === 'fail') return failRevert(run, task, record, finish.reason);
		if (finish.kind === 'restore') {
			// The new copy becomes the cleanup's to delete; the old one is the resource again.
			if (record.physicalId !== undefined) record.obsolete = copyOf(record);
			if (before.physicalId === undefined) delete record.physicalId;
			else record.physicalId = before.physicalId;
			record.properties = before.properties;
		}
		record.attributes = before.attributes;
		if (before.metadata === undefined) delete record.metadata;
		else record.metadata = before.metadata;
		delete record.before;
		delete record.policyDenied;
		logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_COMPLETE');
		endTask(task, 'done');
	}
};
