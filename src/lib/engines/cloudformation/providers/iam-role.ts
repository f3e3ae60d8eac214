// AWS::IAM::Role: CreateRole with the trust policy (object -> JSON), Path and Description, then
// the shared inline/managed policy steps (iam-principal.ts). Ref = the role name (generated
// `<stack>-<logical>-<random>` within 64 characters when RoleName is absent); GetAtt Arn =
// arn:aws:iam::<account>:role<path><name>, RoleId = AROA... .
// Changing AssumeRolePolicyDocument, Description, MaxSessionDuration, PermissionsBoundary or
// Tags is recorded in the role's shadow (the identity engine has no UpdateAssumeRolePolicy,
// UpdateRole, PutRolePermissionsBoundary or TagRole) and reported by read().
import { decodePolicy } from './iam-common';
import { principalProvider, type PrincipalKind } from './iam-principal';
import { modelValidationFailed } from './provider-errors';
import { int, policyForRead, policyText, str, type Bag } from './props';

const KIND: PrincipalKind = { type: 'AWS::IAM::Role', noun: 'Role', nameProperty: 'RoleName' };

function trustPolicy(b: Bag): string {
	const text = policyText(b, 'AssumeRolePolicyDocument');
	if (text === undefined) throw modelValidationFailed('#: required key [AssumeRolePolicyDocument] not found');
	return text;
}

export const iamRoleProvider = principalProvider(KIND, {
	// IAM is eventually consistent: CloudFormation waits for a new role to propagate.
	durations: { create: 15000, update: 5000, delete: 5000 },
	createInput(s) {
		const description = str(s.extra, 'Description');
		const maxSession = int(s.extra, 'MaxSessionDuration');
		return {
			AssumeRolePolicyDocument: trustPolicy(s.extra),
			...(description !== undefined ? { Description: description } : {}),
			...(maxSession !== undefined ? { MaxSessionDuration: maxSession } : {})
		};
	},
	shadowValues(s) {
		const description = str(s.extra, 'Description');
		const maxSession = int(s.extra, 'MaxSessionDuration');
		return {
			AssumeRolePolicyDocument: trustPolicy(s.extra),
			...(description !== undefined ? { Description: description } : {}),
			...(maxSession !== undefined ? { MaxSessionDuration: maxSession } : {})
		};
	},
	attributes(entity, ctx, name, path) {
		return {
			Arn: typeof entity.Arn === 'string' ? entity.Arn : `arn:aws:iam::${ctx.accountId}:role${path}${name}`,
			RoleId: entity.RoleId
		};
	},
	readExtra(_live, entity, shadow, expected) {
		const trust = typeof shadow.AssumeRolePolicyDocument === 'string' ? shadow.AssumeRolePolicyDocument : decodePolicy(typeof entity.AssumeRolePolicyDocument === 'string' ? entity.AssumeRolePolicyDocument : undefined);
		const description = typeof shadow.Description === 'string' ? shadow.Description : entity.Description;
		return {
			...(trust !== undefined ? { AssumeRolePolicyDocument: policyForRead(trust, expected.AssumeRolePolicyDocument) } : {}),
			...(description !== undefined ? { Description: description } : {}),
			MaxSessionDuration: typeof shadow.MaxSessionDuration === 'number' ? shadow.MaxSessionDuration : (entity.MaxSessionDuration ?? 3600)
		};
	}
});
