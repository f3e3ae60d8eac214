// Change sets: CreateChangeSet (UPDATE and CREATE types), DescribeChangeSet, ListChangeSets,
// ExecuteChangeSet, DeleteChangeSet. The Changes are computed when CreateChangeSet is called, but
// the change set shows them only as the virtual clock moves: CREATE_PENDING for the first
// PENDING_MS, CREATE_IN_PROGRESS until READY_MS, then CREATE_COMPLETE/AVAILABLE (or FAILED/
// UNAVAILABLE when nothing would change). The phase is read from the clock, so no job is needed.
// Executing runs the ordinary CreateStack/UpdateStack machinery with what the change set recorded.
//
// The Changes follow cfn-facts §6: for each resource Add / Remove / Modify; a Modify carries one
// Detail per changed attribute, its RequiresRecreation from the property's update behaviour
// (registry schema), and Replacement derived from the most severe detail.
import type {
	Change,
	ChangeSetSummary,
	CreateChangeSetOutput,
	DeleteChangeSetOutput,
	DescribeChangeSetOutput,
	ExecuteChangeSetOutput,
	ListChangeSetsOutput,
	Parameter,
	ResourceChange,
	ResourceChangeDetail
} from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../errors';
import { ValidationError } from '../errors';
import { RESOURCE_CATALOG, requiresRecreation, updateBehaviour, updateBehaviourForChange } from '../resources';
import { validateTemplate, type StackPlan } from '../template';
import { bool, findStack, obj, str, strings, type CloudFormationContext } from './context';
import { logStackStatus } from './events';
import { hashUuid, nextSequence } from './ids';
import { checkCapabilities, createStack, parameterRecords, plan, suppliedParameters, tagsOf, templateText, updateStack } from './operations';
import { planFor } from './plans';
import { REASON } from './reasons';
import { cachedSchema } from './schemas';
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
}

