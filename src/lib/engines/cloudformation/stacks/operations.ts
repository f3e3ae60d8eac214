// The operations that change stacks: CreateStack, UpdateStack, DeleteStack, CancelUpdateStack,
// ContinueUpdateRollback, UpdateTerminationProtection (and ValidateTemplate, which changes
// nothing). Each checks everything CloudFormation checks before it answers (template, parameter
// values, capabilities, the stack's status), records the stack's *_IN_PROGRESS "User Initiated"
// event, and starts the operation's machine; the resources are created as the clock moves.
// RollbackStack is in rollback-stack.ts, the stack policy calls in stack-policy-operations.ts,
// which status allows which operation in status-rules.ts.
import type {
	CancelUpdateStackInput,
	ContinueUpdateRollbackOutput,
	CreateStackOutput,
	Parameter,
	UpdateStackOutput,
	UpdateTerminationProtectionOutput,
	ValidateTemplateOutput
} from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../errors';
import { InsufficientCapabilitiesException, ValidationError } from '../errors';
import { RESOURCE_CATALOG } from '../resources';
import { missingCapabilities, planStack, validateTemplate, type StackPlan, type ValidatedTemplate } from '../template';
import { bool, findStack, obj, requireStack, str, strings, type CloudFormationContext } from './context';
import type { OperationCaller } from './environment';
import { logStackStatus } from './events';
import { importersOf } from './exports';
import { newStackId } from './ids';
import type { OperationKind } from './operation-context';
import { FAILURE_MESSAGES, MESSAGES, REASON } from './reasons';
import { requireSchemas } from './schemas';
import { policyFromInput } from './stack-policy-operations';
import { hasStableState, isInProgress, type OnFailure, type StackParameterRecord, type StackRecord } from './state';
import { PAUSED_FAILURES, requireUpdatable } from './status-rules';
import { OPERATION_START_MS } from './timing';

const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/;
const ON_FAILURE: readonly OnFailure[] = ['DO_NOTHING', 'ROLLBACK', 'DELETE'];
const MINUTE_MS = 60_000;

export function templateText(input: Record<string, unknown>): string {
	const body = str(input['TemplateBody']);
	const url = str(input['TemplateURL']);
	if (body !== undefined && url !== undefined) throw new ValidationError('You cannot specify both TemplateURL and TemplateBody.');
	if (url !== undefined) throw new ValidationError(MESSAGES.templateUrlNotSupported);
	if (body === undefined) throw new ValidationError(MESSAGES.templateBodyOrUrl);
	return body;
}

export function validateTemplateOperation(_ctx: CloudFormationContext, raw: unknown): ValidateTemplateOutput {
	return validateTemplate(templateText(obj(raw)), RESOURCE_CATALOG).output;
}

export function suppliedParameters(raw: unknown): Parameter[] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) throw new ValidationError('Parameters must be a list of {ParameterKey, ParameterValue}.');
	return raw.map((p) => {
		const o = obj(p);
		const key = str(o['ParameterKey']);
		const value = str(o['ParameterValue']);
		const usePrevious = bool(o['UsePreviousValue']);
		return { ...(key !== undefined ? { ParameterKey: key } : {}), ...(value !== undefined ? { ParameterValue: value } : {}), ...(usePrevious !== undefined ? { UsePreviousValue: usePrevious } : {}) };
	});
}

/** Every declared parameter with the text value in force (given, previous, or the default). */
export function parameterRecords(template: ValidatedTemplate, supplied: readonly Parameter[], previous: readonly StackParameterRecord[] = []): StackParameterRecord[] {
	return template.model.parameters.map((d) => {
		const given = supplied.find((p) => p.ParameterKey === d.key);
		const value = given?.UsePreviousValue ? (previous.find((p) => p.key === d.key)?.value ?? d.default ?? '') : (given?.ParameterValue ?? d.default ?? '');
		return { key: d.key, value };
	});
}

export function tagsOf(raw: unknown): { Key: string; Value: string }[] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) throw new ValidationError('Tags must be a list of {Key, Value}.');
	if (raw.length > 50) throw new ValidationError('1 validation error detected: Value at \'tags\' failed to satisfy constraint: Member must have length less than or equal to 50');
	return raw.map((t) => {
		const o = obj(t);
		const key = str(o['Key']);
		const value = str(o['Value']);
		if (key === undefined || value === undefined || key.length < 1 || key.length > 128 || value.length > 256) throw new ValidationError('Every tag needs a Key of 1 to 128 characters and a Value of up to 256 characters.');
		return { Key: key, Value: value };
	});
}

