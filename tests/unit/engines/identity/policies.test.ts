// Managed policies: GetPolicy, DeletePolicy, ListPolicies, ListEntitiesForPolicy and the five
// version operations, with IAM's answers; the default version is what IAM evaluates.
import { describe, expect, it } from 'vitest';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { NOW, REGION, awsPolicy, caught, doc, localPolicy, setup, trust, userCaller } from './helpers';

const PULL = localPolicy('pull');

function withPolicy() {
	const s = setup();
	s.iam.call('CreatePolicy', { PolicyName: 'pull', PolicyDocument: doc('ecr:DescribeRepositories'), Description: 'describe repositories' });
	return s;
}

describe('GetPolicy, DeletePolicy, ListPolicies, ListEntitiesForPolicy', () => {
	it('gets a policy with its attachment count, default version and dates', () => {
		const { iam } = withPolicy();
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('AttachUserPolicy', { UserName: 'dev', PolicyArn: PULL });
		const p = iam.call('GetPolicy', { PolicyArn: PULL }).Policy;
		expect(p).toMatchObject({ PolicyName: 'pull', Arn: PULL, Path: '/', DefaultVersionId: 'v1', AttachmentCount: 1, IsAttachable: true, Description: 'describe repositories' });
		expect(p?.CreateDate?.toISOString()).toBe(NOW);
		expect(p?.UpdateDate?.toISOString()).toBe(NOW);
		expect(iam.call('GetPolicy', { PolicyArn: awsPolicy('AmazonEC2ContainerRegistryPowerUser') }).Policy).toMatchObject({ PolicyName: 'AmazonEC2ContainerRegistryPowerUser', AttachmentCount: 0 });
		const missing = caught(() => iam.call('GetPolicy', { PolicyArn: localPolicy('ghost') }));
		expect([missing.code, missing.message, missing.httpStatus]).toEqual(['NoSuchEntity', `Policy ${localPolicy('ghost')} was not found.`, 404]);
	});

	it('refuses to delete a policy that is attached or has other versions, then deletes it', () => {
		const { iam } = withPolicy();
		iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust() });
		iam.call('AttachRolePolicy', { RoleName: 'ci', PolicyArn: PULL });
		iam.call('CreatePolicyVersion', { PolicyArn: PULL, PolicyDocument: doc('ecr:ListImages'), SetAsDefault: true });
		const attached = caught(() => iam.call('DeletePolicy', { PolicyArn: PULL }));
		expect([attached.code, attached.message, attached.httpStatus]).toEqual(['DeleteConflict', 'Cannot delete a policy attached to entities.', 409]);
		iam.call('DetachRolePolicy', { RoleName: 'ci', PolicyArn: PULL });
		expect(caught(() => iam.call('DeletePolicy', { PolicyArn: PULL })).message).toBe(
			"This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy."
		);
		iam.call('DeletePolicyVersion', { PolicyArn: PULL, VersionId: 'v1' });
		expect(iam.call('DeletePolicy', { PolicyArn: PULL })).toEqual({});
		expect(caught(() => iam.call('DeletePolicy', { PolicyArn: PULL })).message).toBe(`Policy ${PULL} was not found.`);
		// A policy of the same name can be made again.
		expect(iam.call('CreatePolicy', { PolicyName: 'pull', PolicyDocument: doc('ecr:ListImages') }).Policy?.DefaultVersionId).toBe('v1');
	});

	it('does not let the account change AWS managed policies', () => {
		const { iam } = setup();
		const e = caught(() => iam.call('DeletePolicy', { PolicyArn: awsPolicy('AmazonEC2ContainerRegistryReadOnly') }));
		expect(e.code).toBe('AccessDenied');
		expect(caught(() => iam.call('CreatePolicyVersion', { PolicyArn: awsPolicy('AmazonEC2ContainerRegistryReadOnly'), PolicyDocument: doc('ecr:*') })).code).toBe('AccessDenied');
	});

	it('lists policies by scope, attached only, and path', () => {
		const { iam } = withPolicy();
		iam.call('CreatePolicy', { PolicyName: 'team-push', Path: '/team/', PolicyDocument: doc('ecr:PutImage') });
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('AttachUserPolicy', { UserName: 'dev', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryReadOnly') });
		const names = (input: Record<string, unknown>) => iam.call('ListPolicies', input).Policies?.map((p) => p.PolicyName);
		expect(names({ Scope: 'Local' })).toEqual(['pull', 'team-push']);
		expect(names({ Scope: 'AWS' })).toEqual(['AmazonEC2ContainerRegistryFullAccess', 'AmazonEC2ContainerRegistryPowerUser', 'AmazonEC2ContainerRegistryPullOnly', 'AmazonEC2ContainerRegistryReadOnly']);
		expect(names({})).toHaveLength(6);
		expect(names({ OnlyAttached: true })).toEqual(['AmazonEC2ContainerRegistryReadOnly']);
		expect(names({ Scope: 'Local', PathPrefix: '/team/' })).toEqual(['team-push']);
		expect(caught(() => iam.call('ListPolicies', { Scope: 'Mine' })).message).toBe(
			"1 validation error detected: Value 'Mine' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]"
		);
	});

	it('lists the users, roles and groups a policy is attached to', () => {
		const { iam } = withPolicy();
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust() });
		iam.call('CreateGroup', { GroupName: 'pushers' });
		for (const [op, key, value] of [
			['AttachUserPolicy', 'UserName', 'dev'],
			['AttachRolePolicy', 'RoleName', 'ci'],
			['AttachGroupPolicy', 'GroupName', 'pushers']
		] as const) {
			iam.call(op, { [key]: value, PolicyArn: PULL });
		}
		const all = iam.call('ListEntitiesForPolicy', { PolicyArn: PULL });
		expect([all.PolicyUsers?.map((u) => u.UserName), all.PolicyRoles?.map((r) => r.RoleName), all.PolicyGroups?.map((g) => g.GroupName)]).toEqual([['dev'], ['ci'], ['pushers']]);
		expect(iam.call('ListEntitiesForPolicy', { PolicyArn: PULL, EntityFilter: 'Role' }).PolicyUsers).toEqual([]);
		expect(iam.call('GetPolicy', { PolicyArn: PULL }).Policy?.AttachmentCount).toBe(3);
		expect(caught(() => iam.call('ListEntitiesForPolicy', { PolicyArn: localPolicy('ghost') })).message).toBe(`Policy ${localPolicy('ghost')} was not found.`);
	});
});

