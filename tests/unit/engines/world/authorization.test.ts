import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { caught } from './helpers';
import { AccessDeniedException } from '../../../../src/lib/engines/access-denied';
import { REPOSITORY_POLICY_MESSAGE } from '../../../../src/lib/engines/iam';
import { LEARNER_ACCOUNT, SECOND_ACCOUNT, rootCaller, type Caller } from '../../../../src/lib/engines/world-constants';
import { fakeImage, pullSteps, pushSteps, runSteps } from '../../../../src/lib/engines/ecr/docker';

const NOW = '2026-11-23T10:00:00.000Z';
const REGION = 'us-east-1';
const REPO_ARN = `arn:aws:ecr:${REGION}:${LEARNER_ACCOUNT}:repository/app`;
const dev: Caller = { arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/dev`, accountId: LEARNER_ACCOUNT };
const ciRole = `arn:aws:iam::${SECOND_ACCOUNT}:role/ci`;
const ciSession: Caller = { arn: `arn:aws:sts::${SECOND_ACCOUNT}:assumed-role/ci/build-42`, accountId: SECOND_ACCOUNT };
const managed = (name: string) => `arn:aws:iam::aws:policy/${name}`;

function setup() {
	const world = World.create({ now: NOW });
	const admin = world.ecr(rootCaller(), REGION);
	admin.call('CreateRepository', { repositoryName: 'app' });
	world.iam(rootCaller()).call('CreateUser', { UserName: 'dev' });
	const iam2 = world.iam(rootCaller(SECOND_ACCOUNT));
	iam2.call('CreateRole', {
		RoleName: 'ci',
		AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }] })
	});
	return { world, admin, iam2 };
}


const push = (world: World, caller: Caller, registryId?: string) => {
	const ecr = world.ecr(caller, REGION);
	return runSteps(pushSteps(fakeImage('alpine:3.20'), 'app', 'v1', registryId), (s) => ecr.callByName(s.operation, s.input));
};

describe('every ECR call is authorized with AWS evaluation order', () => {
	it('denies a user without policies, with AWS message, and changes nothing', () => {
		const { world } = setup();
		const before = world.snapshot();
		const e = caught(() => world.ecr(dev, REGION).call('CreateRepository', { repositoryName: 'other' }));
		expect(e.code).toBe('AccessDeniedException');
		expect(e.message).toBe(
			`User: ${dev.arn} is not authorized to perform: ecr:CreateRepository on resource: arn:aws:ecr:${REGION}:${LEARNER_ACCOUNT}:repository/other because no identity-based policy allows the ecr:CreateRepository action`
		);
		expect(world.snapshot()).toEqual(before);
		const explanation = (e as AccessDeniedException).explanation;
		expect(explanation.failedSide).toBe('identity');
		expect(explanation.notes).toContain(`${dev.arn} has no identity-based policies, so nothing allows ecr:CreateRepository.`);
	});

	it('lets a PowerUser push but not delete the repository', () => {
		const { world } = setup();
		world.iam(rootCaller()).call('AttachUserPolicy', { UserName: 'dev', PolicyArn: managed('AmazonEC2ContainerRegistryPowerUser') });
		expect(push(world, dev).map((s) => s.operation)).toContain('PutImage');
		const e = caught(() => world.ecr(dev, REGION).call('DeleteRepository', { repositoryName: 'app', force: true }));
		expect(e.code).toBe('AccessDeniedException');
		expect(e.message).toContain('ecr:DeleteRepository');
	});

	it('stops a push at InitiateLayerUpload when the repository policy denies requests from outside the VPC, and names the statement', () => {
		const { world, admin } = setup();
		world.iam(rootCaller()).call('AttachUserPolicy', { UserName: 'dev', PolicyArn: managed('AmazonEC2ContainerRegistryPowerUser') });
		admin.call('SetRepositoryPolicy', {
			repositoryName: 'app',
			policyText: JSON.stringify({
				Version: '2012-10-17',
				Statement: [
					{
						Sid: 'DenyFromOutsideVpc',
						Effect: 'Deny',
						Principal: '*',
						Action: ['ecr:InitiateLayerUpload', 'ecr:PutImage'],
						Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } }
					}
				]
			})
		});
		const outside: Caller = { ...dev, context: { 'aws:SourceVpc': 'vpc-99999999' } };
		const e = caught(() => push(world, outside));
		expect(e).toBeInstanceOf(AccessDeniedException);
		expect(e.message).toBe(`User: ${dev.arn} is not authorized to perform: ecr:InitiateLayerUpload on resource: ${REPO_ARN} with an explicit deny in a resource-based policy`);
		const explanation = (e as AccessDeniedException).explanation;
		expect(explanation.decision).toBe('ExplicitDeny');
		expect(explanation.decidedBy.map((r) => r.label)).toEqual(['DenyFromOutsideVpc']);

		const inside: Caller = { ...dev, context: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } };
		expect(push(world, inside).at(-1)?.operation).toBe('PutImage');
	});

	it('within one account, a repository policy naming the user is enough without any identity policy', () => {
		const { world, admin } = setup();
		admin.call('SetRepositoryPolicy', {
			repositoryName: 'app',
			policyText: JSON.stringify({
				Version: '2012-10-17',
				Statement: [{ Sid: 'DevPull', Effect: 'Allow', Principal: { AWS: dev.arn }, Action: ['ecr:BatchGetImage', 'ecr:DescribeImages'] }]
			})
		});
		expect(world.ecr(dev, REGION).call('DescribeImages', { repositoryName: 'app' }).imageDetails).toEqual([]);
		// GetAuthorizationToken can only be granted by IAM (its resource is "*").
		expect(caught(() => world.ecr(dev, REGION).call('GetAuthorizationToken', {})).code).toBe('AccessDeniedException');
	});

	it('across accounts needs both the repository policy and the caller identity policy', () => {
		const { world, admin, iam2 } = setup();
		push(world, rootCaller());
		const pull = () => {
			const ecr = world.ecr(ciSession, REGION);
			return runSteps(pullSteps('app', { imageTag: 'v1' }, LEARNER_ACCOUNT), (s) => ecr.callByName(s.operation, s.input));
		};
		// Identity side only.
		iam2.call('AttachRolePolicy', { RoleName: 'ci', PolicyArn: managed('AmazonEC2ContainerRegistryPullOnly') });
		const noResource = caught(pull);
		expect(noResource.message).toBe(
			`User: ${ciSession.arn} is not authorized to perform: ecr:BatchGetImage on resource: ${REPO_ARN} because no resource-based policy allows the ecr:BatchGetImage action`
		);
		// Both sides.
		admin.call('SetRepositoryPolicy', {
			repositoryName: 'app',
			policyText: JSON.stringify({
				Version: '2012-10-17',
				Statement: [{ Sid: 'CiPull', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SECOND_ACCOUNT}:root` }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }]
			})
		});
		expect(pull().map((s) => s.operation)).toEqual(['GetAuthorizationToken', 'BatchGetImage', 'GetDownloadUrlForLayer', 'GetDownloadUrlForLayer', 'GetDownloadUrlForLayer']);
		// Resource side only.
		iam2.call('DetachRolePolicy', { RoleName: 'ci', PolicyArn: managed('AmazonEC2ContainerRegistryPullOnly') });
		expect(caught(pull).message).toContain('because no identity-based policy allows the ecr:GetAuthorizationToken action');
		expect(ciRole).toContain(':role/ci');
	});

	it('aws:PrincipalOrgID lets every account of the organization pull', () => {
		const { world, admin, iam2 } = setup();
		push(world, rootCaller());
		iam2.call('PutRolePolicy', {
			RoleName: 'ci',
			PolicyName: 'pull-anything',
			PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }] })
		});
		admin.call('SetRepositoryPolicy', {
			repositoryName: 'app',
			policyText: JSON.stringify({
				Version: '2012-10-17',
				Statement: [{ Sid: 'OrgPull', Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }]
			})
		});
		const got = world.ecr(ciSession, REGION).call('BatchGetImage', { registryId: LEARNER_ACCOUNT, repositoryName: 'app', imageIds: [{ imageTag: 'v1' }] });
		expect(got.images).toHaveLength(1);
	});

	it('explains an allowed call without making it', () => {
		const { world } = setup();
		world.iam(rootCaller()).call('PutUserPolicy', {
			UserName: 'dev',
			PolicyName: 'list',
			PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Describe', Effect: 'Allow', Action: 'ecr:Describe*', Resource: '*' }] })
		});
		const [result] = world.explainEcr(dev, REGION, 'DescribeRepositories', {});
		expect(result?.decision).toBe('Allow');
		expect(result?.explanation.decidedBy.map((r) => r.label)).toEqual(['Describe']);
	});

	it('rejects a request signed by a user the account does not have', () => {
		const { world } = setup();
		const ghost: Caller = { arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/ghost`, accountId: LEARNER_ACCOUNT };
		expect(caught(() => world.ecr(ghost, REGION).call('DescribeRepositories', {})).code).toBe('UnrecognizedClientException');
	});
});

describe('repository and registry policies', () => {
	const allowAll = (extra: object = {}) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:*', ...extra }] });

	it('sets, gets and deletes a repository policy; a missing one is RepositoryPolicyNotFoundException', () => {
		const { admin } = setup();
		expect(caught(() => admin.call('GetRepositoryPolicy', { repositoryName: 'app' })).message).toBe(
			`Repository policy does not exist for the repository with name 'app' in the registry with id '${LEARNER_ACCOUNT}'`
		);
		expect(admin.call('SetRepositoryPolicy', { repositoryName: 'app', policyText: allowAll() })).toEqual({ registryId: LEARNER_ACCOUNT, repositoryName: 'app', policyText: allowAll() });
		expect(admin.call('GetRepositoryPolicy', { repositoryName: 'app' }).policyText).toBe(allowAll());
		expect(admin.call('DeleteRepositoryPolicy', { repositoryName: 'app' }).policyText).toBe(allowAll());
		expect(caught(() => admin.call('DeleteRepositoryPolicy', { repositoryName: 'app' })).code).toBe('RepositoryPolicyNotFoundException');
	});

	it('rejects a Resource element and malformed documents with the one message AWS gives', () => {
		const { admin } = setup();
		for (const bad of [allowAll({ Resource: REPO_ARN }), '{', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*' }] })]) {
			const e = caught(() => admin.call('SetRepositoryPolicy', { repositoryName: 'app', policyText: bad }));
			expect(e.code).toBe('InvalidParameterException');
			expect(e.message).toBe(REPOSITORY_POLICY_MESSAGE);
		}
		const long = caught(() => admin.call('SetRepositoryPolicy', { repositoryName: 'app', policyText: ' '.repeat(10241) }));
		expect(long.message).toBe("Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Member must have length less than or equal to 10240'");
	});

	it('needs force to set a policy that locks the caller out of SetRepositoryPolicy', () => {
		const { admin } = setup();
		const lockOut = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'NoChanges', Effect: 'Deny', Principal: '*', Action: 'ecr:SetRepositoryPolicy' }] });
		expect(caught(() => admin.call('SetRepositoryPolicy', { repositoryName: 'app', policyText: lockOut })).code).toBe('InvalidParameterException');
		expect(admin.call('SetRepositoryPolicy', { repositoryName: 'app', policyText: lockOut, force: true }).policyText).toBe(lockOut);
		expect(caught(() => admin.call('SetRepositoryPolicy', { repositoryName: 'app', policyText: allowAll(), force: true })).code).toBe('AccessDeniedException');
	});

	it('accepts only the registry-level actions in a registry policy', () => {
		const { world } = setup();
		const ecr2 = world.ecr(rootCaller(SECOND_ACCOUNT), REGION);
		const good = JSON.stringify({
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'ReplicationFromLearner',
					Effect: 'Allow',
					Principal: { AWS: `arn:aws:iam::${LEARNER_ACCOUNT}:root` },
					Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
					Resource: `arn:aws:ecr:${REGION}:${SECOND_ACCOUNT}:repository/*`
				}
			]
		});
		expect(ecr2.call('PutRegistryPolicy', { policyText: good })).toEqual({ registryId: SECOND_ACCOUNT, policyText: good });
		expect(ecr2.call('GetRegistryPolicy', {}).policyText).toBe(good);
		const bad = good.replace('ecr:ReplicateImage', 'ecr:PutImage');
		expect(caught(() => ecr2.call('PutRegistryPolicy', { policyText: bad })).message).toBe(
			"Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid registry policy provided'"
		);
		expect(ecr2.call('DeleteRegistryPolicy', {}).policyText).toBe(good);
		expect(caught(() => ecr2.call('GetRegistryPolicy', {})).code).toBe('RegistryPolicyNotFoundException');
	});
});

describe('IAM identities', () => {
	it('creates users and roles with AWS errors for duplicates, unknown names and malformed policies', () => {
		const { world } = setup();
		const iam = world.iam(rootCaller());
		expect(caught(() => iam.call('CreateUser', { UserName: 'dev' })).message).toBe('User with name dev already exists.');
		expect(caught(() => iam.call('PutUserPolicy', { UserName: 'nobody', PolicyName: 'p', PolicyDocument: '{}' })).message).toBe('The user with name nobody cannot be found.');
		const malformed = caught(() => iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:*"}]}' }));
		expect(malformed.code).toBe('MalformedPolicyDocument');
		expect(caught(() => iam.call('AttachUserPolicy', { UserName: 'dev', PolicyArn: managed('NoSuchPolicyAtAll') })).code).toBe('NoSuchEntity');
		const created = iam.call('CreateUser', { UserName: 'ops', Path: '/team/' });
		expect(created.User?.Arn).toBe(`arn:aws:iam::${LEARNER_ACCOUNT}:user/team/ops`);
		expect(created.User?.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
	});

	it('a user without IAM permissions cannot change IAM', () => {
		const { world } = setup();
		expect(caught(() => world.iam(dev).call('CreateUser', { UserName: 'x' })).message).toContain('iam:CreateUser');
	});

	it('snapshots keep identities, and a restored world decides exactly as before', () => {
		const { world } = setup();
		world.iam(rootCaller()).call('AttachUserPolicy', { UserName: 'dev', PolicyArn: managed('AmazonEC2ContainerRegistryReadOnly') });
		const restored = World.restore(JSON.parse(JSON.stringify(world.snapshot())));
		for (const w of [world, restored]) {
			expect(w.ecr(dev, REGION).call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName)).toEqual(['app']);
			expect(caught(() => w.ecr(dev, REGION).call('PutImage', { repositoryName: 'app', imageManifest: '{}' })).code).toBe('AccessDeniedException');
		}
	});
});
