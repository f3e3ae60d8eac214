// world.callerForAccessKey: which principal a signing key stands for, which keys are refused, and
// the condition keys the caller carries.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AwsError } from '../../../../src/lib/engines/errors';
import { A, B, caught, setup, userArn, userWithKey } from './helpers';

const principal = (arn: string, account: string) => ({ 'aws:PrincipalArn': arn, 'aws:PrincipalAccount': account, 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' });

describe('callerForAccessKey', () => {
	it("maps the sandbox's root keys to each account's root user, and any other key to the learner's root", () => {
		const { world } = setup();
		expect(world.callerForAccessKey('AKIAROOT123456789012')).toEqual({ arn: `arn:aws:iam::${A}:root`, accountId: A, context: principal(`arn:aws:iam::${A}:root`, A) });
		expect(world.callerForAccessKey('AKIAROOT210987654321')).toMatchObject({ arn: `arn:aws:iam::${B}:root`, accountId: B });
		for (const other of ['AKIAIOSFODNN7EXAMPLE', 'AKIDEXAMPLE', 'AKIAROOT999999999999', 'ASIAUNKNOWNSESSION00', '']) {
			expect(world.callerForAccessKey(other)).toMatchObject({ arn: `arn:aws:iam::${A}:root`, accountId: A });
		}
	});

	it("maps a user's key to that user, in either account", () => {
		const { world } = setup();
		const dev = userWithKey(world, 'dev');
		const ops = userWithKey(world, 'ops', B);
		expect(world.callerForAccessKey(dev.keyId)).toEqual({ arn: userArn('dev'), accountId: A, context: principal(userArn('dev'), A) });
		expect(world.callerForAccessKey(ops.keyId)).toMatchObject({ arn: userArn('ops', B), accountId: B });
	});

	it('refuses an inactive key and a deleted one with InvalidClientTokenId (HTTP 403), and takes a key back when reactivated', () => {
		const { world, iamA } = setup();
		const dev = userWithKey(world, 'dev');
		iamA.call('UpdateAccessKey', { UserName: 'dev', AccessKeyId: dev.keyId, Status: 'Inactive' });
		const e = caught(() => world.callerForAccessKey(dev.keyId));
		expect([e.code, e.message, e.httpStatus]).toEqual(['InvalidClientTokenId', 'The security token included in the request is invalid.', 403]);
		iamA.call('UpdateAccessKey', { UserName: 'dev', AccessKeyId: dev.keyId, Status: 'Active' });
		expect(world.callerForAccessKey(dev.keyId).arn).toBe(userArn('dev'));
		iamA.call('DeleteAccessKey', { UserName: 'dev', AccessKeyId: dev.keyId });
		expect(caught(() => world.callerForAccessKey(dev.keyId)).code).toBe('InvalidClientTokenId');
	});

	it("adds the request's keys, and the principal's keys win over any the request claims", () => {
		const { world } = setup();
		const dev = userWithKey(world, 'dev');
		const caller = world.callerForAccessKey(dev.keyId, { 'aws:SourceIp': '198.51.100.7', 'aws:SourceVpc': 'vpc-1', 'aws:PrincipalArn': userArn('admin') });
		expect(caller.context).toEqual({ 'aws:SourceIp': '198.51.100.7', 'aws:SourceVpc': 'vpc-1', ...principal(userArn('dev'), A) });
	});

	it('records where a key was used only when told', () => {
		const { world, iamA } = setup();
		const dev = userWithKey(world, 'dev');
		world.callerForAccessKey(dev.keyId);
		expect(iamA.call('GetAccessKeyLastUsed', { AccessKeyId: dev.keyId }).AccessKeyLastUsed?.ServiceName).toBe('N/A');
		world.callerForAccessKey(dev.keyId, {}, { service: 'sts', region: 'us-west-2' });
		expect(iamA.call('GetAccessKeyLastUsed', { AccessKeyId: dev.keyId }).AccessKeyLastUsed).toMatchObject({ ServiceName: 'sts', Region: 'us-west-2' });
	});

	it('never crashes on a random key: a caller, or one of the two credential errors', () => {
		const { world, iamA } = setup();
		const dev = userWithKey(world, 'dev');
		const gone = iamA.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
		iamA.call('DeleteAccessKey', { UserName: 'dev', AccessKeyId: gone });
		const key = fc.oneof(
			fc.string(),
			fc.string({ unit: 'grapheme', maxLength: 40 }),
			fc.constantFrom(dev.keyId, gone, 'AKIAROOT123456789012', 'AKIAROOT', '__proto__', 'constructor', 'toString'),
			fc.stringMatching(/^A[KS]IA[A-Z2-7]{16}$/)
		);
		fc.assert(
			fc.property(key, fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), (k, context) => {
				try {
					const caller = world.callerForAccessKey(k, context);
					expect(typeof caller.arn).toBe('string');
					expect(['123456789012', '210987654321']).toContain(caller.accountId);
				} catch (e) {
					expect(e).toBeInstanceOf(AwsError);
					expect(['InvalidClientTokenId', 'ExpiredToken']).toContain((e as AwsError).code);
				}
			}),
			{ numRuns: 500 }
		);
	});
});
