// AWS::IAM::ManagedPolicy: CreatePolicy (ManagedPolicyName or `<stack>-<logical>-<random>`
// within 128 characters, Path, Description, PolicyDocument), then Attach{Role,User,Group}Policy
// for its Roles, Users and Groups. Ref = the policy ARN arn:aws:iam::<account>:policy<path><name>;
// GetAtt PolicyArn, PolicyId (ANPA...), AttachmentCount, CreateDate, DefaultVersionId,
// IsAttachable, PermissionsBoundaryUsageCount, UpdateDate, all from GetPolicy.
// A document update is a new default version (CreatePolicyVersion, SetAsDefault), deleting the
// oldest non-default version first when the policy already has IAM's five. Delete detaches the
// policy from the template's Roles, Users and Groups, deletes its non-default versions, then
// DeletePolicy: an attachment made outside the stack makes it fail with IAM's "Cannot delete a
// policy attached to entities." (Service: Iam, Status Code: 409), as real stacks report.
// IAM cannot say which stack resource attached the policy where, so the template's Roles and
// Users are kept in a shadow record (shadow.ts): a role's read() leaves these attachments out.
import type { Policy } from '@aws-sdk/client-iam';
import { AwsError } from '../../errors';
import { IAM, decodePolicy } from './iam-common';
import { generatedName } from './names';
import { alreadyExists, attempt, modelValidationFailed, toProviderError } from './provider-errors';
import { bag, looseBag, policyForRead, policyText, sameJson, str, strings } from './props';
import { dropShadow, iamKey, iamStore, writeShadow } from './shadow';
import type { ProviderContext, ProvisionedResource, ResolvedProperties, ResourceProvider } from './provider';

const TYPE = 'AWS::IAM::ManagedPolicy';

/** IAM's limit on the versions of one managed policy. */
const MAX_VERSIONS = 5;

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
type Holders = Pick<Spec, 'roles' | 'users' | 'groups'>;

/** The previous template's holders, or none if it no longer parses. */
function storedHolders(properties: ResolvedProperties): Holders {
	const b = looseBag(properties);
	const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
	return { roles: names(b.Roles), users: names(b.Users), groups: names(b.Groups) };
}

const record = (ctx: ProviderContext, arn: string, h: Holders) =>
	writeShadow(ctx, iamStore(ctx), TYPE, iamKey(ctx, arn), { accountId: ctx.accountId, PolicyArn: arn, Roles: h.roles, Users: h.users, Groups: h.groups });

function attach(ctx: ProviderContext, arn: string, h: Holders) {
	for (const role of h.roles) ctx.iam.call('AttachRolePolicy', { RoleName: role, PolicyArn: arn });
	for (const user of h.users) ctx.iam.call('AttachUserPolicy', { UserName: user, PolicyArn: arn });
	for (const group of h.groups) ctx.iam.call('AttachGroupPolicy', { GroupName: group, PolicyArn: arn });
}

function detach(ctx: ProviderContext, arn: string, h: Holders) {
	const gone = (call: () => unknown) => {
		try {
			call();
		} catch (e) {
			if (!(e instanceof AwsError && e.code === 'NoSuchEntity')) throw e;
		}
	};
	for (const role of h.roles) gone(() => ctx.iam.call('DetachRolePolicy', { RoleName: role, PolicyArn: arn }));
	for (const user of h.users) gone(() => ctx.iam.call('DetachUserPolicy', { UserName: user, PolicyArn: arn }));
	for (const group of h.groups) gone(() => ctx.iam.call('DetachGroupPolicy', { GroupName: group, PolicyArn: arn }));
}

const minus = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

function provisioned(arn: string, p: Policy | undefined): ProvisionedResource {
	return {
		physicalId: arn,
		attributes: {
			PolicyArn: arn,
			PolicyId: p?.PolicyId,
			AttachmentCount: p?.AttachmentCount,
			CreateDate: iso(p?.CreateDate),
			DefaultVersionId: p?.DefaultVersionId,
			IsAttachable: p?.IsAttachable,
			PermissionsBoundaryUsageCount: p?.PermissionsBoundaryUsageCount,
			UpdateDate: iso(p?.UpdateDate)
		}
	};
}

/** The default version's document, decoded. */
function defaultDocument(ctx: ProviderContext, arn: string, p: Policy): string {
	const version = ctx.iam.call('GetPolicyVersion', { PolicyArn: arn, VersionId: p.DefaultVersionId ?? 'v1' }).PolicyVersion;
	return decodePolicy(version?.Document) ?? '';
}

