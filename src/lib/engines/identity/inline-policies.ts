// Inline policies of users, roles and groups: Put/Get/Delete/List<Kind>Policy (Policies).
// The three kinds differ only in who holds the policy and IAM's size quota for it.
import type { GetGroupPolicyResponse, GetRolePolicyResponse, GetUserPolicyResponse, ListGroupPoliciesResponse, ListRolePoliciesResponse, ListUserPoliciesResponse } from '@aws-sdk/client-iam';
import { parsePolicy } from '../iam';
import { LimitExceededException, NoSuchEntityException } from './errors';
import { findGroup, findRole, findUser } from './entities';
import { asInput, name, policySize, text, type Input } from './input';
import type { IdentityContext } from './context';
import type { InlinePolicyState } from './state';

interface Holder {
	name: string;
	inlinePolicies: InlinePolicyState[];
}

type Kind = 'user' | 'role' | 'group';

/** IAM's inline policy size quotas, in characters without whitespace. */
const SIZE: Record<Kind, number> = { user: 2048, role: 10240, group: 5120 };

const holderOf = (ctx: IdentityContext, input: Input, kind: Kind): Holder =>
	kind === 'user' ? findUser(ctx.identities, name(input, 'UserName', 64)) : kind === 'role' ? findRole(ctx.identities, name(input, 'RoleName', 64)) : findGroup(ctx.identities, name(input, 'GroupName', 128));

function put(ctx: IdentityContext, raw: unknown, kind: Kind): Record<string, never> {
	const input = asInput(raw);
	const holder = holderOf(ctx, input, kind);
	const policyName = name(input, 'PolicyName', 128);
	const document = text(input, 'PolicyDocument');
	// The group sentence follows the user and role ones (unverified for groups).
	if (policySize(document) > SIZE[kind]) throw new LimitExceededException(`Maximum policy size of ${SIZE[kind]} bytes exceeded for ${kind} ${holder.name}`);
	parsePolicy(document, 'identity');
	const existing = holder.inlinePolicies.find((p) => p.policyName === policyName);
	if (existing) existing.policyDocument = document;
	else holder.inlinePolicies.push({ policyName, policyDocument: document });
	return {};
}

/** The not-found sentence for groups is the emulators' (LocalStack, fog), patterned on the user and role ones. */
function find(holder: Holder, input: Input, kind: Kind): InlinePolicyState {
	const policyName = name(input, 'PolicyName', 128);
	const p = holder.inlinePolicies.find((x) => x.policyName === policyName);
	if (!p) throw new NoSuchEntityException(`The ${kind} policy with name ${policyName} cannot be found.`);
	return p;
}

function get(ctx: IdentityContext, raw: unknown, kind: Kind) {
	const input = asInput(raw);
	const holder = holderOf(ctx, input, kind);
	const p = find(holder, input, kind);
	return { holder: holder.name, PolicyName: p.policyName, PolicyDocument: encodeURIComponent(p.policyDocument) };
}

function remove(ctx: IdentityContext, raw: unknown, kind: Kind): Record<string, never> {
	const input = asInput(raw);
	const holder = holderOf(ctx, input, kind);
	const p = find(holder, input, kind);
	holder.inlinePolicies.splice(holder.inlinePolicies.indexOf(p), 1);
	return {};
}

function list(ctx: IdentityContext, raw: unknown, kind: Kind) {
	const input = asInput(raw);
	return { PolicyNames: holderOf(ctx, input, kind).inlinePolicies.map((p) => p.policyName), IsTruncated: false };
}

export const putUserPolicy = (ctx: IdentityContext, raw: unknown) => put(ctx, raw, 'user');
export const putRolePolicy = (ctx: IdentityContext, raw: unknown) => put(ctx, raw, 'role');
export const putGroupPolicy = (ctx: IdentityContext, raw: unknown) => put(ctx, raw, 'group');

export const getUserPolicy = (ctx: IdentityContext, raw: unknown): GetUserPolicyResponse => {
	const { holder, ...rest } = get(ctx, raw, 'user');
	return { UserName: holder, ...rest };
};
export const getRolePolicy = (ctx: IdentityContext, raw: unknown): GetRolePolicyResponse => {
	const { holder, ...rest } = get(ctx, raw, 'role');
	return { RoleName: holder, ...rest };
};
export const getGroupPolicy = (ctx: IdentityContext, raw: unknown): GetGroupPolicyResponse => {
	const { holder, ...rest } = get(ctx, raw, 'group');
	return { GroupName: holder, ...rest };
};

export const deleteUserPolicy = (ctx: IdentityContext, raw: unknown) => remove(ctx, raw, 'user');
export const deleteRolePolicy = (ctx: IdentityContext, raw: unknown) => remove(ctx, raw, 'role');
export const deleteGroupPolicy = (ctx: IdentityContext, raw: unknown) => remove(ctx, raw, 'group');

export const listUserPolicies = (ctx: IdentityContext, raw: unknown): ListUserPoliciesResponse => list(ctx, raw, 'user');
export const listRolePolicies = (ctx: IdentityContext, raw: unknown): ListRolePoliciesResponse => list(ctx, raw, 'role');
export const listGroupPolicies = (ctx: IdentityContext, raw: unknown): ListGroupPoliciesResponse => list(ctx, raw, 'group');
