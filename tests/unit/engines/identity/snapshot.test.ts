// Groups, tags, session durations and policy versions are part of the saved world: a restored
// world has them, a world saved before they existed still restores, and a damaged save is refused.
import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { REGION, awsPolicy, caught, doc, localPolicy, setup, trust, userCaller } from './helpers';

function populated() {
	const s = setup();
	const { iam } = s;
	s.world.ecr(rootCaller(), REGION).call('CreateRepository', { repositoryName: 'app' });
	iam.call('CreateUser', { UserName: 'dev', Tags: [{ Key: 'team', Value: 'ci' }] });
	iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust(), MaxSessionDuration: 7200 });
	iam.call('CreateGroup', { GroupName: 'readers' });
	iam.call('AddUserToGroup', { GroupName: 'readers', UserName: 'dev' });
	iam.call('CreatePolicy', { PolicyName: 'pull', PolicyDocument: doc('ecr:ListImages') });
	iam.call('CreatePolicyVersion', { PolicyArn: localPolicy('pull'), PolicyDocument: doc(['ecr:ListImages', 'ecr:DescribeRepositories']), SetAsDefault: true });
	iam.call('AttachGroupPolicy', { GroupName: 'readers', PolicyArn: localPolicy('pull') });
	return s;
}

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('IAM in the saved world', () => {
	it('restores groups, memberships, tags, session durations and versions, deciding as before', () => {
		const { world } = populated();
		const restored = World.restore(json(world.snapshot()));
		expect(restored.snapshot()).toEqual(world.snapshot());
		const iam = restored.iam(rootCaller());
		expect(iam.call('GetGroup', { GroupName: 'readers' }).Users?.map((u) => u.UserName)).toEqual(['dev']);
		expect(iam.call('GetUser', { UserName: 'dev' }).User?.Tags).toEqual([{ Key: 'team', Value: 'ci' }]);
		expect(iam.call('GetRole', { RoleName: 'ci' }).Role?.MaxSessionDuration).toBe(7200);
		expect(iam.call('ListPolicyVersions', { PolicyArn: localPolicy('pull') }).Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
			['v2', true],
			['v1', false]
		]);
		// The group's policy, at its default version, still decides for its member.
		expect(restored.ecr(userCaller('dev'), REGION).call('DescribeRepositories', {}).repositories).toHaveLength(1);
		expect(iam.call('CreatePolicyVersion', { PolicyArn: localPolicy('pull'), PolicyDocument: doc('ecr:*') }).PolicyVersion?.VersionId).toBe('v3');
	});

	it('restores a world saved before groups, tags and versions existed', () => {
		const { world, iam } = setup();
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('CreatePolicy', { PolicyName: 'pull', PolicyDocument: doc('ecr:DescribeRepositories') });
		const old = json(world.snapshot());
		for (const account of old.iam) delete account.groups;
		const restored = World.restore(old);
		const iam2 = restored.iam(rootCaller());
		expect(iam2.call('ListGroups', {}).Groups).toEqual([]);
		expect(iam2.call('ListPolicyVersions', { PolicyArn: localPolicy('pull') }).Versions?.map((v) => v.VersionId)).toEqual(['v1']);
		iam2.call('CreateGroup', { GroupName: 'readers' });
		iam2.call('AttachGroupPolicy', { GroupName: 'readers', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryReadOnly') });
		iam2.call('AddUserToGroup', { GroupName: 'readers', UserName: 'dev' });
		expect(iam2.call('CreatePolicyVersion', { PolicyArn: localPolicy('pull'), PolicyDocument: doc('ecr:*') }).PolicyVersion?.VersionId).toBe('v2');
	});

	it('refuses a save whose IAM groups or versions are damaged', () => {
		const { world } = populated();
		const damaged = (edit: (s: ReturnType<World['snapshot']>) => void) => {
			const s = json(world.snapshot());
			edit(s);
			return caught(() => World.restore(s));
		};
		const noMembers = damaged((s) => {
			const g = s.iam[0]?.groups?.[0] as unknown as Record<string, unknown>;
			delete g.userNames;
		});
		expect([noMembers.code, noMembers.message]).toEqual(['InvalidParameterException', 'The saved world is damaged: iam[0].groups[0].userNames must be a list.']);
		const badVersion = damaged((s) => {
			const versions = s.iam[0]?.policies[0]?.versions as unknown as Record<string, unknown>[];
			versions[0] = { versionId: 'v1', document: 42, createdAt: 'x' };
		});
		expect(badVersion.message).toBe('The saved world is damaged: iam[0].policies[0].versions[0].document must be a string.');
		const badTags = damaged((s) => {
			(s.iam[0]?.users[0] as unknown as Record<string, unknown>).tags = 'team=ci';
		});
		expect(badTags.message).toBe('The saved world is damaged: iam[0].users[0].tags must be a list.');
	});
});
