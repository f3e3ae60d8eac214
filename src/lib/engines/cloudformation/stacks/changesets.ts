// Change sets: CreateChangeSet (UPDATE and CREATE types), DescribeChangeSet, ListChangeSets,
// ExecuteChangeSet, DeleteChangeSet. The Changes are computed when CreateChangeSet is called, but
// the change set shows them only as the virtual clock moves: CREATE_PENDING for the first
// PENDING_MS, CREATE_IN_PROGRESS until READY_MS, then CREATE_COMPLETE/AVAILABLE (or FAILED/
// UNAVAILABLE when nothing would change). The phase is read from the clock, so no job is needed.
// Executing runs the ordinary CreateStack/UpdateStack machinery with what the change set recorded.
//
// The Changes are changeset-changes.ts, matched against real DescribeChangeSet answers.
// IncludeNestedStacks is accepted and echoed; with no nested stacks here it changes nothing.
// ChangeSetType IMPORT is refused by name: importing existing resources is not simulated.
import type {
	Change,
	ChangeSetSummary,
	CreateChangeSetOutput,
	DeleteChangeSetOutput,
	DescribeChangeSetOutput,
	ExecuteChangeSetOutput,
	ListChangeSetsOutput,
	Parameter
} from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../errors';
import { ValidationError } from '../errors';
import { RESOURCE_CATALOG } from '../resources';
import { validateTemplate } from '../template';
import { computeChanges } from './changeset-changes';
import { bool, findStack, obj, str, strings, type CloudFormationContext } from './context';
import { logStackStatus } from './events';
import { hashUuid, nextSequence } from './ids';
import { checkCapabilities, createStack, parameterRecords, plan, suppliedParameters, tagsOf, templateText, updateStack } from './operations';
import { planFor } from './plans';
import { MESSAGES, REASON } from './reasons';
import { isInProgress, type StackParameterRecord, type StackRecord } from './state';

export type ChangeSetStatus = 'CREATE_PENDING' | 'CREATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'DELETE_PENDING' | 'DELETE_IN_PROGRESS' | 'DELETE_COMPLETE' | 'DELETE_FAILED' | 'FAILED';
export type ChangeSetExecutionStatus = 'UNAVAILABLE' | 'AVAILABLE' | 'EXECUTE_IN_PROGRESS' | 'EXECUTE_COMPLETE' | 'EXECUTE_FAILED' | 'OBSOLETE';

export interface ChangeSetRecord {
	changeSetId: string;
	changeSetName: string;
	stackId: string;
	stackName: string;
	type: 'CREATE' | 'UPDATE';
	status: ChangeSetStatus;
	executionStatus: ChangeSetExecutionStatus;
	statusReason?: string;
	description?: string;
	creationTime: string;
	/** When the change set leaves CREATE_IN_PROGRESS (absent: already). Status/ExecutionStatus/StatusReason above are what it shows from then on. */
	readyAt?: string;
	templateBody: string;
	parameters: StackParameterRecord[];
	capabilities: string[];
	tags: { Key: string; Value: string }[];
	changes: Change[];
	/** IncludeNestedStacks as given (absent in older saves: false). */
	includeNestedStacks?: boolean;
}

/** Change sets live beside the stacks; the field is added on first use so older snapshots restore as they are. */
type WithChangeSets = { changeSets?: ChangeSetRecord[] };
const isChangeSet = (c: unknown): c is ChangeSetRecord =>
	!!c && typeof c === 'object' && typeof (c as ChangeSetRecord).changeSetId === 'string' && Array.isArray((c as ChangeSetRecord).changes);

/** The Region's change sets for reading: never writes, so a Describe or List leaves the save as it was. */
const changeSetsIn = (ctx: CloudFormationContext): readonly ChangeSetRecord[] => {
	const list = (ctx.state as typeof ctx.state & WithChangeSets).changeSets;
	// A damaged save may hold anything here; keep only what looks like change sets.
	return Array.isArray(list) ? list.filter(isChangeSet) : [];
};

