// The read calls, in the SDK's shapes: DescribeStackSet, ListStackSets, DescribeStackInstance,
// ListStackInstances, DescribeStackSetOperation, ListStackSetOperations and
// ListStackSetOperationResults. Fields follow the AWS CLI reference's examples and the User
// Guide's troubleshooting answers (OrganizationalUnitId "" and DriftStatus NOT_CHECKED on a
// self-managed stack set's instances, StatusDetails.FailedStackInstancesCount on operations).
import type {
	Capability,
	DescribeStackInstanceOutput,
	DescribeStackSetOperationOutput,
	DescribeStackSetOutput,
	ListStackInstancesOutput,
	ListStackSetOperationResultsOutput,
	ListStackSetOperationsOutput,
	ListStackSetsOutput,
	StackInstanceSummary,
	StackSet,
	StackSetOperation,
	StackSetOperationPreferences,
	StackSetOperationResultSummary,
	StackSetOperationSummary
} from '@aws-sdk/client-cloudformation';
import { ValidationError } from '../errors';
import { obj, str, type CloudFormationContext } from '../stacks/context';
import { page } from '../stacks/paging';
import { requireInstance, requireOperation, requireStackSet } from './lookup';
import { MESSAGES } from './messages';
import { stackSetsIn, type InstanceRecord, type OperationRecord, type PreferencesRecord, type StackSetRecord, type TargetRecord } from './state';

function pageSize(raw: unknown): number {
	if (raw === undefined) return 100;
	if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 100) {
		throw new ValidationError(MESSAGES.constraint(String(raw), 'maxResults', 'Member must have value between 1 and 100'));
	}
	return raw;
}

function paged<T>(items: readonly T[], input: Record<string, unknown>): { items: T[]; NextToken?: string } {
	return page(items, input['NextToken'], pageSize(input['MaxResults']));
}

/** The single Values string of the filter named `name`, if the call gave one. */
function filterValue(raw: unknown, name: string): string | undefined {
	if (!Array.isArray(raw)) return undefined;
	for (const f of raw) {
		const o = obj(f);
		if (o['Name'] === name && typeof o['Values'] === 'string') return o['Values'];
	}
	return undefined;
}

export function toStackSet(set: StackSetRecord): StackSet {
	return {
		StackSetName: set.stackSetName,
		StackSetId: set.stackSetId,
		...(set.description !== undefined ? { Description: set.description } : {}),
		Status: set.status,
		TemplateBody: set.templateBody,
		Parameters: set.parameters.map((p) => ({ ParameterKey: p.key, ParameterValue: p.value })),
		Capabilities: set.capabilities as Capability[],
		Tags: set.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
		StackSetARN: set.arn,
		AdministrationRoleARN: set.administrationRoleArn,
		ExecutionRoleName: set.executionRoleName,
		StackSetDriftDetectionDetails: {
			DriftStatus: 'NOT_CHECKED',
			TotalStackInstancesCount: 0,
			DriftedStackInstancesCount: 0,
			InSyncStackInstancesCount: 0,
			InProgressStackInstancesCount: 0,
			FailedStackInstancesCount: 0
		},
		PermissionModel: 'SELF_MANAGED',
		OrganizationalUnitIds: [],
		ManagedExecution: { Active: false },
		Regions: [...new Set(set.instances.map((i) => i.region))]
	};
}

export function describeStackSet(ctx: CloudFormationContext, raw: unknown): DescribeStackSetOutput {
	return { StackSet: toStackSet(requireStackSet(ctx.state, obj(raw)['StackSetName'])) };
}

export function listStackSets(ctx: CloudFormationContext, raw: unknown): ListStackSetsOutput {
	const input = obj(raw);
	const status = str(input['Status']);
	const sets = stackSetsIn(ctx.state).filter((s) => status === undefined || s.status === status);
	const { items, NextToken } = paged(sets, input);
	return {
		Summaries: items.map((s) => ({
			StackSetName: s.stackSetName,
			StackSetId: s.stackSetId,
			...(s.description !== undefined ? { Description: s.description } : {}),
			Status: s.status,
			PermissionModel: 'SELF_MANAGED',
			DriftStatus: 'NOT_CHECKED',
			ManagedExecution: { Active: false }
		})),
		...(NextToken ? { NextToken } : {})
	};
}

function instanceFields(set: StackSetRecord, i: InstanceRecord): StackInstanceSummary {
	return {
		StackSetId: set.stackSetId,
		Region: i.region,
		Account: i.account,
		...(i.stackId !== undefined ? { StackId: i.stackId } : {}),
		Status: i.status,
		...(i.reason !== undefined ? { StatusReason: i.reason } : {}),
		StackInstanceStatus: { DetailedStatus: i.detailedStatus },
		OrganizationalUnitId: '',
		DriftStatus: 'NOT_CHECKED',
		...(i.lastOperationId !== undefined ? { LastOperationId: i.lastOperationId } : {})
	};
}

export function describeStackInstance(ctx: CloudFormationContext, raw: unknown): DescribeStackInstanceOutput {
	const input = obj(raw);
	const set = requireStackSet(ctx.state, input['StackSetName']);
	const instance = requireInstance(set, input['StackInstanceAccount'], input['StackInstanceRegion']);
	return {
		StackInstance: {
			...instanceFields(set, instance),
			ParameterOverrides: instance.parameterOverrides.map((p) => ({ ParameterKey: p.key, ParameterValue: p.value }))
		}
	};
}

