// The slice of the IAM API a lab needs to set up who the learner is and what they may do:
// users, roles, inline and managed policies. Shapes follow @aws-sdk/client-iam.
import type {
	AttachedPolicy,
	CreatePolicyResponse,
	CreateRoleResponse,
	CreateUserResponse,
	GetRolePolicyResponse,
	GetRoleResponse,
	GetUserPolicyResponse,
	GetUserResponse,
	ListAttachedRolePoliciesResponse,
	ListAttachedUserPoliciesResponse,
	ListRolePoliciesResponse,
	ListRolesResponse,
	ListUserPoliciesResponse,
	ListUsersResponse,
	Role,
	User
} from '@aws-sdk/client-iam';
import type { VirtualClock } from '../clock';
import { parsePolicy } from '../iam';
import { sha256, toHex } from '../sha256';
import { EntityAlreadyExistsException, LimitExceededException, NoSuchEntityException, ValidationError } from './errors';
import { awsManagedPolicyArn, findAwsManagedPolicy } from './managed-policies';
import type { IdentityState, PrincipalState, RoleState } from './state';

export interface IdentityContext {
	clock: VirtualClock;
	identities: IdentityState;
}

type Input = Record<string, unknown>;

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^\/(?:[\u0021-\u007E]*\/)?$/;

function asInput(raw: unknown): Input {
	if (raw === null || raw === undefined) return {};
	if (typeof raw !== 'object' || Array.isArray(raw)) throw new ValidationError('The request must be a structure of named parameters.');
	return raw as Input;
}

