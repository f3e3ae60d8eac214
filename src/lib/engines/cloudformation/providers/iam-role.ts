// AWS::IAM::Role: CreateRole with the trust policy (object -> JSON), Path, Description,
// MaxSessionDuration and Tags, then the shared inline/managed policy steps (iam-principal.ts).
// Ref = the role name (generated `<stack>-<logical>-<random>` within 64 characters when RoleName
// is absent); GetAtt Arn = arn:aws:iam::<account>:role<path><name>, RoleId = AROA... .
// An update changes the trust policy with UpdateAssumeRolePolicy and the description and
// session duration with UpdateRole, in place, as the handler does.
import { decodePolicy } from './iam-common';
import { principalProvider, type PrincipalKind, type PrincipalSpec } from './iam-principal';
import { modelValidationFailed } from './provider-errors';
import { int, policyForRead, policyText, sameJson, str, type Bag } from './props';

const KIND: PrincipalKind = { type: 'AWS::IAM::Role', noun: 'Role', nameProperty: 'RoleName' };

/** IAM's default session duration, which a template without MaxSessionDuration gets. */
const DEFAULT_MAX_SESSION = 3600;

function trustPolicy(b: Bag): string {
	const text = policyText(b, 'AssumeRolePolicyDocument');
	if (text === undefined) throw modelValidationFailed('#: required key [AssumeRolePolicyDocument] not found');
	return text;
}

const settings = (s: PrincipalSpec) => ({ description: str(s.extra, 'Description'), maxSession: int(s.extra, 'MaxSessionDuration') });

function parsed(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

export const iamRoleProvider = principalProvider(KIND, {
	// IAM is eventually consistent: CloudFormation waits for a new role to propagate.
	durations: { create: 15000, update: 5000, delete: 5000 },
	createInput(s) {
		const { description, maxSession } = settings(s);
		return {
			AssumeRolePolicyDocument: trustPolicy(s.extra),
			...(description !== undefined ? { Description: description } : {}),
			...(maxSession !== undefined ? { MaxSessionDuration: maxSession } : {})
		};
	},
	update(ctx, name, before, after) {
		const trust = trustPolicy(after.extra);
		const oldTrust = policyText(before.extra, 'AssumeRolePolicyDocument');
		if (oldTrust === undefined || !sameJson(parsed(oldTrust), parsed(trust))) ctx.iam.call('UpdateAssumeRolePolicy', { RoleName: name, PolicyDocument: trust });
		const was = settings(before);
		const now = settings(after);
		if (was.description !== now.description || was.maxSession !== now.maxSession) {
			// (unverified) a removed Description is sent empty, a removed MaxSessionDuration as IAM's default.
			ctx.iam.call('UpdateRole', { RoleName: name, Description: now.description ?? '', MaxSessionDuration: now.maxSession ?? DEFAULT_MAX_SESSION });
		}
	},
	attributes(entity, ctx, name, path) {
		return {
			Arn: typeof entity.Arn === 'string' ? entity.Arn : `arn:aws:iam::${ctx.accountId}:role${path}${name}`,
			RoleId: entity.RoleId
		};
	},
	readExtra(_ctx, _name, entity, _leftovers, expected) {
		const trust = decodePolicy(typeof entity.AssumeRolePolicyDocument === 'string' ? entity.AssumeRolePolicyDocument : undefined);
		const description = typeof entity.Description === 'string' && entity.Description !== '' ? entity.Description : undefined;
		return {
			...(trust !== undefined ? { AssumeRolePolicyDocument: policyForRead(trust, expected.AssumeRolePolicyDocument) } : {}),
			...(description !== undefined ? { Description: description } : {}),
			MaxSessionDuration: typeof entity.MaxSessionDuration === 'number' ? entity.MaxSessionDuration : DEFAULT_MAX_SESSION
		};
	}
});

