// What a stack operation needs from the world while it runs. The operation's own progress is
// plain JSON in its machine's context; everything live (the clock, the stacks, the providers,
// the engines the providers act on) is handed in with each clock tick, never stored.
import type { VirtualClock } from '../../clock';
import type { Caller, CallerSession } from '../../world-constants';
import type { ProviderContext, ResourceProvider } from '../providers/provider';
import type { CloudFormationState } from './state';

/** Which provider creates resources of a type; undefined for a type the simulator does not model. */
export type ProviderRegistry = (type: string) => ResourceProvider | undefined;

/** The principal CloudFormation acts as for resource operations, as JSON. */
export interface OperationCaller {
	arn: string;
	accountId: string;
	context?: Record<string, string | string[]>;
	/** A role session's limits (its session policy) go with the stack's resource operations too. */
	session?: CallerSession;
}

export const toCaller = (c: OperationCaller): Caller => ({
	arn: c.arn,
	accountId: c.accountId,
	...(c.context ? { context: c.context } : {}),
	...(c.session ? { session: c.session } : {})
});

export interface ProviderTarget {
	accountId: string;
	region: string;
	stackId: string;
	stackName: string;
	logicalId: string;
	caller: OperationCaller;
	metadata?: Record<string, unknown>;
}

export interface StackEnvironment {
	clock: VirtualClock;
	/** CloudFormation's state of one account and Region. */
	cloudformation(accountId: string, region: string): CloudFormationState | undefined;
	providers: ProviderRegistry;
	/** A provider context bound to the principal the operation runs as. */
	providerContext(target: ProviderTarget): ProviderContext;
}
