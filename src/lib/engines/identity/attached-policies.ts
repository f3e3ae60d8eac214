// Managed policies attached to users, roles and groups: Attach/Detach/ListAttached<Kind>Policies.
import type { ListAttachedGroupPoliciesResponse, ListAttachedRolePoliciesResponse, ListAttachedUserPoliciesResponse } from '@aws-sdk/client-iam';
import { LimitExceededException, NoSuchEntityException } from './errors';
import { findGroup, findRole, findUser, managedPolicyDocument } from './entities';
import { asInput, name, policyArn, type Input } from './input';
import type { IdentityContext } from './context';
import { attachedShape } from './shapes';

interface Holder {
	attachedPolicyArns: string[];
}

type Kind = 'User' | 'Role' | 'Group';

/** IAM's default limit on managed policies attached to one user, role or group. */
const MAX_ATTACHED = 10;

const holderOf = (ctx: IdentityContext, input: Input, kind: Kind): Holder =>
	kind === 'User' ? findUser(ctx.identities, name(input, 'UserName', 64)) : kind === 'Role' ? findRole(ctx.identities, name(input, 'RoleName', 64)) : findGroup(ctx.identities, name(input, 'GroupName', 128));

/** Sentences from real AWS answers ("... does not exist or is not attachable.", "Cannot exceed quota for PoliciesPerRole: 10"). */
function attach(ctx: IdentityContext, raw: unknown, kind: Kind): Record<string, never> {
	const input = asInput(raw);
	const holder = holderOf(ctx, input, kind);
	const arn = policyArn(input);
	if (!managedPolicyDocument(ctx.identities, arn)) throw new NoSuchEntityException(`Policy ${arn} does not exist or is not attachable.`);
	if (!holder.attachedPolicyArns.includes(arn)) {
		if (holder.attachedPolicyArns.length >= MAX_ATTACHED) throw new LimitExceededException(`Cannot exceed quota for PoliciesPer${kind}: ${MAX_ATTACHED}`);
		holder.attachedPolicyArns.push(arn);
	}
	return {};
}

function detach(ctx: IdentityContext, raw: unknown, kind: Kind): Record<string, never> {
	const input = asInput(raw);
	const holder = holderOf(ctx, input, kind);
	const arn = policyArn(input);
	const i = holder.attachedPolicyArns.indexOf(arn);
	if (i < 0) throw new NoSuchEntityException(`Policy ${arn} was not found.`);
	holder.attachedPolicyArns.splice(i, 1);
	return {};
}

function list(ctx: IdentityContext, raw: unknown, kind: Kind) {
	const input = asInput(raw);
	return { AttachedPolicies: attachedShape(ctx.identities, holderOf(ctx, input, kind).attachedPolicyArns), IsTruncated: false };
}

export const attachUserPolicy = (ctx: IdentityContext, raw: unknown) => attach(ctx, raw, 'User');
export const attachRolePolicy = (ctx: IdentityContext, raw: unknown) => attach(ctx, raw, 'Role');
export const attachGroupPolicy = (ctx: IdentityContext, raw: unknown) => attach(ctx, raw, 'Group');
export const detachUserPolicy = (ctx: IdentityContext, raw: unknown) => detach(ctx, raw, 'User');
export const detachRolePolicy = (ctx: IdentityContext, raw: unknown) => detach(ctx, raw, 'Role');
export const detachGroupPolicy = (ctx: IdentityContext, raw: unknown) => detach(ctx, raw, 'Group');
export const listAttachedUserPolicies = (ctx: IdentityContext, raw: unknown): ListAttachedUserPoliciesResponse => list(ctx, raw, 'User');
export const listAttachedRolePolicies = (ctx: IdentityContext, raw: unknown): ListAttachedRolePoliciesResponse => list(ctx, raw, 'Role');
export const listAttachedGroupPolicies = (ctx: IdentityContext, raw: unknown): ListAttachedGroupPoliciesResponse => list(ctx, raw, 'Group');
