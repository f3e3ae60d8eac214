// One wake-up of a stack set operation: the world it acts on, the stack set and operation it moves
// on, and the instant.
import type { CloudFormationState } from '../stacks/state';
import type { StackSetHost } from './environment';
import type { OperationRecord, StackSetRecord } from './state';

export interface OperationRun {
	host: StackSetHost;
	/** The administrator account's CloudFormation in the stack set's Region. */
	admin: CloudFormationState;
	set: StackSetRecord;
	op: OperationRecord;
	nowMs: number;
	now: string;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
