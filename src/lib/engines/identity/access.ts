// The resource an IAM request is authorized on (Service Authorization Reference, IAM): the user,
// role or group it names, the policy it names, or "*" for the account-wide lists. The ARN carries
// the entity's path when it exists (or the request's Path when it is being created), so a policy
// scoped to `arn:aws:iam::<account>:role/ci/*` works as on AWS. Never throws: a request too
// malformed to name anything is authorized on "*" and then fails its own validation. The access
// key operations act on the caller's own user when they name none, and GetAccessKeyLastUsed on
// the user holding the key, so "manage your own keys" policies (user/${aws:username}) work.
import { keyHolder } from './access-keys';
import { iamArn } from './entities';
import type { IdentityOperationName } from './operations';
import { groupsOf, type IdentityState } from './state';

type Kind = 'user' | 'role' | 'group' | 'policy' | 'account';

const KIND: Record<IdentityOperationName, Kind> = {
	CreateUser: 'user',
	GetUser: 'user',
	ListUsers: 'account',
	DeleteUser: 'user',
	TagUser: 'user',
	UntagUser: 'user',
	ListUserTags: 'user',
	ListGroupsForUser: 'user',
	CreateAccessKey: 'user',
	ListAccessKeys: 'user',
	UpdateAccessKey: 'user',
	DeleteAccessKey: 'user',
	GetAccessKeyLastUsed: 'user',
	PutUserPolicy: 'user',
	GetUserPolicy: 'user',
	DeleteUserPolicy: 'user',
	ListUserPolicies: 'user',
	AttachUserPolicy: 'user',
	DetachUserPolicy: 'user',
	ListAttachedUserPolicies: 'user',
	CreateRole: 'role',
	GetRole: 'role',
	ListRoles: 'account',
	DeleteRole: 'role',
	UpdateRole: 'role',
	UpdateAssumeRolePolicy: 'role',
	TagRole: 'role',
	UntagRole: 'role',
	ListRoleTags: 'role',
	PutRolePolicy: 'role',
	GetRolePolicy: 'role',
	DeleteRolePolicy: 'role',
	ListRolePolicies: 'role',
	AttachRolePolicy: 'role',
	DetachRolePolicy: 'role',
	ListAttachedRolePolicies: 'role',
	CreateGroup: 'group',
	GetGroup: 'group',
	ListGroups: 'account',
	DeleteGroup: 'group',
	AddUserToGroup: 'group',
	RemoveUserFromGroup: 'group',
	PutGroupPolicy: 'group',
	GetGroupPolicy: 'group',
	DeleteGroupPolicy: 'group',
	ListGroupPolicies: 'group',
	AttachGroupPolicy: 'group',
	DetachGroupPolicy: 'group',
	ListAttachedGroupPolicies: 'group',
	CreatePolicy: 'policy',
	GetPolicy: 'policy',
	DeletePolicy: 'policy',
	ListPolicies: 'account',
	ListEntitiesForPolicy: 'policy',
	CreatePolicyVersion: 'policy',
	GetPolicyVersion: 'policy',
	ListPolicyVersions: 'policy',
	DeletePolicyVersion: 'policy',
	SetDefaultPolicyVersion: 'policy'
};

const NAME_MEMBER = { user: 'UserName', role: 'RoleName', group: 'GroupName' } as const;

const field = (input: unknown, key: string): unknown => (input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>)[key] : undefined);

function entityPath(state: IdentityState, kind: 'user' | 'role' | 'group', entityName: string): string | undefined {
	const list = kind === 'user' ? state.users : kind === 'role' ? state.roles : groupsOf(state);
	return list.find((e) => e.name === entityName)?.path;
}

/** The access key operations that default to the calling user. */
const OWN_USER = new Set<IdentityOperationName>(['CreateAccessKey', 'ListAccessKeys', 'UpdateAccessKey', 'DeleteAccessKey']);

/** The ARN IAM authorizes `operation` on, for a request with `input` from `callerArn`. */
export function iamResource(state: IdentityState, operation: IdentityOperationName, input: unknown, callerArn?: string): string {
	const kind = KIND[operation];
	if (operation === 'GetAccessKeyLastUsed') {
		const id = field(input, 'AccessKeyId');
		const held = typeof id === 'string' ? keyHolder(state, id) : undefined;
		return held ? iamArn(state.accountId, 'user', held.user.path, held.user.name) : '*';
	}
	if (OWN_USER.has(operation) && field(input, 'UserName') === undefined && callerArn?.startsWith(`arn:aws:iam::${state.accountId}:user/`)) return callerArn;
	if (kind === 'account') return '*';
	if (kind === 'policy') {
		const arn = field(input, 'PolicyArn');
		if (typeof arn === 'string' && arn) return arn;
		const policyName = field(input, 'PolicyName');
		const requested = field(input, 'Path');
		if (operation !== 'CreatePolicy' || typeof policyName !== 'string' || !policyName) return '*';
		return iamArn(state.accountId, 'policy', typeof requested === 'string' ? requested : '/', policyName);
	}
	const entityName = field(input, NAME_MEMBER[kind]);
	if (typeof entityName !== 'string' || !entityName) return '*';
	const requested = field(input, 'Path');
	const p = entityPath(state, kind, entityName) ?? (operation.startsWith('Create') && typeof requested === 'string' ? requested : '/');
	return iamArn(state.accountId, kind, p, entityName);
}
