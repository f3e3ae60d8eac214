// Where an update meets the stack policy. Each resource the update would modify or replace is
// checked when its turn comes; resources the new template drops (Update:Delete) are checked before
// the update touches anything, because their deletion only happens in the cleanup, which can no
// longer fail the update. A refused resource goes straight to UPDATE_FAILED with AWS's reason and
// no UPDATE_IN_PROGRESS before it, as in the real 2017 log (reasons.ts [EV17]); the update then
// fails like any other (rolled back, or UPDATE_FAILED with DisableRollback).
import { logResourceStatus } from './events';
import type { TaskState } from './operation-context';
import type { OperationRun } from './run';
import { checkStackPolicy, type StackPolicyAction } from './stack-policy';
import type { StackResourceRecord } from './state';
import { copyOf } from './steps-update';
import { endTask } from './tasks';

/** The policy governing the running update: its StackPolicyDuringUpdateBody, else the stack's own. */
function policyText(run: OperationRun): string | undefined {
	const stack = run.stack();
	return stack?.stackPolicyDuringUpdate ?? stack?.stackPolicyBody;
}

/** AWS's refusal for this resource and action, or undefined when the policy allows it. */
export function policyRefusal(run: OperationRun, record: StackResourceRecord, action: StackPolicyAction): string | undefined {
	const decision = checkStackPolicy(policyText(run), { action, logicalId: record.logicalId, resourceType: record.type });
	return decision.allowed ? undefined : decision.reason;
}

/** Fails a resource the policy refused: nothing was done to it, so its rollback has nothing to undo. */
export function refuseByPolicy(run: OperationRun, record: StackResourceRecord, reason: string, task?: TaskState): void {
	const state = run.state();
	const stack = run.stack();
	record.before ??= copyOf(record);
	record.policyDenied = true;
	if (state && stack) logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_FAILED', { reason });
	if (!run.op.updateFailures.includes(record.logicalId)) run.op.updateFailures.push(record.logicalId);
	if (task) endTask(task, 'failed');
}

/** Update:Delete on the resources the new template drops; false when one is refused (the update fails). */
export function checkRemovals(run: OperationRun): boolean {
	const stack = run.stack();
	const plan = run.plan();
	if (!stack || !plan) return true;
	let ok = true;
	for (const record of stack.resources) {
		if (plan.resources.some((r) => r.logicalId === record.logicalId) || record.status === 'DELETE_COMPLETE') continue;
		const reason = policyRefusal(run, record, 'Update:Delete');
		if (reason === undefined) continue;
		refuseByPolicy(run, record, reason);
		ok = false;
	}
	return ok;
}
