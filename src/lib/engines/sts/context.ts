// What an STS operation works with, lent by the world: the clock, the caller, the sessions, every
// account's IAM (AssumeRole reaches across accounts), and the world's way of describing a request
// to IAM's evaluator (organization id, the caller's request context, the clock's time).
import type { VirtualClock } from '../clock';
import type { AuthorizationRequest } from '../iam';
import type { IdentityState } from '../identity/state';
import type { Caller } from '../world-constants';
import type { StsState } from './state';

export interface StsContext {
	clock: VirtualClock;
	caller: Caller;
	sts: StsState;
	identities(accountId: string): IdentityState | undefined;
	request(action: string, resource: string, context: Record<string, string>): AuthorizationRequest;
}