export function checkCapabilities(template: ValidatedTemplate, acknowledged: readonly string[]): void {
	const missing = missingCapabilities(template.capabilities.capabilities, acknowledged);
	if (missing.length > 0) throw new InsufficientCapabilitiesException(missing);
}

/** Who runs the resource operations: the stack's service role when it has one, else the caller. */
export function operationCaller(ctx: CloudFormationContext, roleArn: string | undefined): OperationCaller {
	if (roleArn === undefined) {
		const { arn, accountId, context, session } = ctx.caller;
		return { arn, accountId, ...(context ? { context } : {}), ...(session ? { session } : {}) };
	}
	const roleName = roleArn.split('/').pop() ?? '';
	return { arn: `arn:aws:sts::${ctx.state.accountId}:assumed-role/${roleName}/AWSCloudFormation`, accountId: ctx.state.accountId };
}

export function checkRole(ctx: CloudFormationContext, roleArn: string | undefined): void {
	if (roleArn !== undefined && !ctx.roleExists(roleArn)) throw new ValidationError(`Role ${roleArn} is invalid or cannot be assumed`);
}

export function plan(ctx: CloudFormationContext, template: ValidatedTemplate, stackName: string, stackId: string, supplied: readonly Parameter[], previous?: readonly StackParameterRecord[]): StackPlan {
	return planStack(template, {
		accountId: ctx.state.accountId,
		region: ctx.region,
		stackName,
		stackId,
		parameters: supplied,
		...(previous ? { previousParameters: Object.fromEntries(previous.map((p) => [p.key, p.value])) } : {})
	});
}

export interface StartFields {
	caller: OperationCaller;
	onFailure?: OnFailure;
	retainResources?: string[];
	resourcesToSkip?: string[];
	resourceTypes?: string[];
	/** RollbackStack: which rollback (an update's, back to the last stable state, or a create's). */
	phase?: 'updateRollback' | 'rollback';
	deadline?: string;
	retainExceptOnCreate?: boolean;
	forceDelete?: boolean;
	newStackPolicy?: string;
}

export function start(ctx: CloudFormationContext, stack: StackRecord, operation: OperationKind, fields: StartFields): void {
	stack.operationJobId = ctx.startOperation(
		{
			accountId: ctx.state.accountId,
			region: ctx.region,
			stackId: stack.stackId,
			stackName: stack.stackName,
			operation,
			caller: fields.caller,
			onFailure: fields.onFailure ?? 'ROLLBACK',
			...(fields.deadline !== undefined ? { deadline: fields.deadline } : {}),
			...(fields.retainExceptOnCreate !== undefined ? { retainExceptOnCreate: fields.retainExceptOnCreate } : {}),
			...(fields.forceDelete ? { forceDelete: true } : {}),
			...(fields.newStackPolicy !== undefined ? { newStackPolicy: fields.newStackPolicy } : {}),
			retainResources: fields.retainResources ?? [],
			resourcesToSkip: fields.resourcesToSkip ?? [],
			resourceTypes: fields.resourceTypes ?? [],
			phase: fields.phase ?? (operation === 'DELETE' ? 'delete' : operation === 'UPDATE' ? 'update' : operation === 'CREATE' ? 'create' : 'updateRollback'),
			tasks: [],
			halted: false,
			createFailures: [],
			updateFailures: [],
			phaseFailures: [],
			started: 0
		},
		OPERATION_START_MS
	);
}

const typesOf = (p: StackPlan) => [...new Set(p.resources.map((r) => r.type))];

