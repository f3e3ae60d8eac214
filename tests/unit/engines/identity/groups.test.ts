// IAM groups: their operations with IAM's answers, and their policies taking part in every
// decision about their members (an ECR push allowed through a group, denied once out of it).
import { describe, expect, it } from 'vitest';
import { AccessDeniedException } from '../../../../src/lib/engines/access-denied';
import { fakeImage, pushSteps, runSteps } from '../../../../src/lib/engines/ecr/docker';
import { rootCaller, type Caller } from '../../../../src/lib/engines/world-constants';
import type { World } from '../../../../src/lib/engines/world';
import { ACCOUNT, REGION, awsPolicy, caught, doc, localPolicy, setup, userCaller } from './helpers';

const REPO_ARN = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/app`;

const push = (world: World, caller: Caller) => {
	const ecr = world.ecr(caller, REGION);
	return runSteps(pushSteps(fakeImage('alpine:3.20'), 'app', 'v1'), (s) => ecr.callByName(s.operation, s.input));
};

describe('group operations', () => {
	it('creates, gets, lists and deletes a group; GetGroup lists its members', () => {
		const { iam } = setup();
		const created = iam.call('CreateGroup', { GroupName: 'pushers', Path: '/ci/' });
		expect(created.Group).toMatchObject({ GroupName: 'pushers', Path: '/ci/', Arn: `arn:aws:iam::${ACCOUNT}:group/ci/pushers` });
		expect(created.Group?.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
		iam.call('CreateUser', { UserName: 'dev' });
		expect(iam.call('AddUserToGroup', { GroupName: 'pushers', UserName: 'dev' })).toEqual({});
		// A second add changes nothing (no error, as on AWS).
		iam.call('AddUserToGroup', { GroupName: 'pushers', UserName: 'dev' });
		const got = iam.call('GetGroup', { GroupName: 'pushers' });
		expect(got.Group?.GroupName).toBe('pushers');
		expect(got.Users?.map((u) => u.UserName)).toEqual(['dev']);
		expect(iam.call('ListGroups', {}).Groups?.map((g) => g.GroupName)).toEqual(['pushers']);
		expect(iam.call('ListGroupsForUser', { UserName: 'dev' }).Groups?.map((g) => g.Arn)).toEqual([`arn:aws:iam::${ACCOUNT}:group/ci/pushers`]);
		expect(iam.call('RemoveUserFromGroup', { GroupName: 'pushers', UserName: 'dev' })).toEqual({});
		// Removing a user who is not a member is no error either.
		expect(iam.call('RemoveUserFromGroup', { GroupName: 'pushers', UserName: 'dev' })).toEqual({});
		expect(iam.call('DeleteGroup', { GroupName: 'pushers' })).toEqual({});
		expect(iam.call('ListGroups', {}).Groups).toEqual([]);
	});

	it('answers missing groups, users and duplicates with IAM errors', () => {
		const { iam } = setup();
		iam.call('CreateGroup', { GroupName: 'pushers' });
		const dup = caught(() => iam.call('CreateGroup', { GroupName: 'Pushers' }));
		expect([dup.code, dup.message, dup.httpStatus]).toEqual(['EntityAlreadyExists', 'Group with name Pushers already exists.', 409]);
		for (const op of ['GetGroup', 'DeleteGroup', 'ListGroupPolicies', 'ListAttachedGroupPolicies'] as const) {
			const e = caught(() => iam.call(op, { GroupName: 'ghosts' }));
			expect([e.code, e.message]).toEqual(['NoSuchEntity', 'The group with name ghosts cannot be found.']);
		}
		iam.call('CreateUser', { UserName: 'dev' });
		expect(caught(() => iam.call('AddUserToGroup', { GroupName: 'ghosts', UserName: 'dev' })).message).toBe('The group with name ghosts cannot be found.');
		expect(caught(() => iam.call('AddUserToGroup', { GroupName: 'pushers', UserName: 'ghost' })).message).toBe('The user with name ghost cannot be found.');
		expect(caught(() => iam.call('ListGroupsForUser', { UserName: 'ghost' })).message).toBe('The user with name ghost cannot be found.');
		expect(caught(() => iam.call('CreateGroup', { GroupName: 'a b' })).message).toBe(
			"1 validation error detected: Value 'a b' at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
		);
	});

	it('refuses to delete a group with members, attached or inline policies', () => {
		const { iam } = setup();
		iam.call('CreateGroup', { GroupName: 'pushers' });
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('AddUserToGroup', { GroupName: 'pushers', UserName: 'dev' });
		iam.call('AttachGroupPolicy', { GroupName: 'pushers', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryPowerUser') });
		iam.call('PutGroupPolicy', { GroupName: 'pushers', PolicyName: 'describe', PolicyDocument: doc('ecr:DescribeRepositories') });
		const refusal = () => {
			const e = caught(() => iam.call('DeleteGroup', { GroupName: 'pushers' }));
			expect([e.code, e.httpStatus]).toEqual(['DeleteConflict', 409]);
			return e.message;
		};
		expect(refusal()).toBe('Cannot delete entity, must remove users from group first.');
		iam.call('RemoveUserFromGroup', { GroupName: 'pushers', UserName: 'dev' });
		expect(refusal()).toBe('Cannot delete entity, must detach all policies first.');
		iam.call('DetachGroupPolicy', { GroupName: 'pushers', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryPowerUser') });
		expect(refusal()).toBe('Cannot delete entity, must delete policies first.');
		iam.call('DeleteGroupPolicy', { GroupName: 'pushers', PolicyName: 'describe' });
		expect(iam.call('DeleteGroup', { GroupName: 'pushers' })).toEqual({});
	});

	it('limits a user to ten groups', () => {
		const { iam } = setup();
		iam.call('CreateUser', { UserName: 'dev' });
		for (let i = 0; i < 11; i++) iam.call('CreateGroup', { GroupName: `g${i}` });
		for (let i = 0; i < 10; i++) iam.call('AddUserToGroup', { GroupName: `g${i}`, UserName: 'dev' });
		const e = caught(() => iam.call('AddUserToGroup', { GroupName: 'g10', UserName: 'dev' }));
		expect([e.code, e.message]).toEqual(['LimitExceeded', 'Cannot exceed quota for GroupsPerUser: 10']);
	});
});

describe('group policies', () => {
	it('puts, gets, lists and deletes inline group policies', () => {
		const { iam } = setup();
		iam.call('CreateGroup', { GroupName: 'pushers' });
		expect(iam.call('PutGroupPolicy', { GroupName: 'pushers', PolicyName: 'describe', PolicyDocument: doc('ecr:DescribeRepositories') })).toEqual({});
		expect(iam.call('GetGroupPolicy', { GroupName: 'pushers', PolicyName: 'describe' })).toEqual({
			GroupName: 'pushers',
			PolicyName: 'describe',
			PolicyDocument: encodeURIComponent(doc('ecr:DescribeRepositories'))
		});
		expect(iam.call('ListGroupPolicies', { GroupName: 'pushers' })).toEqual({ PolicyNames: ['describe'], IsTruncated: false });
		expect(iam.call('DeleteGroupPolicy', { GroupName: 'pushers', PolicyName: 'describe' })).toEqual({});
		const missing = caught(() => iam.call('GetGroupPolicy', { GroupName: 'pushers', PolicyName: 'describe' }));
		expect([missing.code, missing.message]).toEqual(['NoSuchEntity', 'The group policy with name describe cannot be found.']);
		expect(caught(() => iam.call('DeleteGroupPolicy', { GroupName: 'pushers', PolicyName: 'describe' })).code).toBe('NoSuchEntity');
		expect(caught(() => iam.call('PutGroupPolicy', { GroupName: 'pushers', PolicyName: 'bad', PolicyDocument: '{' })).code).toBe('MalformedPolicyDocument');
		const big = doc(Array.from({ length: 400 }, (_, i) => `ecr:Action${i}`));
		const tooBig = caught(() => iam.call('PutGroupPolicy', { GroupName: 'pushers', PolicyName: 'big', PolicyDocument: big }));
		expect([tooBig.code, tooBig.message]).toEqual(['LimitExceeded', 'Maximum policy size of 5120 bytes exceeded for group pushers']);
	});

	it('attaches, lists and detaches managed group policies', () => {
		const { iam } = setup();
		iam.call('CreateGroup', { GroupName: 'pushers' });
		iam.call('CreatePolicy', { PolicyName: 'describe', PolicyDocument: doc('ecr:DescribeRepositories') });
		expect(iam.call('AttachGroupPolicy', { GroupName: 'pushers', PolicyArn: localPolicy('describe') })).toEqual({});
		expect(iam.call('ListAttachedGroupPolicies', { GroupName: 'pushers' })).toEqual({ AttachedPolicies: [{ PolicyArn: localPolicy('describe'), PolicyName: 'describe' }], IsTruncated: false });
		const missing = caught(() => iam.call('AttachGroupPolicy', { GroupName: 'pushers', PolicyArn: localPolicy('ghost') }));
		expect([missing.code, missing.message]).toEqual(['NoSuchEntity', `Policy ${localPolicy('ghost')} does not exist or is not attachable.`]);
		expect(iam.call('DetachGroupPolicy', { GroupName: 'pushers', PolicyArn: localPolicy('describe') })).toEqual({});
		expect(caught(() => iam.call('DetachGroupPolicy', { GroupName: 'pushers', PolicyArn: localPolicy('describe') })).message).toBe(`Policy ${localPolicy('describe')} was not found.`);
	});

	it("let a member push with the group's AmazonEC2ContainerRegistryPowerUser, and deny once the member leaves", () => {
		const { world, iam } = setup();
		world.ecr(rootCaller(), REGION).call('CreateRepository', { repositoryName: 'app' });
		iam.call('CreateUser', { UserName: 'dev' });
		// The user may log in on its own; everything else comes from the group.
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'login', PolicyDocument: doc('ecr:GetAuthorizationToken') });
		iam.call('CreateGroup', { GroupName: 'pushers' });
		iam.call('AttachGroupPolicy', { GroupName: 'pushers', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryPowerUser') });
		iam.call('AddUserToGroup', { GroupName: 'pushers', UserName: 'dev' });
		const dev = userCaller('dev');
		expect(push(world, dev).at(-1)?.operation).toBe('PutImage');
		const [explained] = world.explainEcr(dev, REGION, 'PutImage', { repositoryName: 'app', imageManifest: '{}' });
		expect(explained?.decision).toBe('Allow');

		iam.call('RemoveUserFromGroup', { GroupName: 'pushers', UserName: 'dev' });
		const e = caught(() => push(world, dev));
		expect(e).toBeInstanceOf(AccessDeniedException);
		expect(e.code).toBe('AccessDeniedException');
		expect(e.message).toBe(
			`User: ${dev.arn} is not authorized to perform: ecr:BatchCheckLayerAvailability on resource: ${REPO_ARN} because no identity-based policy allows the ecr:BatchCheckLayerAvailability action`
		);
	});

	it("an explicit Deny in a group's inline policy beats the member's own Allow", () => {
		const { world, iam } = setup();
		world.ecr(rootCaller(), REGION).call('CreateRepository', { repositoryName: 'app' });
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('AttachUserPolicy', { UserName: 'dev', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryReadOnly') });
		iam.call('CreateGroup', { GroupName: 'frozen' });
		iam.call('PutGroupPolicy', {
			GroupName: 'frozen',
			PolicyName: 'no-describe',
			PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Freeze', Effect: 'Deny', Action: 'ecr:DescribeRepositories', Resource: '*' }] })
		});
		const dev = userCaller('dev');
		expect(world.ecr(dev, REGION).call('DescribeRepositories', {}).repositories).toHaveLength(1);
		iam.call('AddUserToGroup', { GroupName: 'frozen', UserName: 'dev' });
		const e = caught(() => world.ecr(dev, REGION).call('DescribeRepositories', {}));
		expect(e.message).toBe(`User: ${dev.arn} is not authorized to perform: ecr:DescribeRepositories on resource: arn:aws:ecr:${REGION}:${ACCOUNT}:repository/* with an explicit deny in an identity-based policy`);
		const explanation = (e as AccessDeniedException).explanation;
		expect(explanation.decidedBy.map((r) => r.label)).toEqual(['Freeze']);
	});
});