function name(input: Input, key: string, max: number): string {
	const v = input[key];
	const member = key.charAt(0).toLowerCase() + key.slice(1);
	if (typeof v !== 'string') throw ValidationError.member(member, 'null', 'Member must not be null');
	if (v.length < 1 || v.length > max) throw ValidationError.member(member, v, `Member must have length ${v.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`}`);
	if (!NAME.test(v)) throw ValidationError.member(member, v, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
	return v;
}

function path(input: Input): string {
	const v = input.Path;
	if (v === undefined) return '/';
	if (typeof v !== 'string' || v.length > 512 || !PATH.test(v)) {
		throw ValidationError.member('path', v, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
	}
	return v;
}

function text(input: Input, key: string): string {
	const v = input[key];
	const member = key.charAt(0).toLowerCase() + key.slice(1);
	if (typeof v !== 'string') throw ValidationError.member(member, 'null', 'Member must not be null');
	if (v.length < 1 || v.length > 131072) throw ValidationError.member(member, v.slice(0, 64), 'Member must have length less than or equal to 131072');
	return v;
}

/** IAM counts policy size without whitespace. */
const policySize = (doc: string) => doc.replace(/\s/g, '').length;

function uniqueId(state: IdentityState, prefix: string): string {
	state.sequence += 1;
	const hex = toHex(sha256(`${state.accountId}/${prefix}/${state.sequence}`));
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let id = prefix;
	for (let i = 0; i < 17; i++) id += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 32];
	return id;
}

const userArn = (state: IdentityState, u: PrincipalState) => `arn:aws:iam::${state.accountId}:user${u.path}${u.name}`;
const roleArn = (state: IdentityState, r: PrincipalState) => `arn:aws:iam::${state.accountId}:role${r.path}${r.name}`;
const customerPolicyArn = (state: IdentityState, path: string, policyName: string) => `arn:aws:iam::${state.accountId}:policy${path}${policyName}`;

const userShape = (state: IdentityState, u: PrincipalState): User => ({
	Path: u.path,
	UserName: u.name,
	UserId: u.id,
	Arn: userArn(state, u),
	CreateDate: new Date(u.createdAt)
});

const roleShape = (state: IdentityState, r: RoleState): Role => ({
	Path: r.path,
	RoleName: r.name,
	RoleId: r.id,
	Arn: roleArn(state, r),
	CreateDate: new Date(r.createdAt),
	// IAM returns policy documents URL-encoded (RFC 3986), as the SDKs receive them.
	AssumeRolePolicyDocument: encodeURIComponent(r.assumeRolePolicyDocument),
	...(r.description !== undefined ? { Description: r.description } : {}),
	MaxSessionDuration: 3600
});

function findUser(state: IdentityState, userName: string): PrincipalState {
	const u = state.users.find((x) => x.name === userName);
	if (!u) throw new NoSuchEntityException(`The user with name ${userName} cannot be found.`);
	return u;
}

function findRole(state: IdentityState, roleName: string): RoleState {
	const r = state.roles.find((x) => x.name === roleName);
	if (!r) throw new NoSuchEntityException(`The role with name ${roleName} cannot be found.`);
	return r;
}

/** The document of a managed policy this account can attach: AWS managed or its own. */
export function managedPolicyDocument(state: IdentityState, arn: string): { name: string; document: string } | undefined {
	const aws = findAwsManagedPolicy(arn);
	if (aws) return { name: aws.policyName, document: aws.document };
	const own = state.policies.find((p) => customerPolicyArn(state, p.path, p.policyName) === arn);
	return own ? { name: own.policyName, document: own.document } : undefined;
}

export function createUser(ctx: IdentityContext, raw: unknown): CreateUserResponse {
	const input = asInput(raw);
	const userName = name(input, 'UserName', 64);
	const p = path(input);
	const s = ctx.identities;
	if (s.users.some((u) => u.name.toLowerCase() === userName.toLowerCase())) throw new EntityAlreadyExistsException(`User with name ${userName} already exists.`);
	const user: PrincipalState = { name: userName, id: uniqueId(s, 'AIDA'), path: p, createdAt: ctx.clock.now().toISOString(), inlinePolicies: [], attachedPolicyArns: [] };
	s.users.push(user);
	return { User: userShape(s, user) };
}

export function createRole(ctx: IdentityContext, raw: unknown): CreateRoleResponse {
	const input = asInput(raw);
	const roleName = name(input, 'RoleName', 64);
	const p = path(input);
	const trust = text(input, 'AssumeRolePolicyDocument');
	parsePolicy(trust, 'resource');
	const description = input.Description;
	if (description !== undefined && (typeof description !== 'string' || description.length > 1000)) {
		throw ValidationError.member('description', description, 'Member must have length less than or equal to 1000');
	}
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
		...(typeof description === 'string' ? { description } : {})
	};
	s.roles.push(role);
	return { Role: roleShape(s, role) };
}

export function createPolicy(ctx: IdentityContext, raw: unknown): CreatePolicyResponse {
	const input = asInput(raw);
	const policyName = name(input, 'PolicyName', 128);
	const p = path(input);
	const document = text(input, 'PolicyDocument');
	if (policySize(document) > 6144) throw new LimitExceededException('Cannot exceed quota for PolicySize: 6144');
	parsePolicy(document, 'identity');
	const s = ctx.identities;
	if (s.policies.some((x) => x.policyName === policyName)) throw new EntityAlreadyExistsException(`A policy called ${policyName} already exists. Duplicate names are not allowed.`);
	const createdAt = ctx.clock.now().toISOString();
	const policy = { policyName, id: uniqueId(s, 'ANPA'), path: p, document, createdAt };
	s.policies.push(policy);
	return {
		Policy: {
			PolicyName: policyName,
			PolicyId: policy.id,
			Arn: customerPolicyArn(s, p, policyName),
			Path: p,
			DefaultVersionId: 'v1',
			AttachmentCount: 0,
			PermissionsBoundaryUsageCount: 0,
			IsAttachable: true,
			CreateDate: new Date(createdAt),
			UpdateDate: new Date(createdAt)
		}
	};
}

function putInline(principal: PrincipalState, input: Input, limit: number, what: string): Record<string, never> {
	const policyName = name(input, 'PolicyName', 128);
	const document = text(input, 'PolicyDocument');
	if (policySize(document) > limit) throw new LimitExceededException(`Maximum policy size of ${limit} bytes exceeded for ${what} ${principal.name}`);
	parsePolicy(document, 'identity');
	const existing = principal.inlinePolicies.find((p) => p.policyName === policyName);
	if (existing) existing.policyDocument = document;
	else principal.inlinePolicies.push({ policyName, policyDocument: document });
	return {};
}

export const putUserPolicy = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	return putInline(findUser(ctx.identities, name(input, 'UserName', 64)), input, 2048, 'user');
};

export const putRolePolicy = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	return putInline(findRole(ctx.identities, name(input, 'RoleName', 64)), input, 10240, 'role');
};

function getInline(principal: PrincipalState, input: Input, what: 'user' | 'role') {
	const policyName = name(input, 'PolicyName', 128);
	const p = principal.inlinePolicies.find((x) => x.policyName === policyName);
	if (!p) throw new NoSuchEntityException(`The ${what} policy with name ${policyName} cannot be found.`);
	return { PolicyName: policyName, PolicyDocument: encodeURIComponent(p.policyDocument) };
}

export function getUserPolicy(ctx: IdentityContext, raw: unknown): GetUserPolicyResponse {
	const input = asInput(raw);
	const user = findUser(ctx.identities, name(input, 'UserName', 64));
	return { UserName: user.name, ...getInline(user, input, 'user') };
}

export function getRolePolicy(ctx: IdentityContext, raw: unknown): GetRolePolicyResponse {
	const input = asInput(raw);
	const role = findRole(ctx.identities, name(input, 'RoleName', 64));
	return { RoleName: role.name, ...getInline(role, input, 'role') };
}

function deleteInline(principal: PrincipalState, input: Input, what: 'user' | 'role'): Record<string, never> {
	const policyName = name(input, 'PolicyName', 128);
	const i = principal.inlinePolicies.findIndex((x) => x.policyName === policyName);
	if (i < 0) throw new NoSuchEntityException(`The ${what} policy with name ${policyName} cannot be found.`);
	principal.inlinePolicies.splice(i, 1);
	return {};
}

export const deleteUserPolicy = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	return deleteInline(findUser(ctx.identities, name(input, 'UserName', 64)), input, 'user');
};

export const deleteRolePolicy = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	return deleteInline(findRole(ctx.identities, name(input, 'RoleName', 64)), input, 'role');
};

function policyArn(input: Input): string {
	const v = input.PolicyArn;
	if (typeof v !== 'string') throw ValidationError.member('policyArn', 'null', 'Member must not be null');
	if (v.length < 20 || v.length > 2048) throw ValidationError.member('policyArn', v, 'Member must have length greater than or equal to 20');
	return v;
}

function attach(ctx: IdentityContext, principal: PrincipalState, input: Input): Record<string, never> {
	const arn = policyArn(input);
	if (!managedPolicyDocument(ctx.identities, arn)) throw new NoSuchEntityException(`Policy ${arn} does not exist or is not attachable.`);
	if (!principal.attachedPolicyArns.includes(arn)) {
		if (principal.attachedPolicyArns.length >= 10) throw new LimitExceededException(`Cannot exceed quota for PoliciesPerUser: 10`);
		principal.attachedPolicyArns.push(arn);
	}
	return {};
}

function detach(principal: PrincipalState, input: Input): Record<string, never> {
	const arn = policyArn(input);
	const i = principal.attachedPolicyArns.indexOf(arn);
	if (i < 0) throw new NoSuchEntityException(`Policy ${arn} was not found.`);
	principal.attachedPolicyArns.splice(i, 1);
	return {};
}

export const attachUserPolicy = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	return attach(ctx, findUser(ctx.identities, name(input, 'UserName', 64)), input);
};
export const attachRolePolicy = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	return attach(ctx, findRole(ctx.identities, name(input, 'RoleName', 64)), input);
};
export const detachUserPolicy = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	return detach(findUser(ctx.identities, name(input, 'UserName', 64)), input);
};
export const detachRolePolicy = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	return detach(findRole(ctx.identities, name(input, 'RoleName', 64)), input);
};

export const getUser = (ctx: IdentityContext, raw: unknown): GetUserResponse => {
	const input = asInput(raw);
	return { User: userShape(ctx.identities, findUser(ctx.identities, name(input, 'UserName', 64))) };
};
export const getRole = (ctx: IdentityContext, raw: unknown): GetRoleResponse => {
	const input = asInput(raw);
	return { Role: roleShape(ctx.identities, findRole(ctx.identities, name(input, 'RoleName', 64))) };
};
export const listUsers = (ctx: IdentityContext, raw: unknown): ListUsersResponse => {
	asInput(raw);
	return { Users: ctx.identities.users.map((u) => userShape(ctx.identities, u)), IsTruncated: false };
};
export const listRoles = (ctx: IdentityContext, raw: unknown): ListRolesResponse => {
	asInput(raw);
	return { Roles: ctx.identities.roles.map((r) => roleShape(ctx.identities, r)), IsTruncated: false };
};
export const listUserPolicies = (ctx: IdentityContext, raw: unknown): ListUserPoliciesResponse => {
	const input = asInput(raw);
	return { PolicyNames: findUser(ctx.identities, name(input, 'UserName', 64)).inlinePolicies.map((p) => p.policyName), IsTruncated: false };
};
export const listRolePolicies = (ctx: IdentityContext, raw: unknown): ListRolePoliciesResponse => {
	const input = asInput(raw);
	return { PolicyNames: findRole(ctx.identities, name(input, 'RoleName', 64)).inlinePolicies.map((p) => p.policyName), IsTruncated: false };
};

const attachedShape = (ctx: IdentityContext, arns: string[]): AttachedPolicy[] =>
	arns.map((arn) => ({ PolicyArn: arn, PolicyName: managedPolicyDocument(ctx.identities, arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1) }));

export const listAttachedUserPolicies = (ctx: IdentityContext, raw: unknown): ListAttachedUserPoliciesResponse => {
	const input = asInput(raw);
	return { AttachedPolicies: attachedShape(ctx, findUser(ctx.identities, name(input, 'UserName', 64)).attachedPolicyArns), IsTruncated: false };
};
export const listAttachedRolePolicies = (ctx: IdentityContext, raw: unknown): ListAttachedRolePoliciesResponse => {
	const input = asInput(raw);
	return { AttachedPolicies: attachedShape(ctx, findRole(ctx.identities, name(input, 'RoleName', 64)).attachedPolicyArns), IsTruncated: false };
};

export const identityOperations = {
	CreateUser: createUser,
	CreateRole: createRole,
	CreatePolicy: createPolicy,
	GetUser: getUser,
	GetRole: getRole,
	ListUsers: listUsers,
	ListRoles: listRoles,
	PutUserPolicy: putUserPolicy,
	PutRolePolicy: putRolePolicy,
	GetUserPolicy: getUserPolicy,
	GetRolePolicy: getRolePolicy,
	DeleteUserPolicy: deleteUserPolicy,
	DeleteRolePolicy: deleteRolePolicy,
	ListUserPolicies: listUserPolicies,
	ListRolePolicies: listRolePolicies,
	AttachUserPolicy: attachUserPolicy,
	AttachRolePolicy: attachRolePolicy,
	DetachUserPolicy: detachUserPolicy,
	DetachRolePolicy: detachRolePolicy,
	ListAttachedUserPolicies: listAttachedUserPolicies,
	ListAttachedRolePolicies: listAttachedRolePolicies
} satisfies Record<string, (ctx: IdentityContext, input: unknown) => unknown>;

export type IdentityOperationName = keyof typeof identityOperations;
export const isIdentityOperation = (n: string): n is IdentityOperationName => Object.prototype.hasOwnProperty.call(identityOperations, n);
export { awsManagedPolicyArn };