/** `reuse`: the REVIEW_IN_PROGRESS stack a CREATE change set made, which this create fills in. */
export function createStack(ctx: CloudFormationContext, raw: unknown, reuse?: StackRecord): CreateStackOutput {
	const input = obj(raw);
	const stackName = str(input['StackName']) ?? '';
	if (!STACK_NAME.test(stackName) || stackName.length > 128) throw new ValidationError(MESSAGES.badStackName(stackName));
	const existing = findStack(ctx, stackName);
	if (existing && existing !== reuse) throw new AwsError('AlreadyExistsException', MESSAGES.alreadyExists(stackName));
	const onFailureInput = str(input['OnFailure']);
	const disableRollback = bool(input['DisableRollback']);
	if (onFailureInput !== undefined && disableRollback !== undefined) throw new ValidationError(MESSAGES.onFailureAndDisableRollback);
	if (onFailureInput !== undefined && !ON_FAILURE.includes(onFailureInput as OnFailure)) {
		throw new ValidationError(`1 validation error detected: Value '${onFailureInput}' at 'onFailure' failed to satisfy constraint: Member must satisfy enum value set: [DO_NOTHING, ROLLBACK, DELETE]`);
	}
	const onFailure: OnFailure = (onFailureInput as OnFailure | undefined) ?? (disableRollback ? 'DO_NOTHING' : 'ROLLBACK');
	const timeout = input['TimeoutInMinutes'];
	if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1)) throw new ValidationError(FAILURE_MESSAGES.badTimeout(String(timeout)));
	const stackPolicy = policyFromInput(input, ['StackPolicyBody', 'StackPolicyURL']);
	const retainExceptOnCreate = bool(input['RetainExceptOnCreate']);
	const template = validateTemplate(templateText(input), RESOURCE_CATALOG);
	const capabilities = strings(input['Capabilities']);
	checkCapabilities(template, capabilities);
	const tags = tagsOf(input['Tags']);
	const roleArn = str(input['RoleARN']);
	checkRole(ctx, roleArn);
	const supplied = suppliedParameters(input['Parameters']);
	const nowMs = ctx.clock.nowMs();
	// The id is only drawn once everything else has been checked: a refused call changes nothing.
	const probeId = `arn:aws:cloudformation:${ctx.region}:${ctx.state.accountId}:stack/${stackName}/00000000-0000-0000-0000-000000000000`;
	const planned = plan(ctx, template, stackName, probeId, supplied);
	requireSchemas(typesOf(planned));
	const token = str(input['ClientRequestToken']);
	const stack: StackRecord = {
		stackId: reuse ? reuse.stackId : newStackId(ctx.state, stackName, nowMs),
		stackName,
		status: 'CREATE_IN_PROGRESS',
		...(template.model.description !== undefined ? { description: template.model.description } : {}),
		templateBody: str(input['TemplateBody']) ?? '',
		parameters: parameterRecords(template, supplied),
		noEcho: template.model.parameters.filter((p) => p.noEcho).map((p) => p.key),
		capabilities,
		tags,
		notificationArns: strings(input['NotificationARNs']),
		...(roleArn !== undefined ? { roleArn } : {}),
		terminationProtection: bool(input['EnableTerminationProtection']) ?? false,
		disableRollback: onFailure === 'DO_NOTHING',
		...(onFailureInput === 'DO_NOTHING' ? { onFailureDoNothing: true } : {}),
		...(retainExceptOnCreate !== undefined ? { retainExceptOnCreate } : {}),
		...(stackPolicy !== undefined ? { stackPolicyBody: stackPolicy } : {}),
		...(typeof timeout === 'number' ? { timeoutInMinutes: timeout } : {}),
		creationTime: reuse ? reuse.creationTime : ctx.clock.now().toISOString(),
		resources: [],
		outputs: [],
		imports: [],
		events: reuse ? reuse.events : [],
		...(token !== undefined ? { clientRequestToken: token } : {})
	};
	if (reuse) ctx.state.stacks[ctx.state.stacks.indexOf(reuse)] = stack;
	else ctx.state.stacks.push(stack);
	logStackStatus(ctx.state, stack, nowMs, 'CREATE_IN_PROGRESS', REASON.userInitiated);
	start(ctx, stack, 'CREATE', {
		caller: operationCaller(ctx, roleArn),
		onFailure,
		resourceTypes: typesOf(planned),
		// Virtual time: the deadline counts from the call, as the stack's CREATE_IN_PROGRESS does.
		...(typeof timeout === 'number' ? { deadline: new Date(nowMs + timeout * MINUTE_MS).toISOString() } : {}),
		...(retainExceptOnCreate !== undefined ? { retainExceptOnCreate } : {})
	});
	return { StackId: stack.stackId };
}

