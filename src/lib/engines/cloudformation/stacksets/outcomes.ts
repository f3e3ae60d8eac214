// How a target's end shows on its result row and on its stack instance (User Guide, "Stack set
// and stack instance status codes"; API Reference, StackInstance and StackInstanceSummary):
// - success: the result SUCCEEDED; a created or updated instance CURRENT/SUCCEEDED, a deleted one
//   gone from the stack set;
// - failure: the result FAILED with the reason; a created or updated instance OUTDATED/FAILED with
//   the same StatusReason ([UG-TS]); a failed delete leaves the instance INOPERABLE;
// - cancellation: the result CANCELLED ([API-LR]); the instance CANCELLED, OUTDATED unless the
//   operation was a delete (its stack is untouched).
import { findInstance } from './lookup';
import { ACCOUNT_GATE_NOT_FOUND } from './messages';
import type { OperationRun } from './run';
import type { TargetRecord } from './state';
import type { AccessDenial } from './roles';

function settled(t: TargetRecord): void {
	delete t.step;
	delete t.dueAt;
}

export function succeed(run: OperationRun, t: TargetRecord, stackId?: string): void {
	settled(t);
	t.status = 'SUCCEEDED';
	delete t.reason;
	t.gate = { status: 'SKIPPED', reason: ACCOUNT_GATE_NOT_FOUND };
	const { set, op } = run;
	const instance = findInstance(set, t.account, t.region);
	if (!instance) return;
	if (op.action === 'DELETE') {
		set.instances = set.instances.filter((i) => i !== instance);
		return;
	}
	instance.status = 'CURRENT';
	instance.detailedStatus = 'SUCCEEDED';
	delete instance.reason;
	if (stackId !== undefined) instance.stackId = stackId;
}

export function fail(run: OperationRun, t: TargetRecord, reason: string, gate?: AccessDenial['gate']): void {
	settled(t);
	t.status = 'FAILED';
	t.reason = reason;
	t.gate = gate ?? { status: 'SKIPPED', reason: ACCOUNT_GATE_NOT_FOUND };
	const instance = findInstance(run.set, t.account, t.region);
	if (!instance) return;
	// (unverified) whether a failed delete's DetailedStatus is INOPERABLE or FAILED: the API
	// Reference describes INOPERABLE in both lists with the same words.
	const deleting = run.op.action === 'DELETE';
	instance.status = deleting ? 'INOPERABLE' : 'OUTDATED';
	instance.detailedStatus = deleting ? 'INOPERABLE' : 'FAILED';
	instance.reason = reason;
}

export function cancel(run: OperationRun, t: TargetRecord, reason: string): void {
	settled(t);
	t.status = 'CANCELLED';
	t.reason = reason;
	delete t.gate;
	const instance = findInstance(run.set, t.account, t.region);
	if (!instance) return;
	instance.detailedStatus = 'CANCELLED';
	// (unverified) that the instance repeats the result's reason.
	instance.reason = reason;
	if (run.op.action !== 'DELETE') instance.status = 'OUTDATED';
}
