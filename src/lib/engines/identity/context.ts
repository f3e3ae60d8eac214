// What an IAM operation works with: the world's clock, one account's identities, and who calls
// (for the few answers that name the caller).
import type { VirtualClock } from '../clock';
import type { IdentityState } from './state';

export interface IdentityContext {
	clock: VirtualClock;
	identities: IdentityState;
	callerArn: string;
}
