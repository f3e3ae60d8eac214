import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { identityOperations } from '../../../../src/lib/engines/identity/operations';
import { rootCaller } from '../../../../src/lib/engines/world-constants';

const IAM_CODES = new Set(['NoSuchEntity', 'EntityAlreadyExists', 'LimitExceeded', 'ValidationError', 'MalformedPolicyDocument', 'AccessDenied', 'DeleteConflict', 'InvalidInput']);

const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }] });
const field = fc.oneof(
	fc.constantFrom(
		'dev',
		'ci',
		'devs',
		'nobody',
		'a b',
		'',
		'x'.repeat(200),
		policy,
		'{',
		'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
		'arn:aws:iam::123456789012:policy/pull',
		'/team/',
		'__proto__',
		'v1',
		'v2',
		'v0',
		'Local',
		'All',
		7200,
		99999,
		true,
		[{ Key: 'team', Value: 'ci' }],
		[{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }],
		['team']
	),
	fc.anything({ maxDepth: 2 })
);
const input = fc.oneof(
	fc.record(
		{
			UserName: field,
			RoleName: field,
			GroupName: field,
			PolicyName: field,
			PolicyDocument: field,
			PolicyArn: field,
			VersionId: field,
			SetAsDefault: field,
			Path: field,
			AssumeRolePolicyDocument: field,
			Description: field,
			MaxSessionDuration: field,
			Tags: field,
			TagKeys: field,
			Scope: field,
			OnlyAttached: field,
			EntityFilter: field
		},
		{ requiredKeys: [] }
	),
	fc.anything({ maxDepth: 3 })
);

describe('IAM operations under any input', () => {
	it('throw only IAM errors, and a failed call changes nothing', () => {
		const world = World.create({ now: '2026-11-23T10:00:00Z' });
		const iam = world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) });
		iam.call('CreateGroup', { GroupName: 'devs' });
		iam.call('AddUserToGroup', { GroupName: 'devs', UserName: 'dev' });
		iam.call('CreatePolicy', { PolicyName: 'pull', PolicyDocument: policy });
		iam.call('CreatePolicyVersion', { PolicyArn: 'arn:aws:iam::123456789012:policy/pull', PolicyDocument: policy });
		fc.assert(
			fc.property(fc.constantFrom(...Object.keys(identityOperations)), input, (operation, raw) => {
				const before = world.snapshot();
				try {
					iam.callByName(operation, raw);
				} catch (e) {
					expect(e).toBeInstanceOf(AwsError);
					expect(IAM_CODES.has((e as AwsError).code)).toBe(true);
					expect((e as AwsError).message.length).toBeGreaterThan(0);
					expect(world.snapshot()).toEqual(before);
				}
			}),
			{ numRuns: 600 }
		);
	});
});
