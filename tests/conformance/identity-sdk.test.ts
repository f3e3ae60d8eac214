// Who is calling, through the real SDK clients in process: IAM access keys and STS sessions
// created through @aws-sdk/client-iam and @aws-sdk/client-sts, then used to sign ECR and STS
// requests, which the world resolves to the user or the role session (no resolveCaller given).
import { describe, expect, it } from 'vitest';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, PutRolePolicyCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { CreateRepositoryCommand, DescribeRepositoriesCommand, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { fakeImage, pushSteps } from '../../src/lib/engines/ecr/docker';
import { identityOperations } from '../../src/lib/engines/identity/operations';
import type { World } from '../../src/lib/engines/world';
import { LEARNER_ACCOUNT as A } from '../../src/lib/engines/world-constants';
import { NOW, REGION, Twins, clients, freshWorld, rejection, sdkCall, type SdkCredentials } from './harness';

const POWER_USER = 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser';
const trusting = (arn: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' }] });
const shown = (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({ name: e.name, message: e.message, status: e.$metadata?.httpStatusCode });

/** A user `dev` with an access key, created through the IAM SDK as the root user. */
async function devWithKey(world: World): Promise<SdkCredentials> {
	const { iam } = clients(world);
	await iam.send(new CreateUserCommand({ UserName: 'dev' }));
	const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dev' }))).AccessKey!;
	return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

/** Pushes an image through the SDK's ECR client; rejects at the first refused call. */
async function push(ecr: object, repositoryName: string, tag: string): Promise<string[]> {
	const steps = pushSteps(fakeImage('alpine:3.20'), repositoryName, tag);
	const done: string[] = [];
	let next = steps.next();
	while (!next.done) {
		const out = await sdkCall(ecr, 'ecr', next.value.operation, next.value.input);
		done.push(next.value.operation);
		next = steps.next(out);
	}
	return done;
}

describe('IAM access keys through @aws-sdk/client-iam', () => {
	const twins = new Twins();

	it('answer as the engine does, errors included', async () => {
		await twins.call('iam', 'CreateUser', { UserName: 'dev' });
		const created = await twins.call('iam', 'CreateAccessKey', { UserName: 'dev' });
		const id = (created.AccessKey as { AccessKeyId: string }).AccessKeyId;
		await twins.call('iam', 'ListAccessKeys', { UserName: 'dev' });
		await twins.call('iam', 'UpdateAccessKey', { UserName: 'dev', AccessKeyId: id, Status: 'Inactive' });
		await twins.call('iam', 'GetAccessKeyLastUsed', { AccessKeyId: id });
		await twins.call('iam', 'CreateAccessKey', { UserName: 'dev' });
		expect((await twins.fail('iam', 'CreateAccessKey', { UserName: 'dev' }, 'LimitExceeded')).message).toBe('Cannot exceed quota for AccessKeysPerUser: 2');
		expect((await twins.fail('iam', 'DeleteUser', { UserName: 'dev' }, 'DeleteConflict')).message).toBe('Cannot delete entity, must delete access keys first.');
		await twins.call('iam', 'DeleteAccessKey', { UserName: 'dev', AccessKeyId: id });
		expect((await twins.fail('iam', 'DeleteAccessKey', { UserName: 'dev', AccessKeyId: id }, 'NoSuchEntity')).message).toBe(`The Access Key with id ${id} cannot be found.`);
		await twins.fail('iam', 'UpdateAccessKey', { UserName: 'dev', AccessKeyId: id, Status: 'Active' }, 'NoSuchEntity');
		await twins.fail('iam', 'ListAccessKeys', { UserName: 'ghost' }, 'NoSuchEntity');
		const ops = ['CreateAccessKey', 'ListAccessKeys', 'UpdateAccessKey', 'DeleteAccessKey', 'GetAccessKeyLastUsed'];
		expect(ops.every((op) => Object.hasOwn(identityOperations, op) && twins.succeeded.get('iam')?.has(op))).toBe(true);
	});
});

describe('ECR with a created user key', () => {
	it('refuses a push with AWS message, and allows it once the user has AmazonEC2ContainerRegistryPowerUser', async () => {
		const world = freshWorld();
		const root = clients(world);
		await root.ecr.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
		const dev = clients(world, {}, await devWithKey(world));

		const refused = await rejection(push(dev.ecr, 'app', 'v1'));
		expect(shown(refused)).toEqual({
			name: 'AccessDeniedException',
			message: `User: arn:aws:iam::${A}:user/dev is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action`,
			status: 400
		});

		const upload = await rejection(sdkCall(dev.ecr, 'ecr', 'InitiateLayerUpload', { repositoryName: 'app' }));
		expect(shown(upload)).toEqual({
			name: 'AccessDeniedException',
			message: `User: arn:aws:iam::${A}:user/dev is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:${REGION}:${A}:repository/app because no identity-based policy allows the ecr:InitiateLayerUpload action`,
			status: 400
		});

		await root.iam.send(new AttachUserPolicyCommand({ UserName: 'dev', PolicyArn: POWER_USER }));
		expect(await push(dev.ecr, 'app', 'v1')).toContain('PutImage');
		expect(await dev.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({ Arn: `arn:aws:iam::${A}:user/dev`, Account: A });
	});

	it('refuses an inactive key as each protocol does: UnrecognizedClientException (ECR), InvalidClientTokenId (STS)', async () => {
		const world = freshWorld();
		const creds = await devWithKey(world);
		await clients(world).iam.send(new UpdateAccessKeyCommand({ UserName: 'dev', AccessKeyId: creds.accessKeyId, Status: 'Inactive' }));
		const dev = clients(world, {}, creds);
		expect(shown(await rejection(dev.ecr.send(new DescribeRepositoriesCommand({}))))).toEqual({ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.', status: 400 });
		expect(shown(await rejection(dev.sts.send(new GetCallerIdentityCommand({}))))).toEqual({ name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403 });
	});
});

describe('STS sessions through @aws-sdk/client-sts', () => {
	async function session(world: World, durationSeconds = 900) {
		const root = clients(world);
		const devCreds = await devWithKey(world);
		const role = (await root.iam.send(new CreateRoleCommand({ RoleName: 'reader', AssumeRolePolicyDocument: trusting(`arn:aws:iam::${A}:user/dev`) }))).Role!;
		await root.iam.send(new PutRolePolicyCommand({ RoleName: 'reader', PolicyName: 'describe', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:DescribeRepositories', Resource: '*' }] }) }));
		await root.ecr.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
		const out = await clients(world, {}, devCreds).sts.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'sdk', DurationSeconds: durationSeconds }));
		const c = out.Credentials!;
		return { role, out, creds: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } };
	}

	it('AssumeRole answers the session, and ECR calls with its credentials act as the role session', async () => {
		const world = freshWorld();
		const { role, out, creds } = await session(world);
		expect(out).toMatchObject({
			Credentials: { AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/), Expiration: new Date(Date.parse(NOW) + 900_000) },
			AssumedRoleUser: { AssumedRoleId: `${role.RoleId}:sdk`, Arn: `arn:aws:sts::${A}:assumed-role/reader/sdk` }
		});
		const s = clients(world, {}, creds);
		expect(await s.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({ UserId: `${role.RoleId}:sdk`, Arn: `arn:aws:sts::${A}:assumed-role/reader/sdk` });
		expect((await s.ecr.send(new DescribeRepositoriesCommand({}))).repositories?.map((r) => r.repositoryName)).toEqual(['app']);
		expect(shown(await rejection(s.ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'app', policyText: '{}' }))))).toEqual({
			name: 'AccessDeniedException',
			message: `User: arn:aws:sts::${A}:assumed-role/reader/sdk is not authorized to perform: ecr:SetRepositoryPolicy on resource: arn:aws:ecr:${REGION}:${A}:repository/app because no identity-based policy allows the ecr:SetRepositoryPolicy action`,
			status: 400
		});
	});

	it('refuses the session once the world clock passes its Expiration: ExpiredTokenException (ECR), ExpiredToken (STS)', async () => {
		const world = freshWorld();
		const { creds } = await session(world);
		world.advanceBy(900_000);
		const s = clients(world, {}, creds);
		expect(shown(await rejection(s.ecr.send(new DescribeRepositoriesCommand({}))))).toEqual({ name: 'ExpiredTokenException', message: 'The security token included in the request is expired', status: 403 });
		expect(shown(await rejection(s.sts.send(new GetCallerIdentityCommand({}))))).toEqual({ name: 'ExpiredToken', message: 'The security token included in the request is expired', status: 403 });
	});

	it('refuses AssumeRole with STS sentence when the trust policy does not name the caller', async () => {
		const world = freshWorld();
		const root = clients(world);
		const dev = clients(world, {}, await devWithKey(world));
		await root.iam.send(new CreateRoleCommand({ RoleName: 'admin', AssumeRolePolicyDocument: trusting(`arn:aws:iam::${A}:user/ops`) }));
		expect(shown(await rejection(dev.sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/admin`, RoleSessionName: 'try' }))))).toEqual({
			name: 'AccessDenied',
			message: `User: arn:aws:iam::${A}:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${A}:role/admin`,
			status: 403
		});
		expect(shown(await rejection(root.sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/admin`, RoleSessionName: 'try' }))))).toEqual({
			name: 'AccessDenied',
			message: 'Roles may not be assumed by root accounts.',
			status: 403
		});
	});

	it('GetSessionToken gives the user credentials that act as the user', async () => {
		const world = freshWorld();
		const dev = clients(world, {}, await devWithKey(world));
		const c = (await dev.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials!;
		const temp = clients(world, {}, { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });
		expect((await temp.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${A}:user/dev`);
		expect(shown(await rejection(temp.sts.send(new GetSessionTokenCommand({}))))).toEqual({ name: 'AccessDenied', message: 'Cannot call GetSessionToken with session credentials', status: 403 });
	});
});
