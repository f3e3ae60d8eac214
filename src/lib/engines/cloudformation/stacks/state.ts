// What CloudFormation keeps per account and Region, as plain JSON so a world snapshots and
// restores mid-operation: the stacks (live and deleted, kept 90 days), each with its template,
// parameters, resources, outputs and event log. Exports are not stored: they are the outputs with
// an Export name of the stacks that are not deleted, so they cannot disagree with them.
import type { ResourceStatus, StackStatus } from '@aws-sdk/client-cloudformation';
import type { DriftState } from './drift-state';
import type { StackSetRecord } from '../stacksets/state';

export type OnFailure = 'ROLLBACK' | 'DELETE' | 'DO_NOTHING';

export type DeletionPolicy = 'Delete' | 'Retain' | 'RetainExceptOnCreate' | 'Snapshot';

/** One event of DescribeStackEvents, oldest first in the log. */
export interface StackEventRecord {
	eventId: string;
	logicalId: string;
	/** '' when the resource has no physical ID yet, as AWS writes it. */
	physicalId: string;
	type: string;
	timestamp: string;
	status: ResourceStatus | StackStatus;
	reason?: string;
	/** The resolved properties as a JSON string (resource events only). */
	properties?: string;
	clientRequestToken?: string;
}

/** A physical copy of a resource, as the stack last saw it. */
export interface ResourceCopy {
	physicalId?: string;
	properties: Record<string, unknown>;
	attributes: Record<string, unknown>;
	metadata?: unknown;
	status: ResourceStatus;
	reason?: string;
	lastUpdated: string;
}

export interface StackResourceRecord {
	logicalId: string;
	type: string;
	physicalId?: string;
	status: ResourceStatus;
	reason?: string;
	/** Resolved properties (what the provider was given). */
	properties: Record<string, unknown>;
	/** Fn::GetAtt values the provider returned. */
	attributes: Record<string, unknown>;
	/** Resolved Metadata (DescribeStackResource's Metadata). */
	metadata?: unknown;
	deletionPolicy: DeletionPolicy;
	updateReplacePolicy: DeletionPolicy;
	lastUpdated: string;
	/** Update bookkeeping: the resource as it was before the running update touched it. */
	before?: ResourceCopy;
	/** Update bookkeeping: the resource did not exist before the running update. */
	added?: boolean;
	/** A physical copy the next cleanup deletes (the old one after a replacement, the new one after its rollback). */
	obsolete?: ResourceCopy;
	/**
	 * Update bookkeeping: the stack policy refused the update before anything was done to the
	 * resource, so its rollback has nothing to undo (a real 2017 log shows only UPDATE_COMPLETE).
	 */
	policyDenied?: boolean;
}

export interface StackOutputRecord {
	key: string;
	value: string;
	description?: string;
	exportName?: string;
}

export interface StackParameterRecord {
	key: string;
	value: string;
	/** The value CloudFormation resolved from SSM for the SSM parameter types. */
	resolvedValue?: string;
}

/** One version of what the stack was asked to be. */
export interface StackRevision {
	templateBody: string;
	parameters: StackParameterRecord[];
	noEcho: string[];
	description?: string;
	tags: { Key: string; Value: string }[];
	capabilities: string[];
	imports: string[];
}

export interface StackRecord {
	stackId: string;
	stackName: string;
	status: StackStatus;
	reason?: string;
	description?: string;
	templateBody: string;
	parameters: StackParameterRecord[];
	/** Keys of NoEcho parameters: their values are shown as asterisks. */
	noEcho: string[];
	capabilities: string[];
	tags: { Key: string; Value: string }[];
	notificationArns: string[];
	roleArn?: string;
	terminationProtection: boolean;
	disableRollback: boolean;
	/**
	 * CreateStack was given OnFailure=DO_NOTHING rather than DisableRollback: AWS then refuses to
	 * update the stack from CREATE_FAILED ("... because it contains [on-failure: DO_NOTHING]").
	 */
	onFailureDoNothing?: boolean;
	/** The last RetainExceptOnCreate a create, update or RollbackStack was given (DescribeStacks shows it). */
	retainExceptOnCreate?: boolean;
	/** The stack policy (SetStackPolicy, or StackPolicyBody on CreateStack/UpdateStack); none means every update is allowed. */
	stackPolicyBody?: string;
	/**
	 * UpdateStack's StackPolicyDuringUpdateBody while that update runs: it governs the update instead
	 * of stackPolicyBody, and GetStackPolicy shows it until the update is over (as AWS answers, [LSSNAP]).
	 */
	stackPolicyDuringUpdate?: string;
	/** DeleteStack's DeletionMode, once a delete asked for one. */
	deletionMode?: 'STANDARD' | 'FORCE_DELETE_STACK';
	timeoutInMinutes?: number;
	creationTime: string;
	lastUpdatedTime?: string;
	deletionTime?: string;
	/** Every resource an operation has reached, in the order first reached. */
	resources: StackResourceRecord[];
	outputs: StackOutputRecord[];
	/** Export names this stack imports with Fn::ImportValue (ListImports, in-use checks). */
	imports: string[];
	events: StackEventRecord[];
	/**
	 * Set while an update or its rollback runs: the revision the stack is moving away from (the old
	 * one during the update; the failed new one once the rollback has put the old one back).
	 */
	previous?: StackRevision;
	/** CreateStack/UpdateStack/DeleteStack's ClientRequestToken, echoed on that operation's events. */
	clientRequestToken?: string;
	/** The job running the stack's current operation. */
	operationJobId?: string;
}

export interface CloudFormationState {
	accountId: string;
	region: string;
	stacks: StackRecord[];
	/** Counter behind the deterministic ids (stack ids, event ids, request tokens). */
	sequence: number;
	/** Drift detection results (absent until the first detection). */
	drift?: DriftState;
	/** The stack sets administered from this account and Region (absent until the first one). */
	stackSets?: StackSetRecord[];
}

export const emptyCloudFormation = (accountId: string, region: string): CloudFormationState => ({ accountId, region, stacks: [], sequence: 0 });

/** Statuses in which a stack is busy: another operation (or an update) is refused. */
export const isInProgress = (status: string): boolean => status.endsWith('_IN_PROGRESS');

/**
 * Whether the stack ever reached a "last known stable state" (RollbackStack's API reference: any
 * *_COMPLETE status of the stack itself: CREATE_, UPDATE_, UPDATE_ROLLBACK_, IMPORT_,
 * IMPORT_ROLLBACK_COMPLETE). The stack's own events are its history, so they answer it.
 */
export function hasStableState(stack: StackRecord): boolean {
	const stable = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);
	return stack.events.some((e) => e.logicalId === stack.stackName && e.physicalId === stack.stackId && stable.has(e.status));
}

/** A stack that still exists (DescribeStacks by name finds it). */
export const isLive = (stack: StackRecord): boolean => stack.status !== 'DELETE_COMPLETE';
