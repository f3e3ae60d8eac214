// IAM roles: CreateRole, GetRole, ListRoles, DeleteRole, UpdateRole (Description,
// MaxSessionDuration) and UpdateAssumeRolePolicy (the trust policy).
import type { CreateRoleResponse, GetRoleResponse, ListRolesResponse } from '@aws-sdk/client-iam';
import { parsePolicy } from '../iam';
import { DeleteConflictException, EntityAlreadyExistsException, LimitExceededException } from './errors';
import { findRole, uniqueId } from './entities';
import { asInput, description, maxSessionDuration, name, path, policySize, tags, text } from './input';
import type { IdentityContext } from './context';
import { roleShape } from './shapes';
import type { RoleState } from './state';
import { distinctTags } from './tags';

/** A trust policy: at most 2,048 characters (whitespace not counted), parsed as a resource policy. */
function trustPolicy(document: string): string {
	if (policySize(document) > 2048) throw new LimitExceededException('Cannot exceed quota for ACLSizePerRole: 2048');
	parsePolicy(document, 'resource');
	return document;
}

export function createRole(ctx: IdentityContext, raw: unknown): CreateRoleResponse {
	const input = asInput(raw);
	const roleName = name(input, 'RoleName', 64);
	const p = path(input);
	const trust = trustPolicy(text(input, 'AssumeRolePolicyDocument'));
	const about = description(input);
	const maxSession = maxSessionDuration(input);
	const tagList = distinctTags(tags(input, false));
	const s = ctx.identities;
	if (s.roles.some((r) => r.name.toLowerCase() === roleName.toLowerCase())) throw new EntityAlreadyExistsException(`Role with name ${roleName} already exists.`);
	const role: RoleState = {
		name: roleName,
		id: uniqueId(s, 'AROA'),
		path: p,
		createdAt: ctx.clock.now().toISOString(),
		inlinePolicies: [],
		attachedPolicyArns: [],
		assumeRolePolicyDocument: trust,
		...(about !== undefined ? { description: about } : {}),
		...(maxSession !== undefined ? { maxSessionDuration: maxSession } : {}),
		...(tagList.length ? { tags: tagList } : {})
	};
	s.roles.push(role);
	return { Role: roleShape(s, role, { tags: true }) };
}

export const getRole = (ctx: IdentityContext, raw: unknown): GetRoleResponse => {
	const input = asInput(raw);
	return { Role: roleShape(ctx.identities, findRole(ctx.identities, name(input, 'RoleName', 64)), { tags: true }) };
};

export const listRoles = (ctx: IdentityContext, raw: unknown): ListRolesResponse => {
	asInput(raw);
	return { Roles: ctx.identities.roles.map((r) => roleShape(ctx.identities, r)), IsTruncated: false };
};

/** AWS's sentences (real DeleteConflict responses); the order of the checks is moto's (unverified). */
export function deleteRole(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const s = ctx.identities;
	const role = findRole(s, name(input, 'RoleName', 64));
	if (role.attachedPolicyArns.length > 0) throw new DeleteConflictException('Cannot delete entity, must detach all policies first.');
	if (role.inlinePolicies.length > 0) throw new DeleteConflictException('Cannot delete entity, must delete policies first.');
	s.roles.splice(s.roles.indexOf(role), 1);
	return {};
}

/** UpdateRole changes only the members given (unverified: whether an absent Description clears it). */
export function updateRole(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const role = findRole(ctx.identities, name(input, 'RoleName', 64));
	const about = description(input);
	const maxSession = maxSessionDuration(input);
	if (about !== undefined) role.description = about;
	if (maxSession !== undefined) role.maxSessionDuration = maxSession;
	return {};
}

export function updateAssumeRolePolicy(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const role = findRole(ctx.identities, name(input, 'RoleName', 64));
	role.assumeRolePolicyDocument = trustPolicy(text(input, 'PolicyDocument'));
	return {};
}
