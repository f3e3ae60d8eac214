// The calls that make, change and remove a stack set: CreateStackSet, UpdateStackSet (always an
// operation over the stack set's instances) and DeleteStackSet (only once it has none).
import type { Capability, CreateStackSetOutput, DeleteStackSetOutput, UpdateStackSetOutput } from '@aws-sdk/client-cloudformation';
import { ValidationError } from '../errors';
import { RESOURCE_CATALOG } from '../resources';
import { bool, obj, str, type CloudFormationContext } from '../stacks/context';
import { checkCapabilities, suppliedParameters, tagsOf } from '../stacks/operations';
import { MESSAGES as STACK_MESSAGES } from '../stacks/reasons';
import { validateTemplate } from '../template';
import { beginOperation, requireTemplateSchemas } from './begin';
import { nameAlreadyExists, stackInstanceNotFound, stackSetNotEmpty } from './errors';
import { newStackSetId } from './ids';
import { accounts, operationId, preferences, regions, stackSetName, templateBody } from './input';
import { findInstance, findStackSet, replayOf, requireIdle, requireStackSet } from './lookup';
import { DEFAULT_ADMINISTRATION_ROLE, DEFAULT_EXECUTION_ROLE, MESSAGES } from './messages';
import { orderTargets } from './preferences';
import { parseRoleArn } from './roles';
import { stackSetsOf, type StackSetRecord } from './state';

const CAPABILITIES: readonly Capability[] = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'];
/** API Reference: ExecutionRoleName `[a-zA-Z_0-9+=,.@-]+`, 1 to 64 characters. */
const ROLE_NAME = /^[a-zA-Z_0-9+=,.@-]{1,64}$/;

function capabilities(raw: unknown): Capability[] {
	if (raw === undefined) return [];
	const list = Array.isArray(raw) ? raw : [raw];
	const bad = list.find((c) => typeof c !== 'string' || !(CAPABILITIES as readonly string[]).includes(c));
	if (bad !== undefined) throw new ValidationError(MESSAGES.constraint(String(bad), 'capabilities', `Member must satisfy enum value set: [${CAPABILITIES.join(', ')}]`));
	return [...new Set(list as Capability[])];
}

function administrationRole(raw: unknown, fallback: string): string {
	const arn = str(raw);
	if (arn === undefined) return fallback;
	if (arn.length < 20 || !parseRoleArn(arn)) throw new ValidationError(MESSAGES.constraint(arn, 'administrationRoleARN', 'Member must be the ARN of an IAM role'));
	return arn;
}

function executionRole(raw: unknown, fallback: string): string {
	const name = str(raw);
	if (name === undefined) return fallback;
	if (!ROLE_NAME.test(name)) throw new ValidationError(MESSAGES.constraint(name, 'executionRoleName', 'Member must satisfy regular expression pattern: [a-zA-Z_0-9+=,.@-]+'));
	return name;
}

function description(raw: unknown): string | undefined {
	const d = str(raw);
	if (d !== undefined && d.length > 1024) throw new ValidationError(MESSAGES.constraint(`${d.slice(0, 20)}…`, 'description', 'Member must have length less than or equal to 1024'));
	return d;
}

/** Stack set parameters: values as given; UsePreviousValue keeps the stack set's current one. */
function parameterValues(raw: unknown, previous: readonly { key: string; value: string }[]): { key: string; value: string }[] {
	const out: { key: string; value: string }[] = [];
	for (const p of suppliedParameters(raw)) {
		if (p.ParameterKey === undefined) continue;
		const value = p.UsePreviousValue ? previous.find((x) => x.key === p.ParameterKey)?.value : p.ParameterValue;
		if (value !== undefined) out.push({ key: p.ParameterKey, value });
	}
	return out;
}

function checkPermissionModel(raw: unknown): void {
	if (raw === undefined || raw === 'SELF_MANAGED') return;
	if (raw === 'SERVICE_MANAGED') throw new ValidationError(MESSAGES.serviceManagedNotSimulated);
	throw new ValidationError(MESSAGES.constraint(String(raw), 'permissionModel', 'Member must satisfy enum value set: [SERVICE_MANAGED, SELF_MANAGED]'));
}

