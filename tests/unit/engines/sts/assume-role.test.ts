// AssumeRole: the role's trust policy and the caller's identity policies decide together, in one
// account and across two; refusals use STS's own sentence; the credentials expire on the world's
// clock. Every failure changes nothing.
import { describe, expect, it } from 'vitest';
import type { AccessDeniedException } from '../../../../src/lib/engines/access-denied';
import type { World } from '../../../../src/lib/engines/world';
import { rootCaller, type Caller } from '../../../../src/lib/engines/world-constants';
import { A, B, NOW, allow, caught, deny, roleArn, setup, trusting, userArn, userCaller } from './helpers';

const ASIA = /^ASIA[A-Z2-7]{16}$/;

function assume(world: World, caller: Caller, input: Record<string, unknown>) {
	return world.sts(caller).call('AssumeRole', input);
}

/** Expects AccessDenied with STS's sentence, changing nothing; returns the error. */
function expectRefused(world: World, caller: Caller, input: { RoleArn: string } & Record<string, unknown>): AccessDeniedException {
	const before = world.snapshot();
	const e = caught(() => assume(world, caller, input)) as AccessDeniedException;
	expect({ code: e.code, status: e.httpStatus, message: e.message }).toEqual({
		code: 'AccessDenied',
		status: 403,
		message: `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`
	});
	expect(world.snapshot()).toEqual(before);
	return e;
}

describe('AssumeRole within one account', () => {
	it('lets a user the trust policy names assume the role without any identity policy, and answers the session', () => {
		const { world, iamA } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		const role = iamA.call('CreateRole', { RoleName: 'deployer', AssumeRolePolicyDocument: trusting(userArn('dev')) }).Role!;
		const out = assume(world, userCaller('dev'), { RoleArn: role.Arn, RoleSessionName: 'build' });
		expect(out).toEqual({
			Credentials: { AccessKeyId: expect.stringMatching(ASIA), SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/), SessionToken: expect.any(String), Expiration: new Date(Date.parse(NOW) + 3600_000) },
			AssumedRoleUser: { AssumedRoleId: `${role.RoleId}:build`, Arn: `arn:aws:sts::${A}:assumed-role/deployer/build` }
		});
	});

	it('lets a user assume a role that trusts its account when its own policy allows sts:AssumeRole on the role', () => {
		const { world, iamA } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		iamA.call('CreateRole', { RoleName: 'deployer', AssumeRolePolicyDocument: trusting(`arn:aws:iam::${A}:root`) });
		iamA.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'assume', PolicyDocument: allow('sts:AssumeRole', roleArn('deployer')) });
		expect(assume(world, userCaller('dev'), { RoleArn: roleArn('deployer'), RoleSessionName: 'build' }).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${A}:assumed-role/deployer/build`);
	});

	it('is refused by the trust policy even when the identity policy allows it', () => {
		const { world, iamA } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		iamA.call('CreateRole', { RoleName: 'deployer', AssumeRolePolicyDocument: trusting(userArn('ops')) });
		iamA.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'assume-any', PolicyDocument: allow('sts:AssumeRole') });
		const e = expectRefused(world, userCaller('dev'), { RoleArn: roleArn('deployer'), RoleSessionName: 'build' });
		expect(e.explanation.decision).toBe('ImplicitDeny');
		expect(e.explanation.notes.join(' ')).toContain("The role's trust policy does not allow");
	});

	it('is refused by the identity policy when the trust policy only trusts the account', () => {
		const { world, iamA } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		iamA.call('CreateRole', { RoleName: 'deployer', AssumeRolePolicyDocument: trusting(A) });
		const e = expectRefused(world, userCaller('dev'), { RoleArn: roleArn('deployer'), RoleSessionName: 'build' });
		expect(e.explanation.notes.join(' ')).toContain(`trusts account ${A} rather than naming`);
	});

	it('is refused by an explicit deny in the identity policy, whatever the trust policy says', () => {
		const { world, iamA } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		iamA.call('CreateRole', { RoleName: 'deployer', AssumeRolePolicyDocument: trusting(userArn('dev')) });
		iamA.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'never', PolicyDocument: deny('sts:AssumeRole') });
		expect(expectRefused(world, userCaller('dev'), { RoleArn: roleArn('deployer'), RoleSessionName: 'build' }).explanation.decision).toBe('ExplicitDeny');
	});

	it('answers a role that does not exist (or an ARN without its path) exactly as an untrusted one', () => {
		const { world, iamA } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		iamA.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'assume-any', PolicyDocument: allow('sts:AssumeRole') });
		iamA.call('CreateRole', { RoleName: 'deployer', Path: '/ci/', AssumeRolePolicyDocument: trusting(userArn('dev')) });
		expectRefused(world, userCaller('dev'), { RoleArn: roleArn('nobody'), RoleSessionName: 'build' });
		expect(expectRefused(world, userCaller('dev'), { RoleArn: roleArn('deployer'), RoleSessionName: 'build' }).explanation.notes.join(' ')).toContain("includes the role's path");
		expect(assume(world, userCaller('dev'), { RoleArn: roleArn('deployer', A, '/ci/'), RoleSessionName: 'build' }).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${A}:assumed-role/deployer/build`);
	});

	it('refuses the root user with AWS sentence', () => {
		const { world, iamA } = setup();
		iamA.call('CreateRole', { RoleName: 'deployer', AssumeRolePolicyDocument: trusting(A) });
		const e = caught(() => assume(world, rootCaller(), { RoleArn: roleArn('deployer'), RoleSessionName: 'build' })) as AccessDeniedException;
		expect([e.code, e.message, e.httpStatus]).toEqual(['AccessDenied', 'Roles may not be assumed by root accounts.', 403]);
		expect(e.explanation.summary).toBe('Roles may not be assumed by root accounts.');
	});

	it('checks sts:ExternalId and sts:RoleSessionName conditions of the trust policy', () => {
		const { world, iamA } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		iamA.call('CreateRole', { RoleName: 'vendor', AssumeRolePolicyDocument: trusting(userArn('dev'), { StringEquals: { 'sts:ExternalId': 'lab-42' }, StringLike: { 'sts:RoleSessionName': 'ci-*' } }) });
		const arn = roleArn('vendor');
		expectRefused(world, userCaller('dev'), { RoleArn: arn, RoleSessionName: 'ci-1' });
		expectRefused(world, userCaller('dev'), { RoleArn: arn, RoleSessionName: 'ci-1', ExternalId: 'lab-41' });
		expectRefused(world, userCaller('dev'), { RoleArn: arn, RoleSessionName: 'me', ExternalId: 'lab-42' });
		expect(assume(world, userCaller('dev'), { RoleArn: arn, RoleSessionName: 'ci-1', ExternalId: 'lab-42' }).Credentials?.AccessKeyId).toMatch(ASIA);
	});
});

