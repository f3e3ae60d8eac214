// AWS::IAM::Policy: one inline policy (PolicyName, PolicyDocument) embedded in each of its Roles
// and Users with PutRolePolicy / PutUserPolicy, as CloudFormation does (not a managed policy).
// Ref = the physical id CloudFormation makes up, not PolicyName: the older generator's 24
// characters, e.g. `dotba-Para-1G3Z5VTARYKOM` for stack "dotbare-..." and logical id
// "ParameterStorePolicy" (a real DescribeStackResources answer); GetAtt Id is the same.
// AWS does not support drift detection for this type, so there is no read().
// IAM itself cannot say which stack resource put an inline policy on a principal, so which
// principals carry this one is kept in a shadow record (shadow.ts): a role's read() leaves these
// policies out of the role's own Policies.
import { AwsError } from '../../errors';
import { IAM } from './iam-common';
import { legacyGeneratedName } from './names';
import { attempt, invalidRequest, modelValidationFailed } from './provider-errors';
import { bag, looseBag, policyText, str, strings } from './props';
import { dropShadow, iamKey, iamStore, readShadow, writeShadow } from './shadow';
import type { ProviderContext, ResolvedProperties, ResourceProvider } from './provider';

const TYPE = 'AWS::IAM::Policy';

function spec(properties: ResolvedProperties) {
	const b = bag(properties);
	const PolicyName = str(b, 'PolicyName');
	const PolicyDocument = policyText(b, 'PolicyDocument');
	if (PolicyDocument === undefined) throw modelValidationFailed('#: required key [PolicyDocument] not found');
	if (PolicyName === undefined) throw modelValidationFailed('#: required key [PolicyName] not found');
	const spec = { PolicyName, PolicyDocument, Roles: strings(b, 'Roles'), Users: strings(b, 'Users'), Groups: strings(b, 'Groups') };
	// Wording from the pre-registry handler (not confirmed against a current event).
	if (!spec.Roles.length && !spec.Users.length && !spec.Groups.length) throw invalidRequest('At least one of [Groups,Roles,Users] must be non-empty.');
	return spec;
}

type Spec = ReturnType<typeof spec>;

function put(ctx: ProviderContext, s: Spec, physicalId?: string) {
	attempt(
		ctx,
		IAM,
		() => {
			const policy = { PolicyName: s.PolicyName, PolicyDocument: s.PolicyDocument };
			for (const role of s.Roles) ctx.iam.call('PutRolePolicy', { RoleName: role, ...policy });
			for (const user of s.Users) ctx.iam.call('PutUserPolicy', { UserName: user, ...policy });
			for (const group of s.Groups) ctx.iam.call('PutGroupPolicy', { GroupName: group, ...policy });
		},
		physicalId
	);
}

function take(ctx: ProviderContext, policyName: string, roles: string[], users: string[], groups: string[]) {
	const gone = (call: () => unknown) => {
		try {
			call();
		} catch (e) {
			if (!(e instanceof AwsError && e.code === 'NoSuchEntity')) throw e;
		}
	};
	attempt(ctx, IAM, () => {
		for (const role of roles) gone(() => ctx.iam.call('DeleteRolePolicy', { RoleName: role, PolicyName: policyName }));
		for (const user of users) gone(() => ctx.iam.call('DeleteUserPolicy', { UserName: user, PolicyName: policyName }));
		for (const group of groups) gone(() => ctx.iam.call('DeleteGroupPolicy', { GroupName: group, PolicyName: policyName }));
	});
}

const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const record = (ctx: ProviderContext, id: string, s: Spec) =>
	writeShadow(ctx, iamStore(ctx), TYPE, iamKey(ctx, id), { accountId: ctx.accountId, PolicyName: s.PolicyName, Roles: s.Roles, Users: s.Users, Groups: s.Groups });

export const iamPolicyProvider: ResourceProvider = {
	type: TYPE,
	durations: { create: 15000, update: 15000, delete: 5000 },
	create(ctx, properties) {
		const s = spec(properties);
		const physicalId = legacyGeneratedName(ctx, 24);
		record(ctx, physicalId, s);
		put(ctx, s, physicalId);
		return { physicalId, attributes: { Id: physicalId } };
	},
	update(ctx, physicalId, previous, next) {
		const after = spec(next);
		const stored = looseBag(readShadow(iamStore(ctx), TYPE, iamKey(ctx, physicalId)));
		const before = {
			PolicyName: typeof stored.PolicyName === 'string' ? stored.PolicyName : (str(looseBag(previous), 'PolicyName') ?? after.PolicyName),
			Roles: names(stored.Roles),
			Users: names(stored.Users),
			Groups: names(stored.Groups)
		};
		const renamed = before.PolicyName !== after.PolicyName;
		take(
			ctx,
			before.PolicyName,
			before.Roles.filter((r) => renamed || !after.Roles.includes(r)),
			before.Users.filter((u) => renamed || !after.Users.includes(u)),
			before.Groups.filter((g) => renamed || !after.Groups.includes(g))
		);
		record(ctx, physicalId, after);
		put(ctx, after);
		return { physicalId, attributes: { Id: physicalId } };
	},
	delete(ctx, physicalId, properties) {
		const stored = looseBag(readShadow(iamStore(ctx), TYPE, iamKey(ctx, physicalId)));
		const given = looseBag(properties);
		const policyName = typeof stored.PolicyName === 'string' ? stored.PolicyName : typeof given.PolicyName === 'string' ? given.PolicyName : undefined;
		if (policyName !== undefined) take(ctx, policyName, names(stored.Roles ?? given.Roles), names(stored.Users ?? given.Users), names(stored.Groups ?? given.Groups));
		dropShadow(iamStore(ctx), TYPE, iamKey(ctx, physicalId));
	}
};
