// A damaged save's IAM part (groups, versions, tags ...) is refused with an AwsError, or restores
// a world whose IAM and ECR decisions answer only with results or AwsErrors, never a TypeError.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import type { IdentityOperationName } from '../../../../src/lib/engines/identity/operations';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { paths, setAt, type Json } from '../json-paths';
import { REGION, awsPolicy, doc, localPolicy, setup, trust, userCaller } from './helpers';

function saved(): Json {
	const { world, iam } = setup();
	iam.call('CreateUser', { UserName: 'dev', Tags: [{ Key: 'team', Value: 'ci' }] });
	iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust(), MaxSessionDuration: 7200 });
	iam.call('CreateGroup', { GroupName: 'pushers' });
	iam.call('AddUserToGroup', { GroupName: 'pushers', UserName: 'dev' });
	iam.call('AttachGroupPolicy', { GroupName: 'pushers', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryPowerUser') });
	iam.call('PutGroupPolicy', { GroupName: 'pushers', PolicyName: 'describe', PolicyDocument: doc('ecr:DescribeRepositories') });
	iam.call('CreatePolicy', { PolicyName: 'pull', PolicyDocument: doc('ecr:BatchGetImage') });
	iam.call('CreatePolicyVersion', { PolicyArn: localPolicy('pull'), PolicyDocument: doc('ecr:*'), SetAsDefault: true });
	iam.call('AttachRolePolicy', { RoleName: 'ci', PolicyArn: localPolicy('pull') });
	return JSON.parse(JSON.stringify(world.snapshot())) as Json;
}

const CALLS: [IdentityOperationName, Record<string, unknown>][] = [
	['ListUsers', {}],
	['ListRoles', {}],
	['ListGroups', {}],
	['ListPolicies', {}],
	['GetGroup', { GroupName: 'pushers' }],
	['GetRole', { RoleName: 'ci' }],
	['GetUser', { UserName: 'dev' }],
	['ListGroupsForUser', { UserName: 'dev' }],
	['GetPolicy', { PolicyArn: localPolicy('pull') }],
	['ListPolicyVersions', { PolicyArn: localPolicy('pull') }],
	['ListEntitiesForPolicy', { PolicyArn: localPolicy('pull') }],
	['CreatePolicyVersion', { PolicyArn: localPolicy('pull'), PolicyDocument: doc('ecr:ListImages') }],
	['DeletePolicyVersion', { PolicyArn: localPolicy('pull'), VersionId: 'v1' }],
	['TagUser', { UserName: 'dev', Tags: [{ Key: 'desk', Value: '3' }] }],
	['RemoveUserFromGroup', { GroupName: 'pushers', UserName: 'dev' }],
	['DeleteGroup', { GroupName: 'pushers' }]
];

describe('restoring a save with damaged IAM', () => {
	const base = saved();
	// Only the learner's IAM is damaged: the rest of the world is covered by properties/damaged-snapshot.
	const iamPaths = paths(base).filter((p) => p[0] === 'iam' && p[1] === 0 && p.length > 2);

	it('refuses it, or answers only with results or AwsErrors', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...iamPaths),
				fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.constantFrom<Json>(null, '', 0, -1, 'v0', [], {}, true)),
				(path, replacement) => {
					let world: World;
					try {
						world = World.restore(setAt(base, path, replacement));
					} catch (e) {
						expect(e).toBeInstanceOf(AwsError);
						return;
					}
					const touch = (fn: () => unknown) => {
						try {
							fn();
						} catch (e) {
							if (!(e instanceof AwsError)) throw new Error(`damaged at ${path.join('.')}: ${String(e)}`);
						}
					};
					// A damaged account id leaves the account without IAM: every call says so, as an AwsError.
					for (const [op, input] of CALLS) touch(() => world.iam(rootCaller()).callByName(op, input));
					touch(() => world.explainEcr(userCaller('dev'), REGION, 'PutImage', { repositoryName: 'app', imageManifest: '{}' }));
					touch(() => world.iam(userCaller('dev')).call('ListUsers', {}));
					touch(() => World.restore(JSON.parse(JSON.stringify(world.snapshot()))));
				}
			),
			{ numRuns: 300 }
		);
	});
});