/** Change sets live beside the stacks; the field is added on first use so older snapshots restore as they are. */
type WithChangeSets = { changeSets?: ChangeSetRecord[] };
const changeSetsOf = (ctx: CloudFormationContext): ChangeSetRecord[] => {
	const s = ctx.state as typeof ctx.state & WithChangeSets;
	// A damaged save may hold anything here; keep only what looks like change sets.
	if (!Array.isArray(s.changeSets)) s.changeSets = [];
	else if (s.changeSets.some((c) => !c || typeof c !== 'object' || typeof c.changeSetId !== 'string' || !Array.isArray(c.changes))) s.changeSets = s.changeSets.filter((c) => c && typeof c === 'object' && typeof c.changeSetId === 'string' && Array.isArray(c.changes));
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
export const CHANGE_SET_MESSAGES = {
	noChanges: "The submitted information didn't contain changes. Submit different information to create a change set.",
	notFound: (name: string) => `ChangeSet [${name}] does not exist`,
	/** Wording not confirmed against AWS. */
	cannotExecute: (id: string, status: string, execution: string) => `ChangeSet [${id}] cannot be executed in its current status of [${status}] and execution status of [${execution}]`,
	badName: (name: string) =>
		`1 validation error detected: Value '${name}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
	/** Wording not confirmed against AWS. */
	alreadyExists: (name: string) => `ChangeSet ${name} already exists`
};

// ---------------------------------------------------------------- references in template values

interface Ref {
	target: string;
	attribute?: string;
}

function referencesIn(v: unknown, out: Ref[] = []): Ref[] {
	if (Array.isArray(v)) {
		for (const x of v) referencesIn(x, out);
		return out;
	}
	if (!v || typeof v !== 'object') return out;
	const o = v as Record<string, unknown>;
	const keys = Object.keys(o);
	if (keys.length === 1) {
		const [k] = keys as [string];
		const arg = o[k];
		if (k === 'Ref' && typeof arg === 'string') return out.push({ target: arg }), out;
		if (k === 'Fn::GetAtt') {
			if (typeof arg === 'string') {
				const [target, ...rest] = arg.split('.');
				out.push({ target: target ?? '', attribute: rest.join('.') });
				return out;
			}
			if (Array.isArray(arg) && typeof arg[0] === 'string') {
				out.push({ target: arg[0], ...(typeof arg[1] === 'string' ? { attribute: arg[1] } : {}) });
				return out;
			}
		}
		if (k === 'Fn::Sub') {
			const text = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined;
			const vars = Array.isArray(arg) ? obj(arg[1]) : {};
			if (text !== undefined) {
				for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
					const name = m[1]!.trim();
					if (name in vars) continue;
					const dot = name.indexOf('.');
					out.push(dot < 0 ? { target: name } : { target: name.slice(0, dot), attribute: name.slice(dot + 1) });
				}
			}
			for (const x of Object.values(vars)) referencesIn(x, out);
			return out;
		}
	}
	for (const x of Object.values(o)) referencesIn(x, out);
	return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// ---------------------------------------------------------------- the changes

const ATTRIBUTES = [
	['metadata', 'Metadata'],
	['creationPolicy', 'CreationPolicy'],
	['updatePolicy', 'UpdatePolicy'],
	['deletionPolicy', 'DeletionPolicy'],
	['updateReplacePolicy', 'UpdateReplacePolicy']
] as const;

function replacementOf(details: readonly ResourceChangeDetail[]): 'True' | 'False' | 'Conditional' {
	let result: 'True' | 'False' | 'Conditional' = 'False';
	for (const d of details) {
		const r = d.Target?.RequiresRecreation;
		if (r === 'Always' && d.Evaluation === 'Static') return 'True';
		if (r === 'Always' || r === 'Conditionally') result = 'Conditional';
	}
	return result;
}

/** The Changes between what the stack runs (`before`, undefined for a new stack) and the planned `after`. */
export function computeChanges(stack: StackRecord, before: StackPlan | undefined, after: StackPlan, oldParameters: readonly StackParameterRecord[], newParameters: readonly StackParameterRecord[]): Change[] {
	const changes: Change[] = [];
	const changedParameters = new Set(newParameters.filter((p) => oldParameters.find((o) => o.key === p.key)?.value !== p.value).map((p) => p.key));
	const replaced = new Set<string>();
	const live = (id: string) => stack.resources.find((r) => r.logicalId === id && r.status !== 'DELETE_COMPLETE');
	for (const logicalId of after.order) {
		const decl = after.resources.find((r) => r.logicalId === logicalId);
		if (!decl) continue;
		const existing = live(logicalId);
		const old = before?.resources.find((r) => r.logicalId === logicalId);
		if (!existing || !old) {
			changes.push({ Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: logicalId, ResourceType: decl.type, Scope: [], Details: [] } });
			continue;
		}
		const schema = cachedSchema(decl.type);
		const behaviourOf = (name: string, b: unknown, a: unknown) => requiresRecreation(schema ? updateBehaviourForChange(schema, name, b, a) : 'Mutable');
		const staticBehaviour = (name: string) => requiresRecreation(schema ? updateBehaviour(schema, name) : 'Mutable');
		const details: ResourceChangeDetail[] = [];
		const scope = new Set<string>();
		const oldProps = obj(old.properties);
		const newProps = obj(decl.properties);
		for (const name of [...new Set([...Object.keys(oldProps), ...Object.keys(newProps)])]) {
			const b = oldProps[name];
			const a = newProps[name];
			if (!same(b, a)) {
				scope.add('Properties');
				details.push({ Target: { Attribute: 'Properties', Name: name, RequiresRecreation: behaviourOf(name, b, a) }, Evaluation: 'Static', ChangeSource: 'DirectModification' });
				continue;
			}
			const refs = referencesIn(a);
			const params = [...new Set(refs.filter((r) => r.attribute === undefined && changedParameters.has(r.target)).map((r) => r.target))];
			const resources = refs.filter((r) => replaced.has(r.target));
			if (params.length === 0 && resources.length === 0) continue;
			scope.add('Properties');
			const target = { Attribute: 'Properties' as const, Name: name, RequiresRecreation: staticBehaviour(name) };
			details.push({ Target: target, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' });
			for (const p of params) details.push({ Target: target, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: p });
			const seen = new Set<string>();
			for (const r of resources) {
				const entity = r.attribute ? `${r.target}.${r.attribute}` : r.target;
				if (seen.has(entity)) continue;
				seen.add(entity);
				details.push({ Target: target, Evaluation: 'Static', ChangeSource: 'ResourceReference', CausingEntity: entity });
			}
		}
		for (const [field, attribute] of ATTRIBUTES) {
			if (same(old[field], decl[field])) continue;
			scope.add(attribute);
			details.push({ Target: { Attribute: attribute, RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'DirectModification' });
		}
		if (details.length === 0) continue;
		const replacement = replacementOf(details);
		if (replacement === 'True') replaced.add(logicalId);
		changes.push({
			Type: 'Resource',
			ResourceChange: {
				Action: 'Modify',
				LogicalResourceId: logicalId,
				...(existing.physicalId !== undefined ? { PhysicalResourceId: existing.physicalId } : {}),
				ResourceType: decl.type,
				Replacement: replacement,
				Scope: [...scope] as ResourceChange['Scope'],
				Details: details
			}
		});
	}
	for (const r of stack.resources) {
		if (r.status === 'DELETE_COMPLETE' || after.resources.some((d) => d.logicalId === r.logicalId)) continue;
		changes.push({
			Type: 'Resource',
			ResourceChange: { Action: 'Remove', LogicalResourceId: r.logicalId, ...(r.physicalId !== undefined ? { PhysicalResourceId: r.physicalId } : {}), ResourceType: r.type, Scope: [], Details: [] }
		});
	}
	return changes;
}

// ---------------------------------------------------------------- operations

function findChangeSet(ctx: CloudFormationContext, input: Record<string, unknown>): ChangeSetRecord {
	const name = str(input['ChangeSetName']) ?? '';
	const stackName = str(input['StackName']);
	const all = changeSetsOf(ctx);
	let found: ChangeSetRecord | undefined;
	if (name.startsWith('arn:')) found = all.find((c) => c.changeSetId === name);
	else {
		if (stackName === undefined) throw new ValidationError('StackName must be specified if ChangeSetName is not specified as an ARN.');
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
	if (typeInput === 'IMPORT') throw new ValidationError('ChangeSetType IMPORT is not simulated.');
	if (typeInput !== 'CREATE' && typeInput !== 'UPDATE') {
		throw new ValidationError(`1 validation error detected: Value '${typeInput}' at 'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: [IMPORT, UPDATE, CREATE]`);
	}
	const stackName = str(input['StackName']) ?? '';
	const existing = stackName ? findStack(ctx, stackName) : undefined;
	let stack: StackRecord | undefined;
	if (typeInput === 'CREATE') {
		// A stack left in REVIEW_IN_PROGRESS by another CREATE change set takes more of them.
		if (existing && existing.status !== 'REVIEW_IN_PROGRESS') throw new AwsError('AlreadyExistsException', `Stack [${stackName}] already exists and cannot be created again with the changeSet [${name}].`);
		if (!existing && !/^[a-zA-Z][-a-zA-Z0-9]*$/.test(stackName)) throw new ValidationError(`1 validation error detected: Value '${stackName}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*`);
		stack = existing;
	} else {
		if (!existing) throw new ValidationError(`Stack [${stackName}] does not exist`);
		if (existing.status === 'REVIEW_IN_PROGRESS') throw new ValidationError(`Stack [${stackName}] does not exist`);
		if (isInProgress(existing.status) || existing.status === 'ROLLBACK_COMPLETE') throw new ValidationError(`Stack:${existing.stackId} is in ${existing.status} state and can not be updated.`);
		stack = existing;
	}
	const stackIdNow = stack?.stackId;
	if (stackIdNow !== undefined && changeSetsOf(ctx).some((c) => c.stackId === stackIdNow && c.changeSetName === name)) throw new AwsError('AlreadyExistsException', CHANGE_SET_MESSAGES.alreadyExists(name));

	const usePrevious = bool(input['UsePreviousTemplate']) === true;
	if (usePrevious && typeInput === 'CREATE') throw new ValidationError('UsePreviousTemplate cannot be used with a ChangeSetType of CREATE.');
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
		changes: unchanged ? [] : changes
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
		IncludeNestedStacks: false
	};
}