export function listStackInstances(ctx: CloudFormationContext, raw: unknown): ListStackInstancesOutput {
	const input = obj(raw);
	const set = requireStackSet(ctx.state, input['StackSetName']);
	const account = str(input['StackInstanceAccount']);
	const region = str(input['StackInstanceRegion']);
	const detailed = filterValue(input['Filters'], 'DETAILED_STATUS');
	const lastOperation = filterValue(input['Filters'], 'LAST_OPERATION_ID');
	const drift = filterValue(input['Filters'], 'DRIFT_STATUS');
	const matching = set.instances.filter(
		(i) =>
			(account === undefined || i.account === account) &&
			(region === undefined || i.region === region) &&
			(detailed === undefined || i.detailedStatus === detailed) &&
			(lastOperation === undefined || i.lastOperationId === lastOperation) &&
			(drift === undefined || drift === 'NOT_CHECKED')
	);
	const { items, NextToken } = paged(matching, input);
	return { Summaries: items.map((i) => instanceFields(set, i)), ...(NextToken ? { NextToken } : {}) };
}

function toPreferences(p: PreferencesRecord): StackSetOperationPreferences {
	return {
		...(p.regionConcurrencyType !== undefined ? { RegionConcurrencyType: p.regionConcurrencyType } : {}),
		RegionOrder: [...p.regionOrder],
		...(p.failureToleranceCount !== undefined ? { FailureToleranceCount: p.failureToleranceCount } : {}),
		...(p.failureTolerancePercentage !== undefined ? { FailureTolerancePercentage: p.failureTolerancePercentage } : {}),
		...(p.maxConcurrentCount !== undefined ? { MaxConcurrentCount: p.maxConcurrentCount } : {}),
		...(p.maxConcurrentPercentage !== undefined ? { MaxConcurrentPercentage: p.maxConcurrentPercentage } : {}),
		...(p.concurrencyMode !== undefined ? { ConcurrencyMode: p.concurrencyMode } : {})
	};
}

const failedCount = (op: OperationRecord) => op.targets.filter((t) => t.status === 'FAILED').length;

function toOperation(set: StackSetRecord, op: OperationRecord): StackSetOperation {
	return {
		OperationId: op.operationId,
		StackSetId: set.stackSetId,
		Action: op.action,
		Status: op.status,
		OperationPreferences: toPreferences(op.preferences),
		...(op.action === 'DELETE' ? { RetainStacks: op.retainStacks === true } : {}),
		AdministrationRoleARN: op.administrationRoleArn,
		ExecutionRoleName: op.executionRoleName,
		CreationTimestamp: new Date(op.creationTimestamp),
		...(op.endTimestamp !== undefined ? { EndTimestamp: new Date(op.endTimestamp) } : {}),
		...(op.statusReason !== undefined ? { StatusReason: op.statusReason } : {}),
		StatusDetails: { FailedStackInstancesCount: failedCount(op) }
	};
}

export function describeStackSetOperation(ctx: CloudFormationContext, raw: unknown): DescribeStackSetOperationOutput {
	const input = obj(raw);
	const set = requireStackSet(ctx.state, input['StackSetName']);
	return { StackSetOperation: toOperation(set, requireOperation(set, input['OperationId'])) };
}

/** (unverified) Newest first, as ListStacks orders stacks. */
export function listStackSetOperations(ctx: CloudFormationContext, raw: unknown): ListStackSetOperationsOutput {
	const input = obj(raw);
	const set = requireStackSet(ctx.state, input['StackSetName']);
	const { items, NextToken } = paged([...set.operations].reverse(), input);
	const summaries: StackSetOperationSummary[] = items.map((op) => ({
		OperationId: op.operationId,
		Action: op.action,
		Status: op.status,
		CreationTimestamp: new Date(op.creationTimestamp),
		...(op.endTimestamp !== undefined ? { EndTimestamp: new Date(op.endTimestamp) } : {}),
		...(op.statusReason !== undefined ? { StatusReason: op.statusReason } : {}),
		StatusDetails: { FailedStackInstancesCount: failedCount(op) },
		OperationPreferences: toPreferences(op.preferences)
	}));
	return { Summaries: summaries, ...(NextToken ? { NextToken } : {}) };
}

function toResult(t: TargetRecord): StackSetOperationResultSummary {
	return {
		Account: t.account,
		Region: t.region,
		Status: t.status,
		...(t.reason !== undefined ? { StatusReason: t.reason } : {}),
		...(t.gate ? { AccountGateResult: { Status: t.gate.status, StatusReason: t.gate.reason } } : {}),
		OrganizationalUnitId: ''
	};
}

export function listStackSetOperationResults(ctx: CloudFormationContext, raw: unknown): ListStackSetOperationResultsOutput {
	const input = obj(raw);
	const set = requireStackSet(ctx.state, input['StackSetName']);
	const op = requireOperation(set, input['OperationId']);
	const status = filterValue(input['Filters'], 'OPERATION_RESULT_STATUS');
	const { items, NextToken } = paged(op.targets.filter((t) => status === undefined || t.status === status), input);
	return { Summaries: items.map(toResult), ...(NextToken ? { NextToken } : {}) };
}
