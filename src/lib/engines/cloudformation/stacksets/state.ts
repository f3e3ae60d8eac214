// What StackSets keeps in the administrator account's Region, as plain JSON inside that Region's
// CloudFormationState so a world saved mid-operation restores exactly: each stack set with its
// template, its stack instances and every operation it ran (DescribeStackSetOperation answers for
// finished ones too). A running operation's progress is here, per target, not in its job: the job
// only says which operation to move on, so reads never depend on a job's private context.
import type {
	AccountGateStatus,
	ConcurrencyMode,
	RegionConcurrencyType,
	StackInstanceDetailedStatus,
	StackInstanceStatus,
	StackSetOperationResultStatus,
	StackSetOperationStatus,
	StackSetStatus
} from '@aws-sdk/client-cloudformation';
import type { CloudFormationState } from '../stacks/state';

export type StackSetAction = 'CREATE' | 'UPDATE' | 'DELETE';

/** OperationPreferences as the caller gave them (RegionOrder always present, as AWS echoes it). */
export interface PreferencesRecord {
	regionConcurrencyType?: RegionConcurrencyType;
	regionOrder: string[];
	failureToleranceCount?: number;
	failureTolerancePercentage?: number;
	maxConcurrentCount?: number;
	maxConcurrentPercentage?: number;
	concurrencyMode?: ConcurrencyMode;
}

/** The stack status that means a target's stack operation worked. */
export type ExpectedStackStatus = 'CREATE_COMPLETE' | 'UPDATE_COMPLETE' | 'DELETE_COMPLETE';

/** One account and Region of an operation (ListStackSetOperationResults' row). */
export interface TargetRecord {
	account: string;
	region: string;
	status: StackSetOperationResultStatus;
	reason?: string;
	gate?: { status: AccountGateStatus; reason: string };
	/** While RUNNING: `access` until the roles are checked at `dueAt`, then `stack` while its stack operation runs. */
	step?: 'access' | 'stack';
	dueAt?: string;
	/** The stack this target's stack operation acts on. */
	stackId?: string;
	expect?: ExpectedStackStatus;
	/** How many events the stack had when this target's operation began: its failure reason is after them. */
	eventIndex?: number;
}

export interface OperationRecord {
	operationId: string;
	action: StackSetAction;
	status: StackSetOperationStatus;
	preferences: PreferencesRecord;
	/** DeleteStackInstances' RetainStacks. */
	retainStacks?: boolean;
	administrationRoleArn: string;
	executionRoleName: string;
	creationTimestamp: string;
	endTimestamp?: string;
	statusReason?: string;
	/** In the order they are worked through: Region by Region, accounts in the order given. */
	targets: TargetRecord[];
}

export interface InstanceRecord {
	account: string;
	region: string;
	stackId?: string;
	status: StackInstanceStatus;
	detailedStatus: StackInstanceDetailedStatus;
	reason?: string;
	parameterOverrides: { key: string; value: string }[];
	lastOperationId?: string;
}

export interface StackSetRecord {
	stackSetId: string;
	stackSetName: string;
	arn: string;
	status: StackSetStatus;
	description?: string;
	templateBody: string;
	parameters: { key: string; value: string }[];
	capabilities: string[];
	tags: { Key: string; Value: string }[];
	administrationRoleArn: string;
	executionRoleName: string;
	instances: InstanceRecord[];
	/** Oldest first. */
	operations: OperationRecord[];
}

/** The Region's stack sets, for reading (worlds saved before StackSets have none). */
export const stackSetsIn = (state: CloudFormationState): readonly StackSetRecord[] => state.stackSets ?? [];

/** The Region's stack sets, for adding one: the list is created on first use, so reads leave a save unchanged. */
export function stackSetsOf(state: CloudFormationState): StackSetRecord[] {
	state.stackSets ??= [];
	return state.stackSets;
}

export const isOperationOver = (status: string): boolean => status === 'SUCCEEDED' || status === 'FAILED' || status === 'STOPPED';