export function listChangeSets(ctx: CloudFormationContext, raw: unknown): ListChangeSetsOutput {
	const input = obj(raw);
	const stackName = str(input['StackName']) ?? '';
	const stack = stackName ? findStack(ctx, stackName) : undefined;
	if (!stack) throw new ValidationError(`Stack [${stackName}] does not exist`);
	const summaries: ChangeSetSummary[] = changeSetsOf(ctx)
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
				IncludeNestedStacks: false
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
	if (cs.type === 'CREATE') {
		const disable = bool(input['DisableRollback']);
		createStack(ctx, { ...request, ...(disable !== undefined ? { DisableRollback: disable } : {}) }, stack);
	} else {
		updateStack(ctx, { ...request, StackName: cs.stackId });
	}
	cs.executionStatus = 'EXECUTE_IN_PROGRESS';
	for (const other of changeSetsOf(ctx)) if (other !== cs && other.stackId === cs.stackId) other.executionStatus = 'OBSOLETE';
	return {};
}

export function deleteChangeSet(ctx: CloudFormationContext, raw: unknown): DeleteChangeSetOutput {
	const cs = findChangeSet(ctx, obj(raw));
	if (cs.executionStatus === 'EXECUTE_IN_PROGRESS') {
		throw new AwsError('InvalidChangeSetStatusException', `Cannot delete ChangeSet in status ${cs.executionStatus}`);
	}
	const all = changeSetsOf(ctx);
	all.splice(all.indexOf(cs), 1);
	return {};
}