/** The Region's change sets for adding or removing one: the list is created (or cleaned) on first write. */
const changeSetsOf = (ctx: CloudFormationContext): ChangeSetRecord[] => {
	const s = ctx.state as typeof ctx.state & WithChangeSets;
	if (!Array.isArray(s.changeSets)) s.changeSets = [];
	else {
		const saved: unknown[] = s.changeSets;
		if (!saved.every(isChangeSet)) s.changeSets = saved.filter(isChangeSet);
	}
	return s.changeSets;
};

/** Simulated timing (not measured against AWS). */
export const CHANGE_SET_PENDING_MS = 1_000;
export const CHANGE_SET_READY_MS = 3_000;

/** What the change set shows now. */
function shown(ctx: CloudFormationContext, cs: ChangeSetRecord): { status: ChangeSetStatus; executionStatus: ChangeSetExecutionStatus; statusReason?: string } {
	if (cs.readyAt !== undefined) {
		const now = ctx.clock.nowMs();
		const ready = Date.parse(cs.readyAt);
		if (now < ready - (CHANGE_SET_READY_MS - CHANGE_SET_PENDING_MS)) return { status: 'CREATE_PENDING', executionStatus: 'UNAVAILABLE' };
		if (now < ready) return { status: 'CREATE_IN_PROGRESS', executionStatus: 'UNAVAILABLE' };
	}
	return { status: cs.status, executionStatus: cs.executionStatus, ...(cs.statusReason !== undefined ? { statusReason: cs.statusReason } : {}) };
}

const CHANGE_SET_NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export const CHANGE_SET_MESSAGES = {
	noChanges: "The submitted information didn't contain changes. Submit different information to create a change set.",
	notFound: (name: string) => `ChangeSet [${name}] does not exist`,
	/** Wording not confirmed against AWS. */
	cannotExecute: (id: string, status: string, execution: string) => `ChangeSet [${id}] cannot be executed in its current status of [${status}] and execution status of [${execution}]`,
	badName: (name: string) =>
		`1 validation error detected: Value '${name}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
	/** Wording not confirmed against AWS. */
	alreadyExists: (name: string) => `ChangeSet ${name} already exists`,
	/** [SIM] The simulator does not import existing resources; the learner is told so by name. */
	importNotSimulated: () =>
		'ChangeSetType IMPORT is not simulated: this course\'s CloudFormation cannot import existing resources (ResourcesToImport) into a stack. Create the resource with the stack instead, or practise imports on AWS.',
	/** [AWS] the API's enum constraint sentence for ChangeSetType. */
	badType: (type: string) => `1 validation error detected: Value '${type}' at 'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: [IMPORT, UPDATE, CREATE]`,
	/** (unverified) wording of CreateChangeSet UPDATE on a stack that does not exist. */
	stackMissing: (name: string) => `Stack [${name}] does not exist`,
	/** (unverified) wording of a CREATE change set for a stack that exists. */
	stackExists: (stackName: string, changeSetName: string) => `Stack [${stackName}] already exists and cannot be created again with the changeSet [${changeSetName}].`,
	/** (unverified) wording. */
	usePreviousWithCreate: 'UsePreviousTemplate cannot be used with a ChangeSetType of CREATE.',
	/** (unverified) wording. */
	deleteWhileExecuting: (status: string) => `Cannot delete ChangeSet in status ${status}`,
	/** (unverified) wording. */
	stackNameRequired: 'StackName must be specified if ChangeSetName is not specified as an ARN.'
};

// ---------------------------------------------------------------- operations

function findChangeSet(ctx: CloudFormationContext, input: Record<string, unknown>): ChangeSetRecord {
	const name = str(input['ChangeSetName']) ?? '';
	const stackName = str(input['StackName']);
	const all = changeSetsIn(ctx);
	let found: ChangeSetRecord | undefined;
	if (name.startsWith('arn:')) found = all.find((c) => c.changeSetId === name);
	else {
		if (stackName === undefined) throw new ValidationError(CHANGE_SET_MESSAGES.stackNameRequired);
		const stack = findStack(ctx, stackName);
		found = stack ? all.find((c) => c.stackId === stack.stackId && c.changeSetName === name) : undefined;
	}
	if (!found) throw new AwsError('ChangeSetNotFoundException', CHANGE_SET_MESSAGES.notFound(name));
	refresh(ctx, found);
	return found;
}