export function updateStack(ctx: CloudFormationContext, raw: unknown): UpdateStackOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	const disableRollback = bool(input['DisableRollback']);
	requireUpdatable(stack, disableRollback);
	const retrying = PAUSED_FAILURES.has(stack.status);
	const usePrevious = bool(input['UsePreviousTemplate']) === true;
	if (usePrevious && (input['TemplateBody'] !== undefined || input['TemplateURL'] !== undefined)) {
		throw new ValidationError('You cannot specify both usePreviousTemplate and Template Body/Template URL.');
	}
	const body = usePrevious ? stack.templateBody : templateText(input);
	const template = validateTemplate(body, RESOURCE_CATALOG);
	const capabilities = input['Capabilities'] === undefined ? [] : strings(input['Capabilities']);
	checkCapabilities(template, capabilities);
	const tags = input['Tags'] === undefined ? stack.tags : tagsOf(input['Tags']);
	const roleArn = str(input['RoleARN']) ?? stack.roleArn;
	checkRole(ctx, roleArn);
	const supplied = suppliedParameters(input['Parameters']);
	const planned = plan(ctx, template, stack.stackName, stack.stackId, supplied, stack.parameters);
	const parameters = parameterRecords(template, supplied, stack.parameters);
	const newStackPolicy = policyFromInput(input, ['StackPolicyBody', 'StackPolicyURL']);
	const policyDuringUpdate = policyFromInput(input, ['StackPolicyDuringUpdateBody', 'StackPolicyDuringUpdateURL']);
	const retainExceptOnCreate = bool(input['RetainExceptOnCreate']);

	const changedTypes = planned.resources.filter((r) => stack.resources.some((x) => x.logicalId === r.logicalId && x.type !== r.type)).map((r) => r.logicalId);
	if (changedTypes.length > 0) throw new ValidationError(MESSAGES.typeChange(changedTypes));
	const sameBody = JSON.stringify(validateTemplate(stack.templateBody, RESOURCE_CATALOG).model.body) === JSON.stringify(template.model.body);
	const sameParameters = JSON.stringify(parameters) === JSON.stringify(stack.parameters);
	const sameTags = JSON.stringify(tags) === JSON.stringify(stack.tags);
	// From CREATE_FAILED or UPDATE_FAILED the same template is a retry of what failed ([SFO] "Retry").
	if (sameBody && sameParameters && sameTags && !retrying) throw new ValidationError(MESSAGES.noUpdates);
	requireSchemas(typesOf(planned));

	const nowMs = ctx.clock.nowMs();
	// A retry keeps the revision of the last known stable state: RollbackStack goes back to it.
	if (!(retrying && stack.previous && hasStableState(stack))) {
		stack.previous = {
			templateBody: stack.templateBody,
			parameters: stack.parameters,
			noEcho: stack.noEcho,
			...(stack.description !== undefined ? { description: stack.description } : {}),
			tags: stack.tags,
			capabilities: stack.capabilities,
			imports: stack.imports
		};
	}
	stack.templateBody = body;
	stack.parameters = parameters;
	stack.noEcho = template.model.parameters.filter((p) => p.noEcho).map((p) => p.key);
	if (template.model.description === undefined) delete stack.description;
	else stack.description = template.model.description;
	stack.tags = tags;
	stack.capabilities = capabilities;
	if (roleArn !== undefined) stack.roleArn = roleArn;
	stack.lastUpdatedTime = ctx.clock.now().toISOString();
	const token = str(input['ClientRequestToken']);
	if (token === undefined) delete stack.clientRequestToken;
	else stack.clientRequestToken = token;
	if (policyDuringUpdate === undefined) delete stack.stackPolicyDuringUpdate;
	else stack.stackPolicyDuringUpdate = policyDuringUpdate;
	if (retainExceptOnCreate !== undefined) stack.retainExceptOnCreate = retainExceptOnCreate;
	logStackStatus(ctx.state, stack, nowMs, 'UPDATE_IN_PROGRESS', REASON.userInitiated);
	start(ctx, stack, 'UPDATE', {
		caller: operationCaller(ctx, roleArn),
		resourceTypes: typesOf(planned),
		...(disableRollback === true ? { onFailure: 'DO_NOTHING' as const } : {}),
		...(retainExceptOnCreate !== undefined ? { retainExceptOnCreate } : {}),
		...(newStackPolicy !== undefined ? { newStackPolicy } : {})
	});
	return { StackId: stack.stackId };
}

