// The other services the protocol routes, through their real SDK clients: ECR Public
// (awsJson 1.1, X-Amz-Target SpencerFrontendService.*), STS and IAM (awsQuery), each answer
// compared with the engine's own.
import { afterAll, describe, expect, it } from 'vitest';
import { publicOperations } from '../../src/lib/engines/ecr/public';
import { fakeImage, manifestFor, pushSteps } from '../../src/lib/engines/ecr/docker';
import { LEARNER_ACCOUNT, SECOND_ACCOUNT, rootCaller, type Caller } from '../../src/lib/engines/world-constants';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { clients, CREDENTIALS, freshWorld, rejection, Twins } from './harness';

const twins = new Twins();

describe('ECR Public through @aws-sdk/client-ecr-public', () => {
	it('answers every operation the engine supports as the engine does', async () => {
		await twins.call('ecrPublic', 'CreateRepository', { repositoryName: 'tools/hello' });
		await twins.call('ecrPublic', 'DescribeRepositories', {});
		await twins.call('ecrPublic', 'DescribeRegistries', {});
		await twins.call('ecrPublic', 'GetAuthorizationToken', {});
		const steps = pushSteps(fakeImage('alpine:3.20'), 'tools/hello', 'latest');
		let next = steps.next();
		while (!next.done) {
			// GetAuthorizationToken of the private API is the same step name; the public one was called above.
			const out = await twins.call('ecrPublic', next.value.operation, next.value.input);
			next = steps.next(out);
		}
		await twins.call('ecrPublic', 'DescribeImages', { repositoryName: 'tools/hello' });
		await twins.call('ecrPublic', 'DescribeImageTags', { repositoryName: 'tools/hello' });
		const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Push', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SECOND_ACCOUNT}:root` }, Action: ['ecr-public:PutImage'] }] });
		await twins.call('ecrPublic', 'SetRepositoryPolicy', { repositoryName: 'tools/hello', policyText: policy });
		await twins.call('ecrPublic', 'GetRepositoryPolicy', { repositoryName: 'tools/hello' });
		await twins.call('ecrPublic', 'DeleteRepositoryPolicy', { repositoryName: 'tools/hello' });
		await twins.call('ecrPublic', 'BatchDeleteImage', { repositoryName: 'tools/hello', imageIds: [{ imageTag: 'latest' }] });
		await twins.call('ecrPublic', 'DeleteRepository', { repositoryName: 'tools/hello', force: true });
		await twins.fail('ecrPublic', 'DescribeRepositories', { repositoryNames: ['tools/hello'] }, 'RepositoryNotFoundException');
		await twins.fail('ecrPublic', 'PutImage', { repositoryName: 'missing', imageManifest: manifestFor(fakeImage('alpine:3.20')) }, 'RepositoryNotFoundException');
	});

	afterAll(() => {
		expect([...(twins.succeeded.get('ecrPublic') ?? [])].sort()).toEqual(Object.keys(publicOperations).sort());
	});
});

describe('STS GetCallerIdentity through @aws-sdk/client-sts', () => {
	it('names the root user by default', async () => {
		const { sts } = clients(freshWorld());
		const out = await sts.send(new GetCallerIdentityCommand({}));
		expect({ UserId: out.UserId, Account: out.Account, Arn: out.Arn }).toEqual({ UserId: LEARNER_ACCOUNT, Account: LEARNER_ACCOUNT, Arn: `arn:aws:iam::${LEARNER_ACCOUNT}:root` });
	});

	it('names the IAM user the resolver maps the access key to, with the user id IAM gave it', async () => {
		const world = freshWorld();
		const created = world.iam(rootCaller()).call('CreateUser', { UserName: 'dev' });
		const dev: Caller = { arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/dev`, accountId: LEARNER_ACCOUNT };
		const seen: (string | undefined)[] = [];
		const { sts } = clients(world, { resolveCaller: (_req, key) => (seen.push(key), key === CREDENTIALS.accessKeyId ? dev : rootCaller()) });
		const out = await sts.send(new GetCallerIdentityCommand({}));
		expect(out).toMatchObject({ UserId: created.User?.UserId, Account: LEARNER_ACCOUNT, Arn: dev.arn });
		expect(seen).toEqual([CREDENTIALS.accessKeyId]);
	});

	it('refuses a caller the world does not know with InvalidClientTokenId (HTTP 403)', async () => {
		const ghost: Caller = { arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/ghost`, accountId: LEARNER_ACCOUNT };
		const { sts } = clients(freshWorld(), { resolveCaller: () => ghost });
		const err = await rejection(sts.send(new GetCallerIdentityCommand({})));
		expect({ name: err.name, status: err.$metadata?.httpStatusCode }).toEqual({ name: 'InvalidClientTokenId', status: 403 });
	});
});

describe('IAM through @aws-sdk/client-iam', () => {
	it('users, roles, policies and tags answer as the engine does; errors carry the awsQuery codes', async () => {
		const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }] });
		await twins.call('iam', 'CreateUser', { UserName: 'dev', Tags: [{ Key: 'team', Value: 'blue' }] });
		await twins.call('iam', 'GetUser', { UserName: 'dev' });
		await twins.call('iam', 'ListUsers', {});
		await twins.call('iam', 'ListUserTags', { UserName: 'dev' });
		await twins.call('iam', 'PutUserPolicy', { UserName: 'dev', PolicyName: 'ecr', PolicyDocument: doc });
		await twins.call('iam', 'GetUserPolicy', { UserName: 'dev', PolicyName: 'ecr' });
		await twins.call('iam', 'ListUserPolicies', { UserName: 'dev' });
		const policy = await twins.call('iam', 'CreatePolicy', { PolicyName: 'EcrAll', PolicyDocument: doc, Description: 'all of ECR' });
		const arn = (policy.Policy as { Arn: string }).Arn;
		await twins.call('iam', 'AttachUserPolicy', { UserName: 'dev', PolicyArn: arn });
		await twins.call('iam', 'ListAttachedUserPolicies', { UserName: 'dev' });
		await twins.call('iam', 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: doc, SetAsDefault: true });
		await twins.call('iam', 'ListPolicyVersions', { PolicyArn: arn });
		await twins.call('iam', 'GetPolicyVersion', { PolicyArn: arn, VersionId: 'v2' });
		await twins.call('iam', 'ListPolicies', { Scope: 'Local' });
		await twins.call('iam', 'CreateGroup', { GroupName: 'devs' });
		await twins.call('iam', 'AddUserToGroup', { GroupName: 'devs', UserName: 'dev' });
		await twins.call('iam', 'GetGroup', { GroupName: 'devs' });
		await twins.call('iam', 'ListGroupsForUser', { UserName: 'dev' });
		await twins.fail('iam', 'GetUser', { UserName: 'nobody' }, 'NoSuchEntity');
		await twins.fail('iam', 'CreateUser', { UserName: 'dev' }, 'EntityAlreadyExists');
		await twins.fail('iam', 'DeleteUser', { UserName: 'dev' }, 'DeleteConflict');
		await twins.fail('iam', 'PutUserPolicy', { UserName: 'dev', PolicyName: 'bad', PolicyDocument: '{' }, undefined);
	});
});