describe('policy versions', () => {
	it('creates versions v2, v3 ...; the default one is what IAM evaluates', () => {
		const { world, iam } = withPolicy();
		world.ecr(rootCaller(), REGION).call('CreateRepository', { repositoryName: 'app' });
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('AttachUserPolicy', { UserName: 'dev', PolicyArn: PULL });
		const dev = userCaller('dev');
		const list = () => world.ecr(dev, REGION).call('ListImages', { repositoryName: 'app' });
		expect(caught(list).code).toBe('AccessDeniedException');

		world.advanceBy(1000);
		const v2 = iam.call('CreatePolicyVersion', { PolicyArn: PULL, PolicyDocument: doc('ecr:ListImages') });
		expect(v2.PolicyVersion).toEqual({ VersionId: 'v2', IsDefaultVersion: false, CreateDate: new Date('2026-11-23T10:00:01.000Z') });
		expect(caught(list).code).toBe('AccessDeniedException');
		expect(iam.call('GetPolicy', { PolicyArn: PULL }).Policy).toMatchObject({ DefaultVersionId: 'v1', UpdateDate: new Date('2026-11-23T10:00:01.000Z') });

		expect(iam.call('SetDefaultPolicyVersion', { PolicyArn: PULL, VersionId: 'v2' })).toEqual({});
		expect(list().imageIds).toEqual([]);
		expect(iam.call('GetPolicyVersion', { PolicyArn: PULL, VersionId: 'v2' }).PolicyVersion).toEqual({
			Document: encodeURIComponent(doc('ecr:ListImages')),
			VersionId: 'v2',
			IsDefaultVersion: true,
			CreateDate: new Date('2026-11-23T10:00:01.000Z')
		});
		// Newest first, without documents.
		expect(iam.call('ListPolicyVersions', { PolicyArn: PULL }).Versions).toEqual([
			{ VersionId: 'v2', IsDefaultVersion: true, CreateDate: new Date('2026-11-23T10:00:01.000Z') },
			{ VersionId: 'v1', IsDefaultVersion: false, CreateDate: new Date(NOW) }
		]);
	});

	it('keeps at most five versions, and never reuses a version id', () => {
		const { iam } = withPolicy();
		for (let n = 2; n <= 5; n++) iam.call('CreatePolicyVersion', { PolicyArn: PULL, PolicyDocument: doc(`ecr:Describe${n}`) });
		const limit = caught(() => iam.call('CreatePolicyVersion', { PolicyArn: PULL, PolicyDocument: doc('ecr:DescribeImages') }));
		expect([limit.code, limit.message, limit.httpStatus]).toEqual([
			'LimitExceeded',
			'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
			409
		]);
		iam.call('DeletePolicyVersion', { PolicyArn: PULL, VersionId: 'v3' });
		expect(iam.call('CreatePolicyVersion', { PolicyArn: PULL, PolicyDocument: doc('ecr:DescribeImages'), SetAsDefault: true }).PolicyVersion?.VersionId).toBe('v6');
		expect(iam.call('ListPolicyVersions', { PolicyArn: PULL }).Versions?.map((v) => v.VersionId)).toEqual(['v6', 'v5', 'v4', 'v2', 'v1']);
	});

	it('refuses to delete the default version, and answers unknown versions and policies', () => {
		const { iam } = withPolicy();
		const def = caught(() => iam.call('DeletePolicyVersion', { PolicyArn: PULL, VersionId: 'v1' }));
		expect([def.code, def.message, def.httpStatus]).toEqual(['DeleteConflict', 'Cannot delete the default version of a policy.', 409]);
		for (const op of ['GetPolicyVersion', 'DeletePolicyVersion', 'SetDefaultPolicyVersion'] as const) {
			const e = caught(() => iam.call(op, { PolicyArn: PULL, VersionId: 'v9' }));
			expect([op, e.code, e.message]).toEqual([op, 'NoSuchEntity', `Policy ${PULL} version v9 does not exist or is not attachable.`]);
		}
		expect(caught(() => iam.call('GetPolicyVersion', { PolicyArn: PULL, VersionId: 'version1' })).message).toBe(
			"1 validation error detected: Value 'version1' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"
		);
		expect(caught(() => iam.call('ListPolicyVersions', { PolicyArn: localPolicy('ghost') })).message).toBe(`Policy ${localPolicy('ghost')} was not found.`);
		expect(caught(() => iam.call('CreatePolicyVersion', { PolicyArn: localPolicy('ghost'), PolicyDocument: doc('ecr:*') })).code).toBe('NoSuchEntity');
		expect(caught(() => iam.call('CreatePolicyVersion', { PolicyArn: PULL, PolicyDocument: '{' })).code).toBe('MalformedPolicyDocument');
	});

	it('shows an AWS managed policy as its one version', () => {
		const { iam } = setup();
		const arn = awsPolicy('AmazonEC2ContainerRegistryPullOnly');
		expect(iam.call('ListPolicyVersions', { PolicyArn: arn }).Versions).toEqual([{ VersionId: 'v1', IsDefaultVersion: true }]);
		expect(JSON.parse(decodeURIComponent(iam.call('GetPolicyVersion', { PolicyArn: arn, VersionId: 'v1' }).PolicyVersion?.Document ?? '')).Statement[0].Action).toContain('ecr:BatchGetImage');
	});
});