describe('AssumeRole across accounts', () => {
	function crossSetup(trust: string, identity?: string) {
		const { world, iamA, iamB } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		if (identity) iamA.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'assume', PolicyDocument: identity });
		iamB.call('CreateRole', { RoleName: 'pusher', AssumeRolePolicyDocument: trust });
		return { world, arn: roleArn('pusher', B) };
	}

	it('needs the trust policy and the identity policy both', () => {
		const named = crossSetup(trusting(userArn('dev')), allow('sts:AssumeRole', roleArn('pusher', B)));
		expect(assume(named.world, userCaller('dev'), { RoleArn: named.arn, RoleSessionName: 'x-acct' }).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${B}:assumed-role/pusher/x-acct`);
		const account = crossSetup(trusting(A), allow('sts:AssumeRole'));
		expect(assume(account.world, userCaller('dev'), { RoleArn: account.arn, RoleSessionName: 'x-acct' }).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${B}:assumed-role/pusher/x-acct`);
	});

	it('is refused when the caller has no identity policy, even if the trust policy names it', () => {
		const { world, arn } = crossSetup(trusting(userArn('dev')));
		expect(expectRefused(world, userCaller('dev'), { RoleArn: arn, RoleSessionName: 'x-acct' }).explanation.notes.join(' ')).toContain('Across accounts both sides must allow');
	});

	it('is refused when the trust policy does not name the caller or its account', () => {
		const { world, arn } = crossSetup(trusting(B), allow('sts:AssumeRole'));
		expectRefused(world, userCaller('dev'), { RoleArn: arn, RoleSessionName: 'x-acct' });
	});

	it('is refused by an explicit deny in the trust policy', () => {
		const trust = JSON.stringify({
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' },
				{ Effect: 'Deny', Principal: { AWS: userArn('dev') }, Action: 'sts:AssumeRole' }
			]
		});
		const { world, arn } = crossSetup(trust, allow('sts:AssumeRole'));
		expect(expectRefused(world, userCaller('dev'), { RoleArn: arn, RoleSessionName: 'x-acct' }).explanation.decision).toBe('ExplicitDeny');
	});
});

