// Random sequences of IAM operations over a few names (so that most calls find what they name):
// every failure is one of IAM's AwsErrors and changes nothing, and at any point the world's
// snapshot restores to a world that snapshots, reads and decides exactly the same.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import type { IdentityOperationName } from '../../../../src/lib/engines/identity/operations';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { NOW, REGION, awsPolicy, doc, localPolicy, trust, userCaller } from './helpers';

const IAM_CODES = new Set(['NoSuchEntity', 'EntityAlreadyExists', 'LimitExceeded', 'ValidationError', 'MalformedPolicyDocument', 'AccessDenied', 'DeleteConflict', 'InvalidInput']);

const user = fc.constantFrom('dev', 'ops');
const role = fc.constantFrom('ci', 'deploy');
const group = fc.constantFrom('pushers', 'admins');
const policyName = fc.constantFrom('pull', 'push');
const inlineName = fc.constantFrom('a', 'b');
const arn = fc.constantFrom(localPolicy('pull'), localPolicy('push'), awsPolicy('AmazonEC2ContainerRegistryPowerUser'), awsPolicy('AmazonEC2ContainerRegistryReadOnly'));
const versionId = fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7');
const document = fc.constantFrom(doc('ecr:*'), doc('ecr:DescribeRepositories'), doc(['ecr:BatchGetImage', 'ecr:GetAuthorizationToken']), '{');
const tagList = fc.array(fc.record({ Key: fc.constantFrom('team', 'Team', 'cost'), Value: fc.constantFrom('a', 'b') }), { maxLength: 3 });

type Call = [IdentityOperationName, Record<string, unknown>];
const call = <T extends Record<string, unknown>>(operation: IdentityOperationName, input: fc.Arbitrary<T>): fc.Arbitrary<Call> => input.map((i) => [operation, i]);

const calls: fc.Arbitrary<Call> = fc.oneof(
	call('CreateUser', fc.record({ UserName: user, Tags: tagList })),
	call('DeleteUser', fc.record({ UserName: user })),
	call('CreateRole', fc.record({ RoleName: role, AssumeRolePolicyDocument: fc.constant(trust()) })),
	call('DeleteRole', fc.record({ RoleName: role })),
	call('UpdateRole', fc.record({ RoleName: role, MaxSessionDuration: fc.constantFrom(3600, 7200, 50000) }, { requiredKeys: ['RoleName'] })),
	call('UpdateAssumeRolePolicy', fc.record({ RoleName: role, PolicyDocument: fc.constantFrom(trust('lambda.amazonaws.com'), '{') })),
	call('TagRole', fc.record({ RoleName: role, Tags: tagList })),
	call('UntagRole', fc.record({ RoleName: role, TagKeys: fc.array(fc.constantFrom('team', 'cost'), { maxLength: 2 }) })),
	call('TagUser', fc.record({ UserName: user, Tags: tagList })),
	call('CreateGroup', fc.record({ GroupName: group })),
	call('DeleteGroup', fc.record({ GroupName: group })),
	call('AddUserToGroup', fc.record({ GroupName: group, UserName: user })),
	call('RemoveUserFromGroup', fc.record({ GroupName: group, UserName: user })),
	call('PutUserPolicy', fc.record({ UserName: user, PolicyName: inlineName, PolicyDocument: document })),
	call('PutGroupPolicy', fc.record({ GroupName: group, PolicyName: inlineName, PolicyDocument: document })),
	call('PutRolePolicy', fc.record({ RoleName: role, PolicyName: inlineName, PolicyDocument: document })),
	call('DeleteUserPolicy', fc.record({ UserName: user, PolicyName: inlineName })),
	call('DeleteGroupPolicy', fc.record({ GroupName: group, PolicyName: inlineName })),
	call('DeleteRolePolicy', fc.record({ RoleName: role, PolicyName: inlineName })),
	call('AttachUserPolicy', fc.record({ UserName: user, PolicyArn: arn })),
	call('AttachGroupPolicy', fc.record({ GroupName: group, PolicyArn: arn })),
	call('AttachRolePolicy', fc.record({ RoleName: role, PolicyArn: arn })),
	call('DetachUserPolicy', fc.record({ UserName: user, PolicyArn: arn })),
	call('DetachGroupPolicy', fc.record({ GroupName: group, PolicyArn: arn })),
	call('DetachRolePolicy', fc.record({ RoleName: role, PolicyArn: arn })),
	call('CreatePolicy', fc.record({ PolicyName: policyName, PolicyDocument: document })),
	call('DeletePolicy', fc.record({ PolicyArn: arn })),
	call('CreatePolicyVersion', fc.record({ PolicyArn: arn, PolicyDocument: document, SetAsDefault: fc.boolean() })),
	call('DeletePolicyVersion', fc.record({ PolicyArn: arn, VersionId: versionId })),
	call('SetDefaultPolicyVersion', fc.record({ PolicyArn: arn, VersionId: versionId })),
	call('GetPolicyVersion', fc.record({ PolicyArn: arn, VersionId: versionId }))
);

/** Reads whose answers must not change across a save and restore. */
function reads(world: World): unknown[] {
	const iam = world.iam(rootCaller());
	const tryRead = (operation: IdentityOperationName, input: object) => {
		try {
			return iam.callByName(operation, input);
		} catch (e) {
			if (e instanceof AwsError) return e.toJSON();
			throw e;
		}
	};
	return [
		tryRead('ListUsers', {}),
		tryRead('ListRoles', {}),
		tryRead('ListGroups', {}),
		tryRead('ListPolicies', {}),
		...['pushers', 'admins'].map((g) => tryRead('GetGroup', { GroupName: g })),
		...['pull', 'push'].map((p) => tryRead('ListPolicyVersions', { PolicyArn: localPolicy(p) })),
		...['dev', 'ops'].map((u) => tryRead('ListGroupsForUser', { UserName: u })),
		// The decisions IAM makes for each user, groups included.
		...['dev', 'ops'].map((u) => {
			try {
				return world.explainEcr(userCaller(u), REGION, 'PutImage', { repositoryName: 'app', imageManifest: '{}' }).map((r) => r.decision);
			} catch (e) {
				if (e instanceof AwsError) return e.code;
				throw e;
			}
		})
	];
}

describe('IAM under random operation sequences', () => {
	it('fails only with IAM errors that change nothing, and always restores from its snapshot', () => {
		fc.assert(
			fc.property(fc.array(calls, { minLength: 1, maxLength: 40, size: 'medium' }), (sequence) => {
				const world = World.create({ now: NOW });
				const iam = world.iam(rootCaller());
				// One of each kind to start from, so that most calls find what they name.
				iam.call('CreateUser', { UserName: 'dev' });
				iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust() });
				iam.call('CreateGroup', { GroupName: 'pushers' });
				iam.call('CreatePolicy', { PolicyName: 'pull', PolicyDocument: doc('ecr:BatchGetImage') });
				for (const [operation, input] of sequence) {
					const before = world.snapshot();
					try {
						iam.callByName(operation, input);
					} catch (e) {
						expect(e).toBeInstanceOf(AwsError);
						expect(IAM_CODES.has((e as AwsError).code), `${operation}: ${(e as AwsError).code}`).toBe(true);
						expect(world.snapshot()).toEqual(before);
					}
					world.advanceBy(1000);
				}
				const saved = world.snapshot();
				const restored = World.restore(JSON.parse(JSON.stringify(saved)));
				expect(restored.snapshot()).toEqual(saved);
				expect(reads(restored)).toEqual(reads(world));
			}),
			{ numRuns: 200 }
		);
	});
});
