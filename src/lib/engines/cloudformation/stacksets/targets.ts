// One target of an operation, from start to end. It first takes ACCESS_CHECK_MS to assume the
// roles (roles.ts); then it acts on its stack in the target account and Region with the stacks'
// own CreateStack, UpdateStack and DeleteStack, as the execution role (so the stack is a real
// stack there: DescribeStacks lists it and its resources exist), and watches that stack until
// its operation is over. A stack the instance creates is created with OnFailure DELETE: the User
// Guide's troubleshooting page says the stack of a failed create is DELETED.
import type { Parameter } from '@aws-sdk/client-cloudformation';
import { isAwsError } from '../../errors';
import type { Caller } from '../../world-constants';
import { isValidationError } from '../errors';
import { cloudFormationAccessRequests } from '../stacks/access';
import type { CloudFormationContext } from '../stacks/context';
import { STACK_TYPE } from '../stacks/events';
import { createStack, deleteStack, updateStack } from '../stacks/operations';
import { FAILURE_MESSAGES, MESSAGES as STACK_MESSAGES } from '../stacks/reasons';
import { isInProgress, type StackRecord } from '../stacks/state';
import { instanceStackName } from './ids';
import { findInstance } from './lookup';
import { REASON } from './messages';
import { fail, succeed } from './outcomes';
import { checkRoles, sessionCaller } from './roles';
import { iso, type OperationRun } from './run';
import type { ExpectedStackStatus, InstanceRecord, StackSetRecord, TargetRecord } from './state';
import { ACCESS_CHECK_MS } from './timing';

export function startTarget(run: OperationRun, t: TargetRecord): void {
	t.status = 'RUNNING';
	t.step = 'access';
	t.dueAt = iso(run.nowMs + ACCESS_CHECK_MS);
	const instance = findInstance(run.set, t.account, t.region);
	if (instance) instance.detailedStatus = 'RUNNING';
}

/** Moves a RUNNING target on; a due date a damaged save made unreadable counts as due. */
export function stepTarget(run: OperationRun, t: TargetRecord): void {
	if (t.step === 'stack') return watchStack(run, t);
	const due = t.dueAt === undefined ? NaN : Date.parse(t.dueAt);
	if (due > run.nowMs) return;
	actOnStack(run, t);
}

/** The stack set's parameter values with the instance's overrides on top. */
function parametersOf(set: StackSetRecord, instance: InstanceRecord | undefined): Parameter[] {
	const values = new Map(set.parameters.map((p) => [p.key, p.value]));
	for (const o of instance?.parameterOverrides ?? []) values.set(o.key, o.value);
	return [...values].map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
}

function watch(t: TargetRecord, stack: StackRecord, expect: ExpectedStackStatus, eventIndex: number): void {
	t.step = 'stack';
	delete t.dueAt;
	t.stackId = stack.stackId;
	t.expect = expect;
	t.eventIndex = eventIndex;
}

const liveStack = (ctx: CloudFormationContext, stackId: string | undefined): StackRecord | undefined =>
	stackId === undefined ? undefined : ctx.state.stacks.find((s) => s.stackId === stackId && s.status !== 'DELETE_COMPLETE');

function actOnStack(run: OperationRun, t: TargetRecord): void {
	const { op } = run;
	// Retained stacks stay as they are, so no role is assumed (scripts fall back to RetainStacks
	// when a target lost its execution role: aws-samples' account-removal helpers).
	if (op.action === 'DELETE' && op.retainStacks === true) return succeed(run, t);
	const denied = checkRoles(run.host, run.admin.accountId, op.administrationRoleArn, op.executionRoleName, t.account);
	if (denied) return fail(run, t, denied.reason, denied.gate);
	const instance = findInstance(run.set, t.account, t.region);
	try {
		const caller = sessionCaller(t.account, op.executionRoleName);
		const ctx = run.host.context(caller, t.region);
		if (op.action === 'DELETE') removeStack(run, t, ctx, caller, instance);
		else deployStack(run, t, ctx, caller, instance);
	} catch (e) {
		if (!isAwsError(e)) throw e;
		fail(run, t, e.message);
	}
}

