// Finding an account's users, roles, groups and policies by name or ARN, with IAM's not-found
// errors, and the ARNs and unique ids IAM gives them.
import { sha256, toHex } from '../sha256';
import { NoSuchEntityException } from './errors';
import { findAwsManagedPolicy } from './managed-policies';
import { groupsOf, type GroupState, type IdentityState, type ManagedPolicyState, type PrincipalState, type RoleState, type UserState } from './state';

/** An id as IAM makes them: a kind prefix (AIDA user, AROA role, AGPA group, ANPA policy) and 17 base-32 characters. */
export function uniqueId(state: IdentityState, prefix: string): string {
	state.sequence += 1;
	const hex = toHex(sha256(`${state.accountId}/${prefix}/${state.sequence}`));
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let id = prefix;
	for (let i = 0; i < 17; i++) id += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 32];
	return id;
}

export const iamArn = (accountId: string, kind: 'user' | 'role' | 'group' | 'policy', path: string, entityName: string) => `arn:aws:iam::${accountId}:${kind}${path}${entityName}`;
export const userArn = (state: IdentityState, u: PrincipalState) => iamArn(state.accountId, 'user', u.path, u.name);
export const roleArn = (state: IdentityState, r: PrincipalState) => iamArn(state.accountId, 'role', r.path, r.name);
export const groupArn = (state: IdentityState, g: GroupState) => iamArn(state.accountId, 'group', g.path, g.name);
export const customerPolicyArn = (state: IdentityState, p: ManagedPolicyState) => iamArn(state.accountId, 'policy', p.path, p.policyName);

export function findUser(state: IdentityState, userName: string): UserState {
	const u = state.users.find((x) => x.name === userName);
	if (!u) throw new NoSuchEntityException(`The user with name ${userName} cannot be found.`);
	return u;
}

export function findRole(state: IdentityState, roleName: string): RoleState {
	const r = state.roles.find((x) => x.name === roleName);
	if (!r) throw new NoSuchEntityException(`The role with name ${roleName} cannot be found.`);
	return r;
}

export function findGroup(state: IdentityState, groupName: string): GroupState {
	const g = groupsOf(state).find((x) => x.name === groupName);
	if (!g) throw new NoSuchEntityException(`The group with name ${groupName} cannot be found.`);
	return g;
}

/** The account's own managed policy with this ARN, if any. */
export const findCustomerPolicy = (state: IdentityState, arn: string): ManagedPolicyState | undefined => state.policies.find((p) => customerPolicyArn(state, p) === arn);

/** The document of a managed policy this account can attach: AWS managed or its own. */
export function managedPolicyDocument(state: IdentityState, arn: string): { name: string; document: string } | undefined {
	const aws = findAwsManagedPolicy(arn);
	if (aws) return { name: aws.policyName, document: aws.document };
	const own = findCustomerPolicy(state, arn);
	return own ? { name: own.policyName, document: own.document } : undefined;
}

/** Every user, role and group that has a managed policy attached. */
export function policyHolders(state: IdentityState, arn: string) {
	return {
		users: state.users.filter((u) => u.attachedPolicyArns.includes(arn)),
		roles: state.roles.filter((r) => r.attachedPolicyArns.includes(arn)),
		groups: groupsOf(state).filter((g) => g.attachedPolicyArns.includes(arn))
	};
}

export function attachmentCount(state: IdentityState, arn: string): number {
	const h = policyHolders(state, arn);
	return h.users.length + h.roles.length + h.groups.length;
}