export function createStackSet(ctx: CloudFormationContext, raw: unknown): CreateStackSetOutput {
	const input = obj(raw);
	const name = stackSetName(input['StackSetName']);
	checkPermissionModel(input['PermissionModel']);
	if (input['StackId'] !== undefined) throw new ValidationError(MESSAGES.importNotSimulated);
	if (findStackSet(ctx.state, name)) throw nameAlreadyExists();
	const body = templateBody(input);
	if (body === undefined) throw new ValidationError(STACK_MESSAGES.templateBodyOrUrl);
	const template = validateTemplate(body, RESOURCE_CATALOG);
	const caps = capabilities(input['Capabilities']);
	checkCapabilities(template, caps);
	const set: Omit<StackSetRecord, 'stackSetId' | 'arn'> = {
		stackSetName: name,
		status: 'ACTIVE',
		templateBody: body,
		parameters: parameterValues(input['Parameters'], []),
		capabilities: caps,
		tags: tagsOf(input['Tags']),
		administrationRoleArn: administrationRole(input['AdministrationRoleARN'], `arn:aws:iam::${ctx.state.accountId}:role/${DEFAULT_ADMINISTRATION_ROLE}`),
		executionRoleName: executionRole(input['ExecutionRoleName'], DEFAULT_EXECUTION_ROLE),
		instances: [],
		operations: []
	};
	const text = description(input['Description']);
	requireTemplateSchemas(body);
	// Ids are drawn only once everything has been checked: a refused call changes nothing.
	const { stackSetId, arn } = newStackSetId(ctx.state, name);
	stackSetsOf(ctx.state).push({ stackSetId, arn, ...set, ...(text !== undefined ? { description: text } : {}) });
	return { StackSetId: stackSetId };
}

export function updateStackSet(ctx: CloudFormationContext, raw: unknown): UpdateStackSetOutput {
	const input = obj(raw);
	const set = requireStackSet(ctx.state, input['StackSetName']);
	const opId = operationId(input['OperationId']);
	const replay = replayOf(set, opId, 'UPDATE');
	if (replay) return { OperationId: replay.operationId };
	requireIdle(set);
	checkPermissionModel(input['PermissionModel']);
	const usePrevious = bool(input['UsePreviousTemplate']) === true;
	const given = templateBody(input);
	if (usePrevious && given !== undefined) throw new ValidationError(MESSAGES.bothTemplates);
	if (!usePrevious && given === undefined) throw new ValidationError(MESSAGES.templateOrPrevious);
	const body = given ?? set.templateBody;
	const template = validateTemplate(body, RESOURCE_CATALOG);
	const caps = capabilities(input['Capabilities']);
	checkCapabilities(template, caps);
	const parameters = input['Parameters'] === undefined ? set.parameters : parameterValues(input['Parameters'], set.parameters);
	const tags = input['Tags'] === undefined ? set.tags : tagsOf(input['Tags']);
	const text = description(input['Description']);
	const adminArn = administrationRole(input['AdministrationRoleARN'], set.administrationRoleArn);
	const execName = executionRole(input['ExecutionRoleName'], set.executionRoleName);
	const accts = accounts(input['Accounts'], false);
	const regs = regions(input['Regions'], false);
	if ((accts.length > 0) !== (regs.length > 0)) throw new ValidationError(MESSAGES.accountsAndRegionsTogether);
	const prefs = preferences(input['OperationPreferences']);
	// Accounts and Regions narrow the update to those instances, which must exist.
	const chosen = accts.length === 0 ? undefined : accts.flatMap((account) => regs.map((region) => ({ account, region })));
	for (const c of chosen ?? []) if (!findInstance(set, c.account, c.region)) throw stackInstanceNotFound();
	requireTemplateSchemas(body);

	set.templateBody = body;
	set.parameters = parameters;
	set.capabilities = caps;
	set.tags = tags;
	if (text !== undefined) set.description = text;
	set.administrationRoleArn = adminArn;
	set.executionRoleName = execName;
	const included = (i: { account: string; region: string }) => !chosen || chosen.some((c) => c.account === i.account && c.region === i.region);
	// INOPERABLE instances are left out of updates (API Reference, StackInstance Status).
	const targets = set.instances.filter((i) => i.status !== 'INOPERABLE' && included(i));
	// Instances the update leaves out are behind the new template: OUTDATED, and PENDING as AWS
	// shows them (aws-cloudformation/cloudformation-coverage-roadmap#1751).
	for (const i of set.instances) {
		if (i.status === 'INOPERABLE' || included(i)) continue;
		i.status = 'OUTDATED';
		i.detailedStatus = 'PENDING';
	}
	return beginOperation(ctx, set, { action: 'UPDATE', targets: orderTargets(targets, prefs), preferences: prefs, ...(opId !== undefined ? { operationId: opId } : {}) });
}

export function deleteStackSet(ctx: CloudFormationContext, raw: unknown): DeleteStackSetOutput {
	const input = obj(raw);
	const name = str(input['StackSetName']) ?? '';
	const set = name ? findStackSet(ctx.state, name) : undefined;
	// Deleting a stack set that does not exist succeeds (localstack's AWS-validated
	// test_delete_nonexistent_stack_set).
	if (!set || set.status === 'DELETED') return {};
	requireIdle(set);
	if (set.instances.length > 0) throw stackSetNotEmpty();
	set.status = 'DELETED';
	return {};
}
