// What a CloudFormation API call runs with: the caller, the Region's state, the clock, and the
// world's hooks for starting and signalling stack operations.
import type { VirtualClock } from '../../clock';
import { ValidationError } from '../errors';
import type { Caller } from '../../world-constants';
import type { ProviderContext } from '../providers/provider';
import type { ProviderRegistry, ProviderTarget } from './environment';
import type { StackOperationContext } from './operation-context';
import type { DriftDetectionContext } from './driftDetectionMachine';
import type { StackSetHost } from '../stacksets/environment';
import { parseStackArn } from './ids';
import { MESSAGES } from './reasons';
import { isLive, type CloudFormationState, type StackRecord } from './state';
import { DELETED_STACK_RETENTION_MS } from './timing';

export interface CloudFormationContext {
	clock: VirtualClock;
	caller: Caller;
	region: string;
	state: CloudFormationState;
	/** Starts a stack operation's machine `delayMs` from now; returns the job's id. */
	startOperation(input: Omit<StackOperationContext, 'startedAt' | 'dueAt'>, delayMs: number): string;
	/** Starts a DetectStackDrift run's job, finishing `delayMs` from now; returns the job's id. */
	startDriftDetection(input: Omit<DriftDetectionContext, 'startedAt' | 'dueAt'>, delayMs: number): string;
	/** Sends CancelUpdateStack to a running operation. */
	cancelOperation(jobId: string): void;
	/** Whether an IAM role exists (RoleARN). */
	roleExists(roleArn: string): boolean;
	/** The providers, for drift detection's reads (absent: nothing can be checked). */
	providers?: ProviderRegistry;
	/** A provider context bound to a principal, for drift detection's reads. */
	providerContext?(target: ProviderTarget): ProviderContext;
	/** What StackSets calls need from the world (absent: they answer InternalFailure). */
	stackSets?: StackSetHost;
}

/** A stack by name (live stacks only) or by stack ID (deleted ones too, while AWS keeps them). */
export function findStack(ctx: CloudFormationContext, nameOrId: string): StackRecord | undefined {
	prune(ctx);
	if (parseStackArn(nameOrId)) return ctx.state.stacks.find((s) => s.stackId === nameOrId);
	return ctx.state.stacks.find((s) => s.stackName === nameOrId && isLive(s));
}

/** The stack, or AWS's `Stack with id X does not exist`. */
export function requireStack(ctx: CloudFormationContext, nameOrId: unknown): StackRecord {
	const name = typeof nameOrId === 'string' ? nameOrId : '';
	const stack = name ? findStack(ctx, name) : undefined;
	if (!stack) throw new ValidationError(MESSAGES.doesNotExist(name));
	return stack;
}

/** Deleted stacks are forgotten 90 days after their deletion. */
function prune(ctx: CloudFormationContext): void {
	const now = ctx.clock.nowMs();
	const keep = ctx.state.stacks.filter((s) => s.status !== 'DELETE_COMPLETE' || s.deletionTime === undefined || now - Date.parse(s.deletionTime) < DELETED_STACK_RETENTION_MS);
	if (keep.length !== ctx.state.stacks.length) ctx.state.stacks = keep;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
