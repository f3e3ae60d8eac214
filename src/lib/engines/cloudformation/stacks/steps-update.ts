// Updating one resource during UpdateStack (real logs: reasons.ts [EV17][EV18]):
// - unchanged after resolution → no event at all;
// - changed in place → UPDATE_IN_PROGRESS → UPDATE_COMPLETE (the handler's update);
// - a change the type's schema marks create-only → replacement:
//     UPDATE_IN_PROGRESS  Requested update requires the creation of a new physical resource; hence creating one.   (old physical ID)
//     UPDATE_IN_PROGRESS  Resource creation Initiated                                                              (new physical ID)
//     UPDATE_COMPLETE
//   and the old copy is deleted later, in UPDATE_COMPLETE_CLEANUP_IN_PROGRESS;
// - a resource new to the template, or one a failed operation left without a physical resource
//   (CREATE_FAILED, retried by an update from CREATE_FAILED or UPDATE_FAILED) → the create sequence;
// - a change the stack policy refuses → UPDATE_FAILED at once (policy-gate.ts).
// What the resource was before is kept on the record until the update is over, for a rollback.
import { changedPaths, getReturnValues, updateBehaviourForChange } from '../resources';
import { logResourceStatus } from './events';
import { callHandler } from './handler-calls';
import { policyRefusal, refuseByPolicy } from './policy-gate';
import type { TaskState } from './operation-context';
import { REASON } from './reasons';
import type { OperationRun } from './run';
import { cachedSchema } from './schemas';
import type { ResourceCopy, StackResourceRecord } from './state';
import { advanceCreate, cancelCreate, refusal, resolveResource, startCreate } from './steps-create';
import { endTask, runFor, type PhaseSteps } from './tasks';
import { BOOKKEEPING_MS, FAILURE_MS, INITIATE_MS } from './timing';

export const sameValue = (a: unknown, b: unknown): boolean => changedPaths(a, b).length === 0;

export function copyOf(record: StackResourceRecord): ResourceCopy {
	return {
		...(record.physicalId !== undefined ? { physicalId: record.physicalId } : {}),
		properties: record.properties,
		attributes: record.attributes,
		...(record.metadata !== undefined ? { metadata: record.metadata } : {}),
		status: record.status,
		...(record.reason !== undefined ? { reason: record.reason } : {}),
		lastUpdated: record.lastUpdated
	};
}

/** Whether going from `before` to `after` replaces the resource, by the type's schema (no schema: in place). */
export function needsReplacement(type: string, before: Record<string, unknown>, after: Record<string, unknown>): boolean {
	const schema = cachedSchema(type);
	if (!schema) return false;
	for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
		if (updateBehaviourForChange(schema, key, before[key], after[key]) === 'Immutable') return true;
	}
	return false;
}

/** A custom name that a replacement would have to reuse (AWS refuses that). */
function keptCustomName(type: string, before: Record<string, unknown>, after: Record<string, unknown>): string | undefined {
	const nameProperty = getReturnValues(type)?.nameProperty;
	if (nameProperty === undefined || before[nameProperty] === undefined) return undefined;
	return sameValue(before[nameProperty], after[nameProperty]) ? String(before[nameProperty]) : undefined;
}

function failUpdate(run: OperationRun, task: TaskState, record: StackResourceRecord, reason: string, properties?: Record<string, unknown>): void {
	const state = run.state();
	const stack = run.stack();
	if (state && stack) logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_FAILED', { reason, ...(properties ? { properties } : {}) });
	if (!run.op.updateFailures.includes(record.logicalId)) run.op.updateFailures.push(record.logicalId);
	endTask(task, 'failed');
}

