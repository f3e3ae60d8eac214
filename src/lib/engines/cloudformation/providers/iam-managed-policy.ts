// AWS::IAM::ManagedPolicy: CreatePolicy (ManagedPolicyName or `<stack>-<logical>-<random>`
// within 128 characters, Path, Description, PolicyDocument), then AttachRolePolicy /
// AttachUserPolicy for its Roles and Users. Ref = the policy ARN
// arn:aws:iam::<account>:policy<path><name>; GetAtt PolicyArn, PolicyId (ANPA...),
// AttachmentCount, CreateDate, DefaultVersionId, IsAttachable, PermissionsBoundaryUsageCount,
// UpdateDate.
// The identity engine has no CreatePolicyVersion, DeletePolicy, GetPolicy or
// ListEntitiesForPolicy: a document update is recorded in the shadow as a new default version
// (v2, v3 ...) that read() reports, but the authorizer still evaluates v1; delete detaches the
// policy from every role and user of the account (so it grants nothing) and tombstones it.
import { AwsError } from '../../errors';
import { IAM, isTombstoned, noSuchGroup, noSuchRole, noSuchUser } from './iam-common';
import { generatedName } from './names';
import { alreadyExists, attempt, modelValidationFailed, toProviderError } from './provider-errors';
import { bag, looseBag, policyForRead, policyText, sameJson, str, strings, type Bag } from './props';
import { iamKey, iamStore, readShadow, writeShadow } from './shadow';
import type { ProviderContext, ProvisionedResource, ResolvedProperties, ResourceProvider } from './provider';

const TYPE = 'AWS::IAM::ManagedPolicy';

function spec(properties: ResolvedProperties) {
	const b = bag(properties);
	const document = policyText(b, 'PolicyDocument');
	if (document === undefined) throw modelValidationFailed('#: required key [PolicyDocument] not found');
	return {
		name: str(b, 'ManagedPolicyName') || undefined,
		path: str(b, 'Path') ?? '/',
		description: str(b, 'Description'),
		document,
		roles: strings(b, 'Roles'),
		users: strings(b, 'Users'),
		groups: strings(b, 'Groups')
	};
}

type Spec = ReturnType<typeof spec>;

const shadowKey = (ctx: ProviderContext, arn: string) => iamKey(ctx, arn);
const shadowOf = (ctx: ProviderContext, arn: string): Bag => looseBag(readShadow(iamStore(ctx), TYPE, shadowKey(ctx, arn)));

function attach(ctx: ProviderContext, arn: string, roles: string[], users: string[], groups: string[]) {
	for (const role of roles) {
		if (isTombstoned(ctx, 'AWS::IAM::Role', role)) throw noSuchRole(role);
		ctx.iam.call('AttachRolePolicy', { RoleName: role, PolicyArn: arn });
	}
	for (const user of users) {
		if (isTombstoned(ctx, 'AWS::IAM::User', user)) throw noSuchUser(user);
		ctx.iam.call('AttachUserPolicy', { UserName: user, PolicyArn: arn });
	}
	const [group] = groups;
	if (group !== undefined) throw noSuchGroup(group);
}

function detach(ctx: ProviderContext, arn: string, roles: string[], users: string[]) {
	const gone = (call: () => unknown) => {
		try {
			call();
		} catch (e) {
			if (!(e instanceof AwsError && e.code === 'NoSuchEntity')) throw e;
		}
	};
	for (const role of roles) gone(() => ctx.iam.call('DetachRolePolicy', { RoleName: role, PolicyArn: arn }));
	for (const user of users) gone(() => ctx.iam.call('DetachUserPolicy', { UserName: user, PolicyArn: arn }));
}

/** Every role and user of the account that has `arn` attached (what ListEntitiesForPolicy would say). */
function holders(ctx: ProviderContext, arn: string): { roles: string[]; users: string[] } {
	const roles = (ctx.iam.call('ListRoles', {}).Roles ?? []).map((r) => r.RoleName ?? '').filter((name) => name && !isTombstoned(ctx, 'AWS::IAM::Role', name));
	const users = (ctx.iam.call('ListUsers', {}).Users ?? []).map((u) => u.UserName ?? '').filter((name) => name && !isTombstoned(ctx, 'AWS::IAM::User', name));
	const has = (list: { PolicyArn?: string | undefined }[] | undefined) => (list ?? []).some((p) => p.PolicyArn === arn);
	return {
		roles: roles.filter((RoleName) => has(ctx.iam.call('ListAttachedRolePolicies', { RoleName }).AttachedPolicies)),
		users: users.filter((UserName) => has(ctx.iam.call('ListAttachedUserPolicies', { UserName }).AttachedPolicies))
	};
}

