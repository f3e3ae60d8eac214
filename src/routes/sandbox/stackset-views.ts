// What the StackSets panel shows, read through the API as the administrator account's root user:
// ListStackSets, and for the chosen stack set DescribeStackSet, ListStackInstances,
// ListStackSetOperations and ListStackSetOperationResults of one operation. Plain data; AWS's own
// field names stay in the labels.
import { iso, opt, pages, type Cfn } from './stack-views';

export interface StackSetSummaryView {
	id: string;
	name: string;
	status: string;
	description?: string;
}

export interface StackSetOperationView {
	id: string;
	action: string;
	status: string;
	reason?: string;
	createdAt: string;
	endedAt?: string;
	failedCount: number;
}

export interface OperationResultView {
	account: string;
	region: string;
	status: string;
	reason?: string;
	gateStatus?: string;
	gateReason?: string;
}

export interface StackInstanceView {
	account: string;
	region: string;
	status: string;
	detailedStatus: string;
	reason?: string;
	stackId?: string;
	lastOperationId?: string;
}

export interface StackSetDetailView extends StackSetSummaryView {
	arn: string;
	administrationRoleArn: string;
	executionRoleName: string;
	parameters: { key: string; value: string }[];
	instances: StackInstanceView[];
	/** Newest first. */
	operations: StackSetOperationView[];
	/** The operation whose results are shown, and its results. */
	operation: StackSetOperationView | null;
	results: OperationResultView[];
}

/** A stack set operation is still running (STOPPING waits for the targets already started). */
export const isOperationRunning = (status: string): boolean => status === 'RUNNING' || status === 'STOPPING' || status === 'QUEUED';

export function listStackSets(cfn: Cfn): StackSetSummaryView[] {
	return pages((t) => cfn.call('ListStackSets', { Status: 'ACTIVE', ...t }))
		.flatMap((p) => p.Summaries ?? [])
		.map((s) => ({ id: s.StackSetId ?? '', name: s.StackSetName ?? '', status: s.Status ?? '', ...opt('description', s.Description) }));
}

export function listOperations(cfn: Cfn, name: string): StackSetOperationView[] {
	return pages((t) => cfn.call('ListStackSetOperations', { StackSetName: name, ...t }))
		.flatMap((p) => p.Summaries ?? [])
		.map((o) => ({
			id: o.OperationId ?? '',
			action: o.Action ?? '',
			status: o.Status ?? '',
			...opt('reason', o.StatusReason),
			createdAt: iso(o.CreationTimestamp),
			...opt('endedAt', o.EndTimestamp && iso(o.EndTimestamp)),
			failedCount: o.StatusDetails?.FailedStackInstancesCount ?? 0
		}));
}

/** One stack set in full, by name; `operationId` picks the operation whose results are shown (default: the newest). */
export function describeStackSet(cfn: Cfn, name: string, operationId: string | null): StackSetDetailView | null {
	const set = cfn.call('DescribeStackSet', { StackSetName: name }).StackSet;
	if (!set) return null;
	const operations = listOperations(cfn, name);
	const operation = operations.find((o) => o.id === operationId) ?? operations[0] ?? null;
	const results: OperationResultView[] = operation
		? pages((t) => cfn.call('ListStackSetOperationResults', { StackSetName: name, OperationId: operation.id, ...t }))
				.flatMap((p) => p.Summaries ?? [])
				.map((r) => ({
					account: r.Account ?? '',
					region: r.Region ?? '',
					status: r.Status ?? '',
					...opt('reason', r.StatusReason),
					...opt('gateStatus', r.AccountGateResult?.Status),
					...opt('gateReason', r.AccountGateResult?.StatusReason)
				}))
		: [];
	const instances = pages((t) => cfn.call('ListStackInstances', { StackSetName: name, ...t }))
		.flatMap((p) => p.Summaries ?? [])
		.map((i) => ({
			account: i.Account ?? '',
			region: i.Region ?? '',
			status: i.Status ?? '',
			detailedStatus: i.StackInstanceStatus?.DetailedStatus ?? '',
			...opt('reason', i.StatusReason),
			...opt('stackId', i.StackId),
			...opt('lastOperationId', i.LastOperationId)
		}));
	return {
		id: set.StackSetId ?? '',
		name: set.StackSetName ?? name,
		status: set.Status ?? '',
		...opt('description', set.Description),
		arn: set.StackSetARN ?? '',
		administrationRoleArn: set.AdministrationRoleARN ?? '',
		executionRoleName: set.ExecutionRoleName ?? '',
		parameters: (set.Parameters ?? []).map((p) => ({ key: p.ParameterKey ?? '', value: p.ParameterValue ?? '' })),
		instances,
		operations,
		operation,
		results
	};
}