/** An executing change set ends with its stack's operation. */
function refresh(ctx: CloudFormationContext, cs: ChangeSetRecord): void {
	if (cs.executionStatus !== 'EXECUTE_IN_PROGRESS') return;
	const stack = ctx.state.stacks.find((s) => s.stackId === cs.stackId);
	if (!stack || isInProgress(stack.status)) return;
	cs.executionStatus = /ROLLBACK|FAILED/.test(stack.status) ? 'EXECUTE_FAILED' : 'EXECUTE_COMPLETE';
}

export function createChangeSet(ctx: CloudFormationContext, raw: unknown): CreateChangeSetOutput {
	const input = obj(raw);
	const name = str(input['ChangeSetName']) ?? '';
	if (!CHANGE_SET_NAME.test(name) || name.length > 128) throw new ValidationError(CHANGE_SET_MESSAGES.badName(name));
	const typeInput = str(input['ChangeSetType']) ?? 'UPDATE';
	if (typeInput === 'IMPORT') throw new ValidationError(CHANGE_SET_MESSAGES.importNotSimulated());
	if (typeInput !== 'CREATE' && typeInput !== 'UPDATE') throw new ValidationError(CHANGE_SET_MESSAGES.badType(typeInput));
	const stackName = str(input['StackName']) ?? '';
	const existing = stackName ? findStack(ctx, stackName) : undefined;
	let stack: StackRecord | undefined;
	if (typeInput === 'CREATE') {
		// A stack left in REVIEW_IN_PROGRESS by another CREATE change set takes more of them.
		if (existing && existing.status !== 'REVIEW_IN_PROGRESS') throw new AwsError('AlreadyExistsException', CHANGE_SET_MESSAGES.stackExists(stackName, name));
		if (!existing && !/^[a-zA-Z][-a-zA-Z0-9]*$/.test(stackName)) throw new ValidationError(MESSAGES.badStackName(stackName));
		stack = existing;
	} else {
		if (!existing || existing.status === 'REVIEW_IN_PROGRESS') throw new ValidationError(CHANGE_SET_MESSAGES.stackMissing(stackName));
		if (isInProgress(existing.status) || existing.status === 'ROLLBACK_COMPLETE') throw new ValidationError(`Stack:${existing.stackId} is in ${existing.status} state and can not be updated.`);
		stack = existing;
	}
	const stackIdNow = stack?.stackId;
	if (stackIdNow !== undefined && changeSetsIn(ctx).some((c) => c.stackId === stackIdNow && c.changeSetName === name)) throw new AwsError('AlreadyExistsException', CHANGE_SET_MESSAGES.alreadyExists(name));

	const usePrevious = bool(input['UsePreviousTemplate']) === true;
	if (usePrevious && typeInput === 'CREATE') throw new ValidationError(CHANGE_SET_MESSAGES.usePreviousWithCreate);
	if (usePrevious && (input['TemplateBody'] !== undefined || input['TemplateURL'] !== undefined)) {
		throw new ValidationError('You cannot specify both usePreviousTemplate and Template Body/Template URL.');
	}
	const body = usePrevious && stack ? stack.templateBody : templateText(input);
	const template = validateTemplate(body, RESOURCE_CATALOG);
	const capabilities = strings(input['Capabilities']);
	checkCapabilities(template, capabilities);
	const supplied: Parameter[] = suppliedParameters(input['Parameters']);
	const previousParameters = typeInput === 'UPDATE' && stack ? stack.parameters : [];
	const tags = input['Tags'] === undefined ? (typeInput === 'UPDATE' && stack ? stack.tags : []) : tagsOf(input['Tags']);
	const nowMs = ctx.clock.nowMs();

	if (!stack) {
		// CREATE: the stack exists from now on, in REVIEW_IN_PROGRESS, with no template or resources.
		const probeId = `arn:aws:cloudformation:${ctx.region}:${ctx.state.accountId}:stack/${stackName}/00000000-0000-0000-0000-000000000000`;
		plan(ctx, template, stackName, probeId, supplied);
		const seq = nextSequence(ctx.state);
		stack = {
			stackId: `arn:aws:cloudformation:${ctx.region}:${ctx.state.accountId}:stack/${stackName}/${hashUuid(`stack/${stackName}/${nowMs}/${seq}`)}`,
			stackName,
			status: 'REVIEW_IN_PROGRESS',
			templateBody: '',
			parameters: [],
			noEcho: [],
			capabilities: [],
			tags: [],
			notificationArns: [],
			terminationProtection: false,
			disableRollback: false,
			creationTime: ctx.clock.now().toISOString(),
			resources: [],
			outputs: [],
			imports: [],
			events: []
		};
		ctx.state.stacks.push(stack);
		logStackStatus(ctx.state, stack, nowMs, 'REVIEW_IN_PROGRESS', REASON.userInitiated);
	}
	const target = stack;
	const after = plan(ctx, template, target.stackName, target.stackId, supplied, previousParameters);
	const parameters = parameterRecords(template, supplied, previousParameters);
	const isUpdate = typeInput === 'UPDATE';
	const before = isUpdate ? planFor({ accountId: ctx.state.accountId, region: ctx.region, stackId: target.stackId, stackName: target.stackName, templateBody: target.templateBody, parameters: target.parameters }) : undefined;
	const changes = computeChanges(target, before, after, isUpdate ? target.parameters : [], parameters);
	const unchanged =
		isUpdate &&
		same(validateTemplate(target.templateBody, RESOURCE_CATALOG).model.body, template.model.body) &&
		same(parameters, target.parameters) &&
		same(tags, target.tags);

	const seq = nextSequence(ctx.state);
	const description = str(input['Description']);
	const record: ChangeSetRecord = {
		changeSetId: `arn:aws:cloudformation:${ctx.region}:${ctx.state.accountId}:changeSet/${name}/${hashUuid(`changeSet/${target.stackId}/${name}/${nowMs}/${seq}`)}`,
		changeSetName: name,
		stackId: target.stackId,
		stackName: target.stackName,
		type: typeInput,
		status: unchanged ? 'FAILED' : 'CREATE_COMPLETE',
		executionStatus: unchanged ? 'UNAVAILABLE' : 'AVAILABLE',
		...(unchanged ? { statusReason: CHANGE_SET_MESSAGES.noChanges } : {}),
		...(description !== undefined ? { description } : {}),
		creationTime: ctx.clock.now().toISOString(),
		readyAt: new Date(nowMs + CHANGE_SET_READY_MS).toISOString(),
		templateBody: body,
		parameters,
		capabilities,
		tags,
		changes: unchanged ? [] : changes,
		...(bool(input['IncludeNestedStacks']) === true ? { includeNestedStacks: true } : {})
	};
	changeSetsOf(ctx).push(record);
	return { Id: record.changeSetId, StackId: target.stackId };
}

