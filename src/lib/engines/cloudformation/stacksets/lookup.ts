// Finding what a call names: a stack set by name (active ones) or by ID (deleted ones too), its
// running operation, an operation by ID, an instance by account and Region.
import type { CloudFormationState } from '../stacks/state';
import { operationIdAlreadyExists, operationInProgress, operationNotFound, stackInstanceNotFound, stackSetNotFound } from './errors';
import { isOperationOver, stackSetsIn, type InstanceRecord, type OperationRecord, type StackSetAction, type StackSetRecord } from './state';

/** A stack set by name (only an ACTIVE one: a deleted name can be reused) or by `<name>:<uuid>`. */
export function findStackSet(state: CloudFormationState, nameOrId: string): StackSetRecord | undefined {
	const sets = stackSetsIn(state);
	if (nameOrId.includes(':')) return sets.find((s) => s.stackSetId === nameOrId);
	return sets.find((s) => s.stackSetName === nameOrId && s.status === 'ACTIVE');
}

export function requireStackSet(state: CloudFormationState, nameOrId: unknown): StackSetRecord {
	const name = typeof nameOrId === 'string' ? nameOrId : '';
	const set = name ? findStackSet(state, name) : undefined;
	if (!set) throw stackSetNotFound(name);
	return set;
}

/** The operation still running on the stack set, if any. */
export const runningOperation = (set: StackSetRecord): OperationRecord | undefined => set.operations.find((o) => !isOperationOver(o.status));

/** One operation at a time per stack set. */
export function requireIdle(set: StackSetRecord): void {
	if (runningOperation(set)) throw operationInProgress(set.arn);
}

/**
 * A retried request: the OperationId of an operation the stack set already ran. The same action
 * answers with that operation again (the ID is an idempotency token); another action is refused.
 */
export function replayOf(set: StackSetRecord, operationId: string | undefined, action: StackSetAction): OperationRecord | undefined {
	if (operationId === undefined) return undefined;
	const earlier = set.operations.find((o) => o.operationId === operationId);
	if (earlier && earlier.action !== action) throw operationIdAlreadyExists();
	return earlier;
}

export function requireOperation(set: StackSetRecord, operationId: unknown): OperationRecord {
	const op = typeof operationId === 'string' ? set.operations.find((o) => o.operationId === operationId) : undefined;
	if (!op) throw operationNotFound();
	return op;
}

export const findInstance = (set: StackSetRecord, account: string, region: string): InstanceRecord | undefined =>
	set.instances.find((i) => i.account === account && i.region === region);

export function requireInstance(set: StackSetRecord, account: unknown, region: unknown): InstanceRecord {
	const found = typeof account === 'string' && typeof region === 'string' ? findInstance(set, account, region) : undefined;
	if (!found) throw stackInstanceNotFound();
	return found;
}
