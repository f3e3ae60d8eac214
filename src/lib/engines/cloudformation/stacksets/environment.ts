// What StackSets borrows from the world, both when a call starts an operation and on each clock
// tick of a running one: CloudFormation in any account and Region (to create, update and delete
// the instances' stacks with the stacks' own operations), the accounts' IAM (to decide whether
// the administration and execution roles can be assumed), and the job queue.
import type { VirtualClock } from '../../clock';
import type { AccessRequest } from '../../ecr/access';
import type { IdentityState } from '../../identity/state';
import type { Caller } from '../../world-constants';
import type { CloudFormationContext } from '../stacks/context';
import type { CloudFormationState } from '../stacks/state';
import type { StackSetJobContext } from './job';

export interface StackSetHost {
	clock: VirtualClock;
	/** CloudFormation's state of an account and Region; undefined for one the world lacks. */
	state(accountId: string, region: string): CloudFormationState | undefined;
	/** CloudFormation as `caller` sees it in `region`; throws AWS's error for an account or Region the world lacks. */
	context(caller: Caller, region: string): CloudFormationContext;
	/** An account's IAM users, roles and policies; undefined for an account the world lacks. */
	identities(accountId: string): IdentityState | undefined;
	/** Throws AccessDeniedException unless IAM allows every request for the caller. */
	authorize(caller: Caller, requests: readonly AccessRequest[]): void;
	/** Starts an operation's job; returns its id. */
	startJob(context: StackSetJobContext): string;
}

/** What the world sends with every clock tick (the stack operations' environment, plus this). */
export interface StackSetTickEnvironment {
	stackSets?: StackSetHost;
}