export function describeChangeSet(ctx: CloudFormationContext, raw: unknown): DescribeChangeSetOutput {
	const cs = findChangeSet(ctx, obj(raw));
	const now = shown(ctx, cs);
	const ready = now.status === cs.status;
	return {
		ChangeSetName: cs.changeSetName,
		ChangeSetId: cs.changeSetId,
		StackId: cs.stackId,
		StackName: cs.stackName,
		...(cs.description !== undefined ? { Description: cs.description } : {}),
		Parameters: cs.parameters.map((p) => ({ ParameterKey: p.key, ParameterValue: p.value })),
		CreationTime: new Date(cs.creationTime),
		ExecutionStatus: now.executionStatus,
		Status: now.status,
		...(now.statusReason !== undefined ? { StatusReason: now.statusReason } : {}),
		NotificationARNs: [],
		RollbackConfiguration: {},
		Capabilities: cs.capabilities as DescribeChangeSetOutput['Capabilities'],
		Tags: cs.tags,
		Changes: ready ? structuredClone(cs.changes) : [],
		IncludeNestedStacks: cs.includeNestedStacks === true
	};
}

export function listChangeSets(ctx: CloudFormationContext, raw: unknown): ListChangeSetsOutput {
	const input = obj(raw);
	const stackName = str(input['StackName']) ?? '';
	const stack = stackName ? findStack(ctx, stackName) : undefined;
	if (!stack) throw new ValidationError(CHANGE_SET_MESSAGES.stackMissing(stackName));
	const summaries: ChangeSetSummary[] = changeSetsIn(ctx)
		.filter((c) => c.stackId === stack.stackId)
		.map((c) => {
			refresh(ctx, c);
			const now = shown(ctx, c);
			return {
				StackId: c.stackId,
				StackName: c.stackName,
				ChangeSetId: c.changeSetId,
				ChangeSetName: c.changeSetName,
				ExecutionStatus: now.executionStatus,
				Status: now.status,
				...(now.statusReason !== undefined ? { StatusReason: now.statusReason } : {}),
				CreationTime: new Date(c.creationTime),
				...(c.description !== undefined ? { Description: c.description } : {}),
				IncludeNestedStacks: c.includeNestedStacks === true
			};
		});
	return { Summaries: summaries };
}