function deployStack(run: OperationRun, t: TargetRecord, ctx: CloudFormationContext, caller: Caller, instance: InstanceRecord | undefined): void {
	const { set } = run;
	const common = { TemplateBody: set.templateBody, Parameters: parametersOf(set, instance), Capabilities: set.capabilities, Tags: set.tags };
	const existing = liveStack(ctx, instance?.stackId);
	if (existing) {
		const input = { StackName: existing.stackId, ...common };
		run.host.authorize(caller, cloudFormationAccessRequests(ctx, 'UpdateStack', input));
		const eventIndex = existing.events.length;
		try {
			updateStack(ctx, input);
		} catch (e) {
			// A stack already like the stack set is up to date: nothing to do, and that is a success.
			if (isValidationError(e) && e.message === STACK_MESSAGES.noUpdates) return succeed(run, t, existing.stackId);
			throw e;
		}
		return watch(t, existing, 'UPDATE_COMPLETE', eventIndex);
	}
	// A first deployment, or a retry after the stack of a failed create was deleted.
	const input = { StackName: instanceStackName(run.admin, set.stackSetName, t.account, t.region), ...common, OnFailure: 'DELETE' };
	run.host.authorize(caller, cloudFormationAccessRequests(ctx, 'CreateStack', input));
	const { StackId } = createStack(ctx, input);
	const stack = ctx.state.stacks.find((s) => s.stackId === StackId);
	if (instance && StackId !== undefined) instance.stackId = StackId;
	if (!stack) return fail(run, t, STACK_MESSAGES.doesNotExist(input.StackName));
	watch(t, stack, 'CREATE_COMPLETE', 0);
}

function removeStack(run: OperationRun, t: TargetRecord, ctx: CloudFormationContext, caller: Caller, instance: InstanceRecord | undefined): void {
	const stack = liveStack(ctx, instance?.stackId);
	if (!stack) return succeed(run, t);
	const input = { StackName: stack.stackId };
	run.host.authorize(caller, cloudFormationAccessRequests(ctx, 'DeleteStack', input));
	const eventIndex = stack.events.length;
	deleteStack(ctx, input);
	if (stack.status === 'DELETE_COMPLETE') return succeed(run, t);
	// DeleteStack leaves a stack whose export is still imported as it was, with the reason on it.
	if (stack.status !== 'DELETE_IN_PROGRESS') return fail(run, t, stack.reason ?? FAILURE_MESSAGES.cannotDeleteWhile(stack.stackName, stack.status));
	watch(t, stack, 'DELETE_COMPLETE', eventIndex);
}

/** [CLI-LSI] The first resource that failed in this target's stack operation, else the stack's own reason. */
function failureReason(stack: StackRecord, from: number): string {
	const events = stack.events.slice(Math.max(0, from));
	const resource = events.find((e) => e.type !== STACK_TYPE && e.status.endsWith('_FAILED') && e.reason);
	if (resource?.reason) return REASON.resourceFailed(resource.logicalId, resource.type, resource.reason);
	// (unverified) what AWS reports when no resource failed (an import or export problem).
	const own = [...events].reverse().find((e) => e.type === STACK_TYPE && e.reason && e.reason !== 'User Initiated');
	return own?.reason ?? stack.reason ?? stack.status;
}

function watchStack(run: OperationRun, t: TargetRecord): void {
	const stack = run.host.state(t.account, t.region)?.stacks.find((s) => s.stackId === t.stackId);
	if (!stack) return fail(run, t, STACK_MESSAGES.doesNotExist(t.stackId ?? ''));
	if (isInProgress(stack.status)) return;
	if (stack.status === t.expect) return succeed(run, t, t.expect === 'DELETE_COMPLETE' ? undefined : stack.stackId);
	fail(run, t, failureReason(stack, t.eventIndex ?? 0));
}
