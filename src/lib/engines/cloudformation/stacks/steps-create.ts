// Creating one resource (CreateStack, or a resource an update adds), event by event as in real
// logs (reasons.ts [EV20][EV24]):
//   CREATE_IN_PROGRESS                                (no physical ID yet, the resolved properties)
//   CREATE_IN_PROGRESS  Resource creation Initiated   (the handler made it: physical ID known)
//   CREATE_COMPLETE
// or CREATE_FAILED with the reason. Properties that fail the type's schema, and types the
// simulator does not model, fail right after the first event, before any handler is called.
import { isAwsError } from '../../errors';
import { propertiesValidationFailedMessage, validateProperties } from '../resources';
import { resolveProperties, resolveValue, type StackPlan } from '../template';
import { childPointer } from '../template/source-map';
import type { ResourceDeclaration } from '../template/model';
import { logResourceStatus } from './events';
import { callHandler } from './handler-calls';
import type { TaskState } from './operation-context';
import { REASON } from './reasons';
import type { OperationRun } from './run';
import { cachedSchema } from './schemas';
import type { StackResourceRecord } from './state';
import { endTask, runFor } from './tasks';
import { FAILURE_MS, INITIATE_MS } from './timing';

export interface Resolved {
	properties: Record<string, unknown>;
	metadata?: unknown;
}

/** A resource's properties and metadata resolved now; a template error comes back as its message. */
export function resolveResource(run: OperationRun, plan: StackPlan, decl: ResourceDeclaration): Resolved | { error: string } {
	const pointer = childPointer('/Resources', decl.logicalId);
	try {
		const ctx = run.resolveContext(plan);
		const properties = resolveProperties(decl.properties, ctx, childPointer(pointer, 'Properties')) as Record<string, unknown>;
		const metadata = decl.metadata === undefined ? undefined : resolveValue(decl.metadata, ctx, childPointer(pointer, 'Metadata'));
		return { properties, ...(metadata !== undefined ? { metadata } : {}) };
	} catch (e) {
		if (isAwsError(e)) return { error: e.message };
		throw e;
	}
}

/** Why the resource cannot go to a handler: its type is not simulated, or its properties fail the schema. */
export function refusal(run: OperationRun, logicalId: string, type: string, properties: Record<string, unknown>): string | undefined {
	if (!run.provider(type)) return REASON.notSimulated(type, logicalId);
	const schema = cachedSchema(type);
	if (!schema) return undefined;
	const problems = validateProperties(schema, properties);
	return problems.length > 0 ? propertiesValidationFailedMessage(logicalId, problems) : undefined;
}

function newRecord(run: OperationRun, plan: StackPlan, decl: ResourceDeclaration, added: boolean): StackResourceRecord {
	const record: StackResourceRecord = {
		logicalId: decl.logicalId,
		type: decl.type,
		status: 'CREATE_IN_PROGRESS',
		properties: {},
		attributes: {},
		deletionPolicy: run.policy(plan, decl, 'DeletionPolicy'),
		updateReplacePolicy: run.policy(plan, decl, 'UpdateReplacePolicy'),
		lastUpdated: run.now,
		...(added ? { added: true } : {})
	};
	const stack = run.stack();
	const at = stack ? stack.resources.findIndex((r) => r.logicalId === decl.logicalId) : -1;
	if (!stack) return record;
	if (at < 0) {
		stack.resources.push(record);
		return record;
	}
	// A retry of a resource a failed operation left CREATE_FAILED: it keeps its place in the list,
	// and a copy its handler made before failing is the next cleanup's to delete.
	const failed = stack.resources[at] as StackResourceRecord;
	if (failed.physicalId !== undefined) {
		record.obsolete = { physicalId: failed.physicalId, properties: failed.properties, attributes: failed.attributes, status: failed.status, lastUpdated: failed.lastUpdated };
	}
	stack.resources[at] = record;
	return record;
}

export function startCreate(run: OperationRun, task: TaskState, added: boolean): void {
	const state = run.state();
	const stack = run.stack();
	const plan = run.plan();
	const decl = run.declaration(plan, task.logicalId);
	if (!state || !stack || !plan || !decl) return endTask(task, 'done');
	const record = newRecord(run, plan, decl, added);
	const resolved = resolveResource(run, plan, decl);
	if ('error' in resolved) {
		logResourceStatus(state, stack, record, run.nowMs, 'CREATE_IN_PROGRESS');
		return failCreate(run, task, record, resolved.error);
	}
	record.properties = resolved.properties;
	if (resolved.metadata !== undefined) record.metadata = resolved.metadata;
	logResourceStatus(state, stack, record, run.nowMs, 'CREATE_IN_PROGRESS');
	const refused = refusal(run, decl.logicalId, decl.type, record.properties);
	if (refused !== undefined) return failCreate(run, task, record, refused);
	runFor(run, task, INITIATE_MS, { kind: 'initiate' });
}

export function advanceCreate(run: OperationRun, task: TaskState): void {
	const state = run.state();
	const stack = run.stack();
	const record = run.record(task.logicalId);
	const finish = task.finish;
	if (!state || !stack || !record || !finish) return endTask(task, 'done');
	if (finish.kind === 'initiate') {
		const provider = run.provider(record.type);
		if (!provider) return failCreate(run, task, record, REASON.notSimulated(record.type, record.logicalId));
		const outcome = callHandler(run, record.logicalId, () => provider.create(run.providerContext(record.logicalId, record.metadata), record.properties));
		if (outcome.ok) {
			record.physicalId = outcome.value.physicalId;
			record.attributes = outcome.value.attributes;
			logResourceStatus(state, stack, record, run.nowMs, 'CREATE_IN_PROGRESS', { reason: REASON.creationInitiated });
			return runFor(run, task, provider.durations.create, { kind: 'complete', status: 'CREATE_COMPLETE' });
		}
		if (outcome.physicalId !== undefined) {
			// The handler made the resource before it failed: rollback deletes it.
			record.physicalId = outcome.physicalId;
			logResourceStatus(state, stack, record, run.nowMs, 'CREATE_IN_PROGRESS', { reason: REASON.creationInitiated });
		}
		return runFor(run, task, Math.min(provider.durations.create, FAILURE_MS), { kind: 'fail', status: 'CREATE_FAILED', reason: outcome.reason });
	}
	if (finish.kind === 'complete') {
		logResourceStatus(state, stack, record, run.nowMs, 'CREATE_COMPLETE');
		return endTask(task, 'done');
	}
	if (finish.kind === 'fail') return failCreate(run, task, record, finish.reason);
	endTask(task, 'done');
}

export function failCreate(run: OperationRun, task: TaskState, record: StackResourceRecord, reason: string): void {
	const state = run.state();
	const stack = run.stack();
	if (state && stack) logResourceStatus(state, stack, record, run.nowMs, 'CREATE_FAILED', { reason });
	if (!run.op.createFailures.includes(record.logicalId)) run.op.createFailures.push(record.logicalId);
	endTask(task, 'failed');
}

export function cancelCreate(run: OperationRun, task: TaskState): void {
	const state = run.state();
	const stack = run.stack();
	const record = run.record(task.logicalId);
	if (state && stack && record) logResourceStatus(state, stack, record, run.nowMs, 'CREATE_FAILED', { reason: REASON.creationCancelled });
	if (!run.op.createFailures.includes(task.logicalId)) run.op.createFailures.push(task.logicalId);
	endTask(task, 'cancelled');
}
