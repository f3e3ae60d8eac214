// What a session's key does once issued: it acts as the role session (GetCallerIdentity, the role's
// permissions), until the world's clock passes its Expiration; then ExpiredToken. GetSessionToken
// gives a user's own temporary key, with AWS's limits.
import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { A, NOW, REGION, allow, caught, roleArn, setup, trusting, userArn, userCaller, userWithKey } from './helpers';

function session(durationSeconds?: number) {
	const { world, iamA } = setup();
	const dev = userWithKey(world, 'dev');
	const role = iamA.call('CreateRole', { RoleName: 'deployer', Path: '/ci/', AssumeRolePolicyDocument: trusting(userArn('dev')) }).Role!;
	iamA.call('PutRolePolicy', { RoleName: 'deployer', PolicyName: 'repos', PolicyDocument: allow(['ecr:CreateRepository', 'ecr:DescribeRepositories']) });
	const out = world.sts(dev.caller).call('AssumeRole', { RoleArn: role.Arn, RoleSessionName: 'build-7', ...(durationSeconds ? { DurationSeconds: durationSeconds } : {}) });
	return { world, iamA, role, keyId: out.Credentials!.AccessKeyId!, expiration: out.Credentials!.Expiration! };
}

describe('a role session key', () => {
	it('acts as the session: its ARN, the role as aws:PrincipalArn (with its path), the role id in GetCallerIdentity', () => {
		const { world, role, keyId } = session();
		const caller = world.callerForAccessKey(keyId, { 'aws:SourceIp': '203.0.113.9' });
		expect(caller).toEqual({
			arn: `arn:aws:sts::${A}:assumed-role/deployer/build-7`,
			accountId: A,
			context: { 'aws:SourceIp': '203.0.113.9', 'aws:PrincipalArn': roleArn('deployer', A, '/ci/'), 'aws:PrincipalAccount': A, 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
			session: { issuedBy: 'AssumeRole' }
		});
		expect(world.sts(caller).call('GetCallerIdentity', {})).toEqual({ UserId: `${role.RoleId}:build-7`, Account: A, Arn: caller.arn });
	});

	it("has the role's permissions and no others", () => {
		const { world, keyId } = session();
		const ecr = world.ecr(world.callerForAccessKey(keyId), REGION);
		expect(ecr.call('CreateRepository', { repositoryName: 'app' }).repository?.repositoryName).toBe('app');
		const e = caught(() => ecr.call('DeleteRepository', { repositoryName: 'app' }));
		expect(e.message).toBe(
			`User: arn:aws:sts::${A}:assumed-role/deployer/build-7 is not authorized to perform: ecr:DeleteRepository on resource: arn:aws:ecr:${REGION}:${A}:repository/app because no identity-based policy allows the ecr:DeleteRepository action`
		);
	});

	it('expires when the world clock reaches its Expiration, with ExpiredToken (HTTP 403)', () => {
		const { world, keyId, expiration } = session(900);
		expect(expiration).toEqual(new Date(Date.parse(NOW) + 900_000));
		world.advanceTo(expiration.getTime() - 1);
		expect(world.callerForAccessKey(keyId).arn).toBe(`arn:aws:sts::${A}:assumed-role/deployer/build-7`);
		world.advanceTo(expiration);
		const e = caught(() => world.callerForAccessKey(keyId));
		expect([e.code, e.message, e.httpStatus]).toEqual(['ExpiredToken', 'The security token included in the request is expired', 403]);
	});

	it('survives a snapshot and restore, expiry included', () => {
		const { world, keyId } = session();
		const restored = World.restore(JSON.parse(JSON.stringify(world.snapshot())));
		expect(restored.callerForAccessKey(keyId)).toEqual(world.callerForAccessKey(keyId));
		restored.advanceBy(3600_000);
		expect(caught(() => restored.callerForAccessKey(keyId)).code).toBe('ExpiredToken');
	});

	it('refuses a damaged saved session', () => {
		const { world } = session();
		const bad = JSON.parse(JSON.stringify(world.snapshot())) as { sts: { sessions: { expiresAt: string }[] } };
		bad.sts.sessions[0]!.expiresAt = 'soon';
		expect(caught(() => World.restore(bad)).message).toBe('The saved world is damaged: sts.sessions[0].expiresAt must be a date.');
	});

	it('stops working as the role when the role is deleted', () => {
		const { world, iamA, keyId } = session();
		iamA.call('DeleteRolePolicy', { RoleName: 'deployer', PolicyName: 'repos' });
		iamA.call('DeleteRole', { RoleName: 'deployer' });
		const caller = world.callerForAccessKey(keyId);
		expect(caught(() => world.sts(caller).call('GetCallerIdentity', {})).code).toBe('InvalidClientTokenId');
		expect(caught(() => world.ecr(caller, REGION).call('DescribeRepositories', {})).code).toBe('UnrecognizedClientException');
	});
});

describe('GetCallerIdentity', () => {
	it('names the root user with its account id as UserId, and a user with its AIDA id', () => {
		const { world, iamA } = setup();
		expect(world.sts(rootCaller()).call('GetCallerIdentity', {})).toEqual({ UserId: A, Account: A, Arn: `arn:aws:iam::${A}:root` });
		const user = iamA.call('CreateUser', { UserName: 'dev', Path: '/team/' }).User!;
		const caller = { arn: user.Arn!, accountId: A };
		expect(world.sts(caller).call('GetCallerIdentity', {})).toEqual({ UserId: user.UserId, Account: A, Arn: user.Arn });
	});

	it('refuses a user IAM does not have with InvalidClientTokenId (HTTP 403)', () => {
		const { world } = setup();
		const e = caught(() => world.sts(userCaller('ghost')).call('GetCallerIdentity', {}));
		expect([e.code, e.message, e.httpStatus]).toEqual(['InvalidClientTokenId', 'The security token included in the request is invalid.', 403]);
	});

	it('answers InvalidAction for an operation STS does not have here', () => {
		const { world } = setup();
		expect(caught(() => world.sts(rootCaller()).callByName('AssumeRoleWithSAML', {})).message).toBe('Could not find operation AssumeRoleWithSAML for version 2011-06-15');
	});
});

describe('GetSessionToken', () => {
	it("gives a user temporary credentials acting as the user itself, 12 hours by default", () => {
		const { world } = setup();
		const dev = userWithKey(world, 'dev');
		const creds = world.sts(dev.caller).call('GetSessionToken', {}).Credentials!;
		expect(creds).toEqual({ AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/), SecretAccessKey: expect.any(String), SessionToken: expect.any(String), Expiration: new Date(Date.parse(NOW) + 43200_000) });
		const caller = world.callerForAccessKey(creds.AccessKeyId!);
		expect([caller.arn, caller.session?.issuedBy]).toEqual([userArn('dev'), 'GetSessionToken']);
		expect(world.sts(caller).call('GetCallerIdentity', {}).Arn).toBe(userArn('dev'));
	});

	it('keeps the range 900 to 129600 seconds, and cuts the root user to one hour', () => {
		const { world } = setup();
		const dev = userWithKey(world, 'dev');
		expect(caught(() => world.sts(dev.caller).call('GetSessionToken', { DurationSeconds: 129601 })).message).toBe(
			"1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600"
		);
		expect(world.sts(dev.caller).call('GetSessionToken', { DurationSeconds: 129600 }).Credentials?.Expiration).toEqual(new Date(Date.parse(NOW) + 129600_000));
		expect(world.sts(rootCaller()).call('GetSessionToken', { DurationSeconds: 7200 }).Credentials?.Expiration).toEqual(new Date(Date.parse(NOW) + 3600_000));
	});

	it('refuses session credentials, and its credentials cannot call IAM', () => {
		const { world } = setup();
		const dev = userWithKey(world, 'dev');
		const caller = world.callerForAccessKey(world.sts(dev.caller).call('GetSessionToken', {}).Credentials!.AccessKeyId!);
		const again = caught(() => world.sts(caller).call('GetSessionToken', {}));
		expect([again.code, again.message, again.httpStatus]).toEqual(['AccessDenied', 'Cannot call GetSessionToken with session credentials', 403]);
		const iam = caught(() => world.iam(caller).call('ListUsers', {}));
		expect([iam.code, iam.message, iam.httpStatus]).toEqual(['InvalidClientTokenId', 'The security token included in the request is invalid.', 403]);
	});
});
