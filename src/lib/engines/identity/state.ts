// IAM identities of one account, as plain JSON: the principals a lab lets the learner act as,
// and the policies that decide what they may do.

export interface InlinePolicyState {
	policyName: string;
	policyDocument: string;
}

export interface PrincipalState {
	name: string;
	id: string;
	path: string;
	createdAt: string;
	inlinePolicies: InlinePolicyState[];
	/** ARNs of attached managed policies (AWS managed or this account's). */
	attachedPolicyArns: string[];
}

export interface RoleState extends PrincipalState {
	assumeRolePolicyDocument: string;
	description?: string;
}

export interface ManagedPolicyState {
	policyName: string;
	id: string;
	path: string;
	document: string;
	createdAt: string;
	description?: string;
}

export interface IdentityState {
	accountId: string;
	users: PrincipalState[];
	roles: RoleState[];
	policies: ManagedPolicyState[];
	sequence: number;
}

export const emptyIdentities = (accountId: string): IdentityState => ({ accountId, users: [], roles: [], policies: [], sequence: 0 });