export const updateSteps: PhaseSteps = {
	start(run, task) {
		const state = run.state();
		const stack = run.stack();
		const plan = run.plan();
		const decl = run.declaration(plan, task.logicalId);
		const record = run.record(task.logicalId);
		if (!state || !stack || !plan || !decl) return endTask(task, 'done');
		if (!record) return startCreate(run, task, true);
		// Left CREATE_FAILED by a failed operation that kept its resources: provisioning is retried.
		if (record.status === 'CREATE_FAILED') return startCreate(run, task, record.added === true);
		record.deletionPolicy = run.policy(plan, decl, 'DeletionPolicy');
		record.updateReplacePolicy = run.policy(plan, decl, 'UpdateReplacePolicy');
		const resolved = resolveResource(run, plan, decl);
		if ('error' in resolved) {
			record.before ??= copyOf(record);
			logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_IN_PROGRESS');
			return failUpdate(run, task, record, resolved.error);
		}
		const { properties, metadata } = resolved;
		const propertiesChanged = !sameValue(record.properties, properties);
		if (!propertiesChanged && sameValue(record.metadata, metadata)) return endTask(task, 'done');
		const replacing = propertiesChanged && needsReplacement(record.type, record.properties, properties);
		const denied = policyRefusal(run, record, replacing ? 'Update:Replace' : 'Update:Modify');
		if (denied !== undefined) return refuseByPolicy(run, record, denied, task);
		record.before ??= copyOf(record);
		if (!propertiesChanged) {
			// Only Metadata changed: CloudFormation records it without calling the handler.
			if (metadata === undefined) delete record.metadata;
			else record.metadata = metadata;
			logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_IN_PROGRESS');
			return runFor(run, task, BOOKKEEPING_MS, { kind: 'complete', status: 'UPDATE_COMPLETE' });
		}
		const refused = refusal(run, record.logicalId, record.type, properties);
		if (replacing) {
			logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_IN_PROGRESS', { reason: REASON.replacementInitiated, properties });
			const name = keptCustomName(record.type, record.properties, properties);
			if (name !== undefined) return failUpdate(run, task, record, REASON.customNameReplacement(name), properties);
			if (refused !== undefined) return failUpdate(run, task, record, refused, properties);
			return runFor(run, task, INITIATE_MS, { kind: 'replace' });
		}
		logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_IN_PROGRESS', { properties });
		if (refused !== undefined) return failUpdate(run, task, record, refused, properties);
		const provider = run.provider(record.type);
		const physicalId = record.physicalId;
		if (!provider || physicalId === undefined) return failUpdate(run, task, record, REASON.notSimulated(record.type, record.logicalId), properties);
		const previous = record.properties;
		const outcome = callHandler(run, record.logicalId, () => provider.update(run.providerContext(record.logicalId, metadata), physicalId, previous, properties));
		if (!outcome.ok) return runFor(run, task, Math.min(provider.durations.update, FAILURE_MS), { kind: 'fail', status: 'UPDATE_FAILED', reason: outcome.reason });
		record.properties = properties;
		record.attributes = outcome.value.attributes;
		if (metadata === undefined) delete record.metadata;
		else record.metadata = metadata;
		runFor(run, task, provider.durations.update, { kind: 'complete', status: 'UPDATE_COMPLETE' });
	},

	advance(run, task) {
		const state = run.state();
		const stack = run.stack();
		const record = run.record(task.logicalId);
		const finish = task.finish;
		if (!state || !stack || !record || !finish) return endTask(task, 'done');
		// Being created: new to the template, or retried after a failed create.
		if (record.added || record.status === 'CREATE_IN_PROGRESS') return advanceCreate(run, task);
		if (finish.kind === 'replace') return replace(run, task, record);
		if (finish.kind === 'complete') {
			logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_COMPLETE');
			return endTask(task, 'done');
		}
		if (finish.kind === 'fail') return failUpdate(run, task, record, finish.reason);
		endTask(task, 'done');
	},

	cancel(run, task) {
		const state = run.state();
		const stack = run.stack();
		const record = run.record(task.logicalId);
		if (record?.added || record?.status === 'CREATE_IN_PROGRESS') return cancelCreate(run, task);
		if (state && stack && record) logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_FAILED', { reason: REASON.updateCancelled });
		if (!run.op.updateFailures.includes(task.logicalId)) run.op.updateFailures.push(task.logicalId);
		endTask(task, 'cancelled');
	}
};

/** The replacement's handler call: a new physical copy, the old one kept for the cleanup. */
function replace(run: OperationRun, task: TaskState, record: StackResourceRecord): void {
	const state = run.state();
	const stack = run.stack();
	const plan = run.plan();
	const decl = run.declaration(plan, record.logicalId);
	const provider = run.provider(record.type);
	if (!state || !stack || !plan || !decl || !provider) return failUpdate(run, task, record, REASON.notSimulated(record.type, record.logicalId));
	const resolved = resolveResource(run, plan, decl);
	if ('error' in resolved) return failUpdate(run, task, record, resolved.error);
	const outcome = callHandler(run, record.logicalId, () => provider.create(run.providerContext(record.logicalId, resolved.metadata), resolved.properties));
	if (!outcome.ok) {
		if (outcome.physicalId !== undefined) {
			// Made, then failed: the half-made copy goes in the rollback's cleanup.
			record.obsolete = { physicalId: outcome.physicalId, properties: resolved.properties, attributes: {}, status: 'CREATE_FAILED', lastUpdated: run.now };
		}
		return runFor(run, task, Math.min(provider.durations.create, FAILURE_MS), { kind: 'fail', status: 'UPDATE_FAILED', reason: outcome.reason });
	}
	if (record.obsolete !== undefined && record.before !== undefined && record.physicalId !== record.before.physicalId) {
		// Replaced again by the retry of a failed update: the copy in between belongs to no state
		// a rollback or the cleanup would keep, so it goes now; the stable copy stays the cleanup's.
		const between = copyOf(record);
		const id = between.physicalId;
		if (id !== undefined) callHandler(run, record.logicalId, () => provider.delete(run.providerContext(record.logicalId, between.metadata), id, between.properties));
	} else record.obsolete = copyOf(record);
	record.physicalId = outcome.value.physicalId;
	record.properties = resolved.properties;
	record.attributes = outcome.value.attributes;
	if (resolved.metadata === undefined) delete record.metadata;
	else record.metadata = resolved.metadata;
	logResourceStatus(state, stack, record, run.nowMs, 'UPDATE_IN_PROGRESS', { reason: REASON.creationInitiated });
	runFor(run, task, provider.durations.create, { kind: 'complete', status: 'UPDATE_COMPLETE' });
}