export function deleteStack(ctx: CloudFormationContext, raw: unknown): Record<string, never> {
	const input = obj(raw);
	const name = str(input['StackName']) ?? '';
	const stack = name ? findStack(ctx, name) : undefined;
	// Deleting a stack that does not exist (or no longer does) succeeds and does nothing.
	if (!stack || stack.status === 'DELETE_COMPLETE' || stack.status === 'DELETE_IN_PROGRESS') return {};
	if (stack.terminationProtection) throw new ValidationError(MESSAGES.terminationProtected(stack.stackName));
	if (stack.status === 'REVIEW_IN_PROGRESS') {
		// A stack a CREATE change set made holds no resources: it is gone at once.
		const nowMs = ctx.clock.nowMs();
		stack.deletionTime = ctx.clock.now().toISOString();
		logStackStatus(ctx.state, stack, nowMs, 'DELETE_IN_PROGRESS', REASON.userInitiated);
		logStackStatus(ctx.state, stack, nowMs, 'DELETE_COMPLETE');
		return {};
	}
	if (isInProgress(stack.status)) throw new ValidationError(FAILURE_MESSAGES.cannotDeleteWhile(stack.stackName, stack.status));
	const mode = str(input['DeletionMode']);
	if (mode !== undefined && mode !== 'STANDARD' && mode !== 'FORCE_DELETE_STACK') throw new ValidationError(FAILURE_MESSAGES.badDeletionMode(mode));
	if (mode === 'FORCE_DELETE_STACK' && stack.status !== 'DELETE_FAILED') throw new ValidationError(FAILURE_MESSAGES.forceDeleteOnlyWhenDeleteFailed(stack.stackId));
	const retainResources = strings(input['RetainResources']);
	if (retainResources.length > 0 && stack.status !== 'DELETE_FAILED') throw new ValidationError(MESSAGES.retainOnlyWhenDeleteFailed(stack.stackName));
	if (retainResources.some((id) => stack.resources.some((r) => r.logicalId === id && r.status === 'DELETE_COMPLETE'))) throw new ValidationError(FAILURE_MESSAGES.retainDeleted);
	const roleArn = str(input['RoleARN']) ?? stack.roleArn;
	checkRole(ctx, roleArn);
	for (const o of stack.outputs) {
		if (o.exportName === undefined) continue;
		const importers = importersOf(ctx.state, o.exportName, stack.stackId);
		if (importers.length > 0) {
			// The delete does not start: the stack keeps its status and says why (cfn-facts §4).
			stack.reason = REASON.exportInUse(o.exportName, 'deleted', importers);
			return {};
		}
	}
	const token = str(input['ClientRequestToken']);
	if (token === undefined) delete stack.clientRequestToken;
	else stack.clientRequestToken = token;
	// DescribeStacks shows DeletionTime from the moment the delete starts.
	stack.deletionTime = ctx.clock.now().toISOString();
	if (mode === 'STANDARD' || mode === 'FORCE_DELETE_STACK') stack.deletionMode = mode;
	logStackStatus(ctx.state, stack, ctx.clock.nowMs(), 'DELETE_IN_PROGRESS', REASON.userInitiated);
	start(ctx, stack, 'DELETE', { caller: operationCaller(ctx, roleArn), retainResources, forceDelete: mode === 'FORCE_DELETE_STACK' });
	return {};
}

export function cancelUpdateStack(ctx: CloudFormationContext, raw: unknown): Record<string, never> {
	const input = obj(raw) as Partial<CancelUpdateStackInput>;
	const stack = requireStack(ctx, input.StackName);
	if (stack.status !== 'UPDATE_IN_PROGRESS' || stack.operationJobId === undefined) throw new ValidationError(FAILURE_MESSAGES.cannotCancel);
	ctx.cancelOperation(stack.operationJobId);
	return {};
}

export function continueUpdateRollback(ctx: CloudFormationContext, raw: unknown): ContinueUpdateRollbackOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	if (stack.status !== 'UPDATE_ROLLBACK_FAILED') throw new ValidationError(FAILURE_MESSAGES.cannotContinueRollback);
	const resourcesToSkip = strings(input['ResourcesToSkip']);
	const unknown = resourcesToSkip.filter((id) => !stack.resources.some((r) => r.logicalId === id && r.status === 'UPDATE_FAILED'));
	if (unknown.length > 0) throw new ValidationError(`Only resources in UPDATE_FAILED state can be skipped: [${unknown.join(', ')}]`);
	const roleArn = str(input['RoleARN']) ?? stack.roleArn;
	checkRole(ctx, roleArn);
	logStackStatus(ctx.state, stack, ctx.clock.nowMs(), 'UPDATE_ROLLBACK_IN_PROGRESS', REASON.userInitiated);
	start(ctx, stack, 'CONTINUE_UPDATE_ROLLBACK', { caller: operationCaller(ctx, roleArn), resourcesToSkip });
	return {};
}

export function updateTerminationProtection(ctx: CloudFormationContext, raw: unknown): UpdateTerminationProtectionOutput {
	const input = obj(raw);
	const enable = bool(input['EnableTerminationProtection']);
	if (enable === undefined) throw new ValidationError('1 validation error detected: Value null at \'enableTerminationProtection\' failed to satisfy constraint: Member must not be null');
	const stack = requireStack(ctx, input['StackName']);
	if (stack.status === 'DELETE_COMPLETE') throw new ValidationError(MESSAGES.doesNotExist(str(input['StackName']) ?? ''));
	stack.terminationProtection = enable;
	return { StackId: stack.stackId };
}