export function executeChangeSet(ctx: CloudFormationContext, raw: unknown): ExecuteChangeSetOutput {
	const input = obj(raw);
	const cs = findChangeSet(ctx, input);
	const now = shown(ctx, cs);
	if (now.executionStatus !== 'AVAILABLE' || now.status !== 'CREATE_COMPLETE') {
		throw new AwsError('InvalidChangeSetStatusException', CHANGE_SET_MESSAGES.cannotExecute(cs.changeSetId, now.status, now.executionStatus));
	}
	const stack = ctx.state.stacks.find((s) => s.stackId === cs.stackId);
	if (!stack) throw new AwsError('ChangeSetNotFoundException', CHANGE_SET_MESSAGES.notFound(cs.changeSetName));
	const request = {
		StackName: cs.stackName,
		TemplateBody: cs.templateBody,
		Parameters: cs.parameters.map((p) => ({ ParameterKey: p.key, ParameterValue: p.value })),
		Capabilities: cs.capabilities,
		Tags: cs.tags,
		...(str(input['ClientRequestToken']) !== undefined ? { ClientRequestToken: str(input['ClientRequestToken']) } : {})
	};
	// ExecuteChangeSet carries the failure options of the operation it starts, for both types.
	const disable = bool(input['DisableRollback']);
	const retainExceptOnCreate = bool(input['RetainExceptOnCreate']);
	const failureOptions = {
		...(disable !== undefined ? { DisableRollback: disable } : {}),
		...(retainExceptOnCreate !== undefined ? { RetainExceptOnCreate: retainExceptOnCreate } : {})
	};
	if (cs.type === 'CREATE') createStack(ctx, { ...request, ...failureOptions }, stack);
	else updateStack(ctx, { ...request, StackName: cs.stackId, ...failureOptions });
	cs.executionStatus = 'EXECUTE_IN_PROGRESS';
	for (const other of changeSetsIn(ctx)) if (other !== cs && other.stackId === cs.stackId) other.executionStatus = 'OBSOLETE';
	return {};
}

export function deleteChangeSet(ctx: CloudFormationContext, raw: unknown): DeleteChangeSetOutput {
	const cs = findChangeSet(ctx, obj(raw));
	if (cs.executionStatus === 'EXECUTE_IN_PROGRESS') {
		throw new AwsError('InvalidChangeSetStatusException', CHANGE_SET_MESSAGES.deleteWhileExecuting(cs.executionStatus));
	}
	const all = changeSetsOf(ctx);
	all.splice(all.indexOf(cs), 1);
	return {};
}