function provisioned(ctx: ProviderContext, arn: string): ProvisionedResource {
	const shadow = shadowOf(ctx, arn);
	const version = typeof shadow.version === 'number' ? shadow.version : 1;
	const roles = Array.isArray(shadow.Roles) ? shadow.Roles.length : 0;
	const users = Array.isArray(shadow.Users) ? shadow.Users.length : 0;
	return {
		physicalId: arn,
		attributes: {
			PolicyArn: arn,
			PolicyId: shadow.PolicyId,
			AttachmentCount: roles + users,
			CreateDate: shadow.CreateDate,
			DefaultVersionId: `v${version}`,
			IsAttachable: true,
			PermissionsBoundaryUsageCount: 0,
			UpdateDate: shadow.UpdateDate
		}
	};
}

function record(ctx: ProviderContext, arn: string, s: Spec, values: Bag) {
	writeShadow(ctx, iamStore(ctx), TYPE, shadowKey(ctx, arn), {
		...shadowOf(ctx, arn),
		accountId: ctx.accountId,
		PolicyArn: arn,
		ManagedPolicyName: arn.slice(arn.lastIndexOf('/') + 1),
		Path: s.path,
		...(s.description !== undefined ? { Description: s.description } : {}),
		PolicyDocument: s.document,
		Roles: s.roles,
		Users: s.users,
		deleted: false,
		...values
	});
}

export const iamManagedPolicyProvider: ResourceProvider = {
	type: TYPE,
	durations: { create: 10000, update: 10000, delete: 5000 },
	create(ctx, properties) {
		const s = spec(properties);
		const name = s.name ?? generatedName(ctx, { maxLength: 128 });
		const arn = `arn:aws:iam::${ctx.accountId}:policy${s.path}${name}`;
		const now = ctx.clock.now().toISOString();
		try {
			const created = ctx.iam.call('CreatePolicy', {
				PolicyName: name,
				Path: s.path,
				PolicyDocument: s.document,
				...(s.description !== undefined ? { Description: s.description } : {})
			}).Policy;
			record(ctx, arn, s, { PolicyId: created?.PolicyId, CreateDate: now, UpdateDate: now, version: 1 });
		} catch (e) {
			if (!(e instanceof AwsError && e.code === 'EntityAlreadyExists')) throw toProviderError(ctx, e, IAM);
			// A policy this world deleted through CloudFormation comes back under the same ARN.
			if (!isTombstoned(ctx, TYPE, arn)) throw alreadyExists(TYPE, arn);
			const version = (typeof shadowOf(ctx, arn).version === 'number' ? (shadowOf(ctx, arn).version as number) : 1) + 1;
			record(ctx, arn, s, { CreateDate: now, UpdateDate: now, version });
		}
		attempt(ctx, IAM, () => attach(ctx, arn, s.roles, s.users, s.groups), arn);
		return provisioned(ctx, arn);
	},
	update(ctx, physicalId, _previous, next) {
		const s = spec(next);
		const shadow = shadowOf(ctx, physicalId);
		if (isTombstoned(ctx, TYPE, physicalId)) throw toProviderError(ctx, new AwsError('NoSuchEntity', `Policy ${physicalId} was not found.`, { httpStatus: 404 }), IAM);
		const names = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
		const oldRoles = names(shadow.Roles);
		const oldUsers = names(shadow.Users);
		attempt(ctx, IAM, () => {
			detach(ctx, physicalId, oldRoles.filter((r) => !s.roles.includes(r)), oldUsers.filter((u) => !s.users.includes(u)));
			attach(ctx, physicalId, s.roles.filter((r) => !oldRoles.includes(r)), s.users.filter((u) => !oldUsers.includes(u)), s.groups);
		});
		const changed = typeof shadow.PolicyDocument !== 'string' || !sameJson(parse(shadow.PolicyDocument), parse(s.document));
		const version = (typeof shadow.version === 'number' ? shadow.version : 1) + (changed ? 1 : 0);
		record(ctx, physicalId, s, { version, ...(changed ? { UpdateDate: ctx.clock.now().toISOString() } : {}) });
		return provisioned(ctx, physicalId);
	},
	delete(ctx, physicalId) {
		if (isTombstoned(ctx, TYPE, physicalId)) return;
		attempt(ctx, IAM, () => {
			const { roles, users } = holders(ctx, physicalId);
			detach(ctx, physicalId, roles, users);
		});
		writeShadow(ctx, iamStore(ctx), TYPE, shadowKey(ctx, physicalId), { ...shadowOf(ctx, physicalId), Roles: [], Users: [], deleted: true });
	},
	read(ctx, physicalId, expected) {
		if (isTombstoned(ctx, TYPE, physicalId)) return undefined;
		const shadow = shadowOf(ctx, physicalId);
		if (typeof shadow.PolicyDocument !== 'string') return undefined;
		const want = looseBag(expected);
		const { roles, users } = attempt(ctx, IAM, () => holders(ctx, physicalId));
		return {
			ManagedPolicyName: shadow.ManagedPolicyName,
			Path: shadow.Path,
			...(shadow.Description !== undefined ? { Description: shadow.Description } : {}),
			PolicyDocument: policyForRead(shadow.PolicyDocument, want.PolicyDocument),
			...(roles.length ? { Roles: roles } : {}),
			...(users.length ? { Users: users } : {})
		};
	}
};

function parse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}
