// The calls that start operations on stack instances: CreateStackInstances (new targets, and a
// retry of existing ones: calling it again for the same targets is not an error, localstack's
// AWS-validated test_create_stack_set_with_stack_instances), UpdateStackInstances (parameter
// overrides), DeleteStackInstances (RetainStacks keeps the stacks), and StopStackSetOperation.
import type { CreateStackInstancesOutput, DeleteStackInstancesOutput, StopStackSetOperationOutput, UpdateStackInstancesOutput } from '@aws-sdk/client-cloudformation';
import { ValidationError } from '../errors';
import { bool, obj, type CloudFormationContext } from '../stacks/context';
import { beginOperation, requireTemplateSchemas } from './begin';
import { invalidOperation, stackInstanceNotFound } from './errors';
import { accounts, operationId, overrides, parameterList, preferences, regions } from './input';
import { findInstance, replayOf, requireIdle, requireOperation, requireStackSet } from './lookup';
import { MESSAGES } from './messages';
import { orderTargets } from './preferences';
import type { StackSetAction, StackSetRecord } from './state';

/** What every instance call checks first, in AWS's order: the stack set, a retried OperationId, a running operation. */
function prepare(ctx: CloudFormationContext, input: Record<string, unknown>, action: StackSetAction): { set: StackSetRecord; opId?: string; replayed?: string } {
	const set = requireStackSet(ctx.state, input['StackSetName']);
	const opId = operationId(input['OperationId']);
	const replay = replayOf(set, opId, action);
	if (replay) return { set, replayed: replay.operationId };
	requireIdle(set);
	if (input['DeploymentTargets'] !== undefined) throw new ValidationError(MESSAGES.serviceManagedNotSimulated);
	return { set, ...(opId !== undefined ? { opId } : {}) };
}

const pairs = (accts: readonly string[], regs: readonly string[]) => accts.flatMap((account) => regs.map((region) => ({ account, region })));

export function createStackInstances(ctx: CloudFormationContext, raw: unknown): CreateStackInstancesOutput {
	const input = obj(raw);
	const { set, opId, replayed } = prepare(ctx, input, 'CREATE');
	if (replayed !== undefined) return { OperationId: replayed };
	const targets = pairs(accounts(input['Accounts'], true), regions(input['Regions'], true));
	const prefs = preferences(input['OperationPreferences']);
	const given = input['ParameterOverrides'] === undefined ? undefined : parameterList(input['ParameterOverrides']);
	requireTemplateSchemas(set.templateBody);
	for (const t of targets) {
		let instance = findInstance(set, t.account, t.region);
		if (!instance) {
			// A new instance has no stack yet: it is behind the stack set until its stack is created.
			instance = { account: t.account, region: t.region, status: 'OUTDATED', detailedStatus: 'PENDING', parameterOverrides: [] };
			set.instances.push(instance);
		}
		if (given !== undefined) instance.parameterOverrides = overrides(given, instance.parameterOverrides);
	}
	return beginOperation(ctx, set, { action: 'CREATE', targets: orderTargets(targets, prefs), preferences: prefs, ...(opId !== undefined ? { operationId: opId } : {}) });
}

export function updateStackInstances(ctx: CloudFormationContext, raw: unknown): UpdateStackInstancesOutput {
	const input = obj(raw);
	const { set, opId, replayed } = prepare(ctx, input, 'UPDATE');
	if (replayed !== undefined) return { OperationId: replayed };
	const targets = pairs(accounts(input['Accounts'], true), regions(input['Regions'], true));
	const prefs = preferences(input['OperationPreferences']);
	const found = targets.map((t) => findInstance(set, t.account, t.region));
	if (found.some((i) => i === undefined)) throw stackInstanceNotFound();
	requireTemplateSchemas(set.templateBody);
	// Leaving ParameterOverrides out keeps every override as it is (API Reference).
	const given = input['ParameterOverrides'] === undefined ? undefined : parameterList(input['ParameterOverrides']);
	if (given !== undefined) for (const instance of found) if (instance) instance.parameterOverrides = overrides(given, instance.parameterOverrides);
	return beginOperation(ctx, set, { action: 'UPDATE', targets: orderTargets(targets, prefs), preferences: prefs, ...(opId !== undefined ? { operationId: opId } : {}) });
}

export function deleteStackInstances(ctx: CloudFormationContext, raw: unknown): DeleteStackInstancesOutput {
	const input = obj(raw);
	const { set, opId, replayed } = prepare(ctx, input, 'DELETE');
	if (replayed !== undefined) return { OperationId: replayed };
	const retainStacks = bool(input['RetainStacks']);
	if (retainStacks === undefined) throw new ValidationError(MESSAGES.constraint('null', 'retainStacks', 'Member must not be null'));
	const prefs = preferences(input['OperationPreferences']);
	// Targets without an instance have nothing to delete: the operation succeeds without them.
	const targets = pairs(accounts(input['Accounts'], true), regions(input['Regions'], true)).filter((t) => findInstance(set, t.account, t.region));
	return beginOperation(ctx, set, { action: 'DELETE', targets: orderTargets(targets, prefs), preferences: prefs, retainStacks, ...(opId !== undefined ? { operationId: opId } : {}) });
}

/**
 * STOPPING at once; targets that have not started are CANCELLED on the operation's next tick,
 * and it is STOPPED when the running ones are over.
 */
export function stopStackSetOperation(ctx: CloudFormationContext, raw: unknown): StopStackSetOperationOutput {
	const input = obj(raw);
	const set = requireStackSet(ctx.state, input['StackSetName']);
	const op = requireOperation(set, input['OperationId']);
	if (op.status === 'RUNNING') op.status = 'STOPPING';
	// (unverified) that stopping a finished operation is refused with InvalidOperationException.
	else if (op.status !== 'STOPPING') throw invalidOperation();
	return {};
}