/** Makes `document` the default version, first deleting the oldest non-default one when there is no room. */
function newDefaultVersion(ctx: ProviderContext, arn: string, document: string) {
	const versions = ctx.iam.call('ListPolicyVersions', { PolicyArn: arn }).Versions ?? [];
	if (versions.length >= MAX_VERSIONS) {
		const oldest = versions
			.filter((v) => !v.IsDefaultVersion)
			.sort((a, b) => (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0) || Number((a.VersionId ?? 'v0').slice(1)) - Number((b.VersionId ?? 'v0').slice(1)))[0];
		if (oldest?.VersionId) ctx.iam.call('DeletePolicyVersion', { PolicyArn: arn, VersionId: oldest.VersionId });
	}
	ctx.iam.call('CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: document, SetAsDefault: true });
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

export const iamManagedPolicyProvider: ResourceProvider = {
	type: TYPE,
	durations: { create: 10000, update: 10000, delete: 5000 },
	create(ctx, properties) {
		const s = spec(properties);
		const name = s.name ?? generatedName(ctx, { maxLength: 128 });
		const arn = `arn:aws:iam::${ctx.accountId}:policy${s.path}${name}`;
		try {
			ctx.iam.call('CreatePolicy', { PolicyName: name, Path: s.path, PolicyDocument: s.document, ...(s.description !== undefined ? { Description: s.description } : {}) });
		} catch (e) {
			if (e instanceof AwsError && e.code === 'EntityAlreadyExists') throw alreadyExists(TYPE, arn);
			throw toProviderError(ctx, e, IAM);
		}
		record(ctx, arn, s);
		// The policy exists from here on: a failure names it, so rollback deletes it.
		const policy = attempt(
			ctx,
			IAM,
			() => {
				attach(ctx, arn, s);
				return ctx.iam.call('GetPolicy', { PolicyArn: arn }).Policy;
			},
			arn
		);
		return provisioned(arn, policy);
	},
	update(ctx, physicalId, previous, next) {
		const s = spec(next);
		const before = storedHolders(previous);
		const policy = attempt(ctx, IAM, () => {
			const current = ctx.iam.call('GetPolicy', { PolicyArn: physicalId }).Policy ?? {};
			detach(ctx, physicalId, { roles: minus(before.roles, s.roles), users: minus(before.users, s.users), groups: minus(before.groups, s.groups) });
			attach(ctx, physicalId, { roles: minus(s.roles, before.roles), users: minus(s.users, before.users), groups: minus(s.groups, before.groups) });
			if (!sameJson(parse(defaultDocument(ctx, physicalId, current)), parse(s.document))) newDefaultVersion(ctx, physicalId, s.document);
			return ctx.iam.call('GetPolicy', { PolicyArn: physicalId }).Policy;
		});
		record(ctx, physicalId, s);
		return provisioned(physicalId, policy);
	},
	delete(ctx, physicalId, properties) {
		attempt(ctx, IAM, () => {
			try {
				ctx.iam.call('GetPolicy', { PolicyArn: physicalId });
			} catch (e) {
				if (e instanceof AwsError && e.code === 'NoSuchEntity') return;
				throw e;
			}
			detach(ctx, physicalId, storedHolders(properties));
			for (const v of ctx.iam.call('ListPolicyVersions', { PolicyArn: physicalId }).Versions ?? []) {
				if (!v.IsDefaultVersion && v.VersionId) ctx.iam.call('DeletePolicyVersion', { PolicyArn: physicalId, VersionId: v.VersionId });
			}
			ctx.iam.call('DeletePolicy', { PolicyArn: physicalId });
		});
		dropShadow(iamStore(ctx), TYPE, iamKey(ctx, physicalId));
	},
	read(ctx, physicalId, expected) {
		const want = looseBag(expected);
		return attempt(ctx, IAM, () => {
			let policy: Policy;
			try {
				policy = ctx.iam.call('GetPolicy', { PolicyArn: physicalId }).Policy ?? {};
			} catch (e) {
				if (e instanceof AwsError && e.code === 'NoSuchEntity') return undefined;
				throw e;
			}
			const entities = ctx.iam.call('ListEntitiesForPolicy', { PolicyArn: physicalId });
			const roles = (entities.PolicyRoles ?? []).map((r) => r.RoleName ?? '');
			const users = (entities.PolicyUsers ?? []).map((u) => u.UserName ?? '');
			const groups = (entities.PolicyGroups ?? []).map((g) => g.GroupName ?? '');
			return {
				ManagedPolicyName: policy.PolicyName,
				Path: policy.Path,
				...(policy.Description !== undefined ? { Description: policy.Description } : {}),
				PolicyDocument: policyForRead(defaultDocument(ctx, physicalId, policy), want.PolicyDocument),
				...(roles.length ? { Roles: roles } : {}),
				...(users.length ? { Users: users } : {}),
				...(groups.length ? { Groups: groups } : {})
			};
		});
	}
};
