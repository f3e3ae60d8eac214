// Starting an operation: its record (every target PENDING), the instances it touches marked
// PENDING with it as their LastOperationId, and its job on the clock. An operation with nothing
// to do is SUCCEEDED at once (DeleteStackInstances on an instance that does not exist "instantly
// returns succeeded": aws/copilot-cli#5060).
import { AwsError } from '../../errors';
import { RESOURCE_CATALOG } from '../resources';
import type { CloudFormationContext } from '../stacks/context';
import { requireSchemas } from '../stacks/schemas';
import { validateTemplate } from '../template';
import type { StackSetHost } from './environment';
import { newOperationId } from './ids';
import { findInstance } from './lookup';
import type { OperationRecord, PreferencesRecord, StackSetAction, StackSetRecord } from './state';
import { OPERATION_START_MS } from './timing';

export function hostOf(ctx: CloudFormationContext): StackSetHost {
	if (!ctx.stackSets) throw new AwsError('InternalFailure', 'StackSets is not available to this CloudFormation context.', { fault: 'server' });
	return ctx.stackSets;
}

/** Every resource type a template declares (its stacks may need any of their schemas). */
export function templateTypes(body: string): string[] {
	try {
		return [...new Set(validateTemplate(body, RESOURCE_CATALOG).model.resources.map((r) => r.type))];
	} catch {
		return [];
	}
}

/** Refuses the call (retryable) until the schemas the instances' stacks need are loaded. */
export const requireTemplateSchemas = (body: string): void => requireSchemas(templateTypes(body));

export interface OperationSpec {
	action: StackSetAction;
	/** In the order the operation works through them (preferences.ts orderTargets). */
	targets: { account: string; region: string }[];
	preferences: PreferencesRecord;
	retainStacks?: boolean;
	operationId?: string;
}

export function beginOperation(ctx: CloudFormationContext, set: StackSetRecord, spec: OperationSpec): { OperationId: string } {
	const host = hostOf(ctx);
	const now = ctx.clock.now().toISOString();
	const operationId = spec.operationId ?? newOperationId(ctx.state, set.stackSetId);
	const op: OperationRecord = {
		operationId,
		action: spec.action,
		status: 'RUNNING',
		preferences: spec.preferences,
		...(spec.retainStacks !== undefined ? { retainStacks: spec.retainStacks } : {}),
		administrationRoleArn: set.administrationRoleArn,
		executionRoleName: set.executionRoleName,
		creationTimestamp: now,
		targets: spec.targets.map((t) => ({ account: t.account, region: t.region, status: 'PENDING' }))
	};
	set.operations.push(op);
	for (const t of op.targets) {
		const instance = findInstance(set, t.account, t.region);
		if (!instance) continue;
		instance.detailedStatus = 'PENDING';
		instance.lastOperationId = operationId;
		// The template or parameters change under an update: until it reaches the stack, it is behind.
		if (spec.action === 'UPDATE') instance.status = 'OUTDATED';
	}
	if (op.targets.length === 0) {
		op.status = 'SUCCEEDED';
		op.endTimestamp = now;
		return { OperationId: operationId };
	}
	host.startJob({
		startedAt: now,
		dueAt: new Date(ctx.clock.nowMs() + OPERATION_START_MS).toISOString(),
		accountId: ctx.state.accountId,
		region: ctx.state.region,
		stackSetId: set.stackSetId,
		operationId,
		resourceTypes: templateTypes(set.templateBody),
		finished: false
	});
	return { OperationId: operationId };
}
