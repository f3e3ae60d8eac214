// IAM identities of one account, as plain JSON: the principals a lab lets the learner act as,
// the groups they belong to, and the policies that decide what they may do.
// Fields added after the first saved worlds are optional, so those saves still restore: an
// absent list is empty, an absent version history is the policy's one version v1.

export interface InlinePolicyState {
	policyName: string;
	policyDocument: string;
}

export interface TagState {
	Key: string;
	Value: string;
}

export interface PrincipalState {
	name: string;
	id: string;
	path: string;
	createdAt: string;
	inlinePolicies: InlinePolicyState[];
	/** ARNs of attached managed policies (AWS managed or this account's). */
	attachedPolicyArns: string[];
	tags?: TagState[];
}

/**
 * A user's long-term access key. The secret is shown once, by CreateAccessKey, and never kept:
 * the simulator does not check signatures, so nothing needs it afterwards.
 */
export interface AccessKeyState {
	id: string;
	status: 'Active' | 'Inactive';
	createdAt: string;
	/** The last request signed with it (GetAccessKeyLastUsed); absent until first use. */
	lastUsed?: { at: string; service: string; region: string };
}

export interface UserState extends PrincipalState {
	/** Absent in saves made before access keys existed: no keys. */
	accessKeys?: AccessKeyState[];
}

export interface RoleState extends PrincipalState {
	assumeRolePolicyDocument: string;
	description?: string;
	/** Seconds; absent means IAM's default of 3600. */
	maxSessionDuration?: number;
}

/** A group: inline and attached policies like a principal, and its members' user names. */
export interface GroupState {
	name: string;
	id: string;
	path: string;
	createdAt: string;
	inlinePolicies: InlinePolicyState[];
	attachedPolicyArns: string[];
	userNames: string[];
}

export interface PolicyVersionState {
	versionId: string;
	document: string;
	createdAt: string;
}

export interface ManagedPolicyState {
	policyName: string;
	id: string;
	path: string;
	/** The default version's document: what IAM evaluates. */
	document: string;
	createdAt: string;
	description?: string;
	/** Every version, the default included; absent means the single version v1 (`document`). */
	versions?: PolicyVersionState[];
	/** Absent means v1. */
	defaultVersionId?: string;
	/** The number of the last version created (IAM never reuses a version id); absent means 1. */
	versionSequence?: number;
}

export interface IdentityState {
	accountId: string;
	users: UserState[];
	roles: RoleState[];
	policies: ManagedPolicyState[];
	groups?: GroupState[];
	/**
	 * Ids of access keys this account deleted. A request signed with one is refused as AWS
	 * refuses it, instead of falling back to the sandbox's "any other key is the root user".
	 */
	retiredAccessKeyIds?: string[];
	sequence: number;
}

export const emptyIdentities = (accountId: string): IdentityState => ({ accountId, users: [], roles: [], policies: [], groups: [], sequence: 0 });

const NONE: readonly GroupState[] = [];

/** The account's groups, for reading (a world saved before groups existed has none). */
export const groupsOf = (state: IdentityState): readonly GroupState[] => state.groups ?? NONE;