describe("AssumeRole's parameters", () => {
	function ready(maxSession?: number) {
		const { world, iamA } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		iamA.call('CreateRole', { RoleName: 'deployer', AssumeRolePolicyDocument: trusting(userArn('dev')), ...(maxSession ? { MaxSessionDuration: maxSession } : {}) });
		return { world, dev: userCaller('dev'), arn: roleArn('deployer') };
	}
	const coral = (value: string, member: string, constraint: string) => `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`;

	it('validates RoleArn and RoleSessionName as the model does', () => {
		const { world, dev, arn } = ready();
		const cases: [Record<string, unknown>, string][] = [
			[{ RoleSessionName: 'build' }, coral('null', 'roleArn', 'Member must not be null')],
			[{ RoleArn: 'arn:aws:iam::1:r', RoleSessionName: 'build' }, coral('arn:aws:iam::1:r', 'roleArn', 'Member must have length greater than or equal to 20')],
			[{ RoleArn: arn }, coral('null', 'roleSessionName', 'Member must not be null')],
			[{ RoleArn: arn, RoleSessionName: 'b' }, coral('b', 'roleSessionName', 'Member must have length greater than or equal to 2')],
			[{ RoleArn: arn, RoleSessionName: 'x'.repeat(65) }, coral('x'.repeat(65), 'roleSessionName', 'Member must have length less than or equal to 64')],
			[{ RoleArn: arn, RoleSessionName: 'my build' }, coral('my build', 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*')],
			[{ RoleArn: arn, RoleSessionName: 'build', ExternalId: 'x' }, coral('x', 'externalId', 'Member must have length greater than or equal to 2')]
		];
		for (const [input, message] of cases) {
			const e = caught(() => assume(world, dev, input));
			expect([e.code, e.message, e.httpStatus]).toEqual(['ValidationError', message, 400]);
		}
	});

	it('takes DurationSeconds from 900 up to the role MaxSessionDuration', () => {
		const { world, dev, arn } = ready();
		expect(caught(() => assume(world, dev, { RoleArn: arn, RoleSessionName: 'b1', DurationSeconds: 899 })).message).toBe(coral('899', 'durationSeconds', 'Member must have value greater than or equal to 900'));
		expect(caught(() => assume(world, dev, { RoleArn: arn, RoleSessionName: 'b1', DurationSeconds: 43201 })).message).toBe(coral('43201', 'durationSeconds', 'Member must have value less than or equal to 43200'));
		const long = caught(() => assume(world, dev, { RoleArn: arn, RoleSessionName: 'b1', DurationSeconds: 3601 }));
		expect([long.code, long.message]).toEqual(['ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.']);
		expect(assume(world, dev, { RoleArn: arn, RoleSessionName: 'b1', DurationSeconds: 900 }).Credentials?.Expiration).toEqual(new Date(Date.parse(NOW) + 900_000));
		const roomy = ready(7200);
		expect(assume(roomy.world, roomy.dev, { RoleArn: roomy.arn, RoleSessionName: 'b1', DurationSeconds: 7200 }).Credentials?.Expiration).toEqual(new Date(Date.parse(NOW) + 7200_000));
	});

	it('caps role chaining at one hour', () => {
		const { world, iamA } = setup();
		iamA.call('CreateUser', { UserName: 'dev' });
		iamA.call('CreateRole', { RoleName: 'first', AssumeRolePolicyDocument: trusting(userArn('dev')) });
		iamA.call('CreateRole', { RoleName: 'second', MaxSessionDuration: 43200, AssumeRolePolicyDocument: trusting(roleArn('first')) });
		const key = assume(world, userCaller('dev'), { RoleArn: roleArn('first'), RoleSessionName: 'hop1' }).Credentials!.AccessKeyId!;
		const session = world.callerForAccessKey(key);
		const e = caught(() => assume(world, session, { RoleArn: roleArn('second'), RoleSessionName: 'hop2', DurationSeconds: 7200 }));
		expect([e.code, e.message]).toEqual(['ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.']);
		expect(assume(world, session, { RoleArn: roleArn('second'), RoleSessionName: 'hop2' }).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${A}:assumed-role/second/hop2`);
	});

	it('accepts a session policy that is a valid identity policy and reports its packed size', () => {
		const { world, dev, arn } = ready();
		const e = caught(() => assume(world, dev, { RoleArn: arn, RoleSessionName: 'b1', Policy: '{"Version":' }));
		expect(e.code).toBe('MalformedPolicyDocument');
		const out = assume(world, dev, { RoleArn: arn, RoleSessionName: 'b1', Policy: allow('ecr:Describe*') });
		expect(out.PackedPolicySize).toBeGreaterThan(0);
		expect(out.PackedPolicySize).toBeLessThanOrEqual(100);
	});
});
