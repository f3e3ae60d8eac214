// The repository policies of the Amazon ECR User Guide ("Repository policy examples"), with the
// placeholder account filled in, decided for the callers they are written for.
import { describe, expect, it } from 'vitest';
import { parsePolicy, type NamedPolicy } from '../../../../src/lib/engines/iam';
import { ALICE, BOB, OTHER, OWNER, decide, identity } from './helpers';

const repo = (policy: object): NamedPolicy => ({ name: 'repository policy', policy: parsePolicy(JSON.stringify(policy), 'repository') });
const PUSH = ['ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage'];
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const ecrEverything = identity('PowerUser', [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }]);

describe('ECR documentation examples', () => {
	it('"Allow one or more IAM users" lets those users push and pull with no identity policy', () => {
		const policy = repo({
			Version: '2012-10-17',
			Statement: [
				{
					Sid: 'AllowPushPull',
					Effect: 'Allow',
					Principal: { AWS: [`arn:aws:iam::${OWNER}:user/push-pull-user-1`, `arn:aws:iam::${OWNER}:user/push-pull-user-2`] },
					Action: [...PULL, ...PUSH]
				}
			]
		});
		const user1 = { principalArn: `arn:aws:iam::${OWNER}:user/push-pull-user-1` };
		for (const action of [...PUSH, ...PULL]) expect(decide({ ...user1, action }, [], policy).decision, action).toBe('Allow');
		expect(decide({ ...user1, action: 'ecr:DeleteRepository' }, [], policy).decision).toBe('ImplicitDeny');
		expect(decide({ action: 'ecr:PutImage' }, [], policy).decision).toBe('ImplicitDeny');
	});

	it('"Allow another account" lets that account push once its own IAM policy allows it', () => {
		const policy = repo({
			Version: '2012-10-17',
			Statement: [{ Sid: 'AllowCrossAccountPush', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: PUSH }]
		});
		const bob = { principalArn: BOB, principalAccount: OTHER };
		for (const action of PUSH) expect(decide({ ...bob, action }, [ecrEverything], policy).decision, action).toBe('Allow');
		expect(decide({ ...bob, action: 'ecr:PutImage' }, [], policy).explanation.failedSide).toBe('identity');
		expect(decide({ ...bob, action: 'ecr:BatchGetImage' }, [ecrEverything], policy).explanation.failedSide).toBe('resource');
	});

	it('pull users and one admin user', () => {
		const policy = repo({
			Version: '2012-10-17',
			Statement: [
				{ Sid: 'AllowPull', Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${OWNER}:user/pull-user-1`, `arn:aws:iam::${OWNER}:user/pull-user-2`] }, Action: PULL },
				{ Sid: 'AllowAll', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OWNER}:user/admin-user` }, Action: ['ecr:*'] }
			]
		});
		expect(decide({ principalArn: `arn:aws:iam::${OWNER}:user/pull-user-2` }, [], policy).decision).toBe('Allow');
		expect(decide({ principalArn: `arn:aws:iam::${OWNER}:user/pull-user-2`, action: 'ecr:PutImage' }, [], policy).decision).toBe('ImplicitDeny');
		expect(decide({ principalArn: `arn:aws:iam::${OWNER}:user/admin-user`, action: 'ecr:DeleteRepository' }, [], policy).decision).toBe('Allow');
	});

	it('"Deny all" stops pulls even for a caller with ecr:*', () => {
		const policy = repo({ Version: '2012-10-17', Statement: [{ Sid: 'DenyPull', Effect: 'Deny', Principal: '*', Action: PULL }] });
		const r = decide({}, [ecrEverything], policy);
		expect(r.decision).toBe('ExplicitDeny');
		expect(r.explanation.decidedBy).toEqual([{ policy: 'repository policy', side: 'resource', index: 0, label: 'DenyPull' }]);
		expect(decide({ action: 'ecr:PutImage' }, [ecrEverything], policy).decision).toBe('Allow');
	});

	it('"Restricting access to specific IP addresses" denies every ECR call from outside 54.240.143.0/24', () => {
		const policy = repo({
			Version: '2012-10-17',
			Id: 'ECRPolicyId1',
			Statement: [{ Sid: 'IPAllow', Effect: 'Deny', Principal: '*', Action: 'ecr:*', Condition: { NotIpAddress: { 'aws:sourceIp': '54.240.143.0/24' } } }]
		});
		const inside = decide({ context: { 'aws:SourceIp': '54.240.143.77' } }, [ecrEverything], policy);
		expect(inside.decision).toBe('Allow');
		const outside = decide({ context: { 'aws:SourceIp': '198.51.100.7' } }, [ecrEverything], policy);
		expect(outside.decision).toBe('ExplicitDeny');
		expect(outside.explanation.summary).toBe(
			`User: ${ALICE} is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:${OWNER}:repository/web with an explicit deny in a resource-based policy`
		);
		expect(outside.explanation.policies[1]?.statements[0]?.conditions[0]).toMatchObject({ key: 'aws:sourceIp', requestValues: ['198.51.100.7'], passed: true });
		// Through a VPC endpoint there is no aws:SourceIp: the negated operator then holds, and the Deny applies.
		expect(decide({ context: {} }, [ecrEverything], policy).decision).toBe('ExplicitDeny');
	});

	it('organisation-wide pull with aws:PrincipalOrgID', () => {
		const policy = repo({
			Version: '2012-10-17',
			Statement: [
				{ Sid: 'OrgPull', Effect: 'Allow', Principal: '*', Action: PULL, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }
			]
		});
		const bob = { principalArn: BOB, principalAccount: OTHER };
		const pullOnly = identity('PullOnly', [{ Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', ...PULL], Resource: '*' }]);
		expect(decide({ ...bob, context: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, [pullOnly], policy).decision).toBe('Allow');
		const stranger = decide({ ...bob, context: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } }, [pullOnly], policy);
		expect(stranger.decision).toBe('ImplicitDeny');
		expect(stranger.explanation.failedSide).toBe('resource');
		expect(stranger.explanation.policies[1]?.statements[0]?.reasons[0]).toContain('"o-zzzzzzzzzz" matches none of "o-a1b2c3d4e5"');
		expect(decide({ ...bob }, [pullOnly], policy).decision).toBe('ImplicitDeny');
	});

	it('the docs’ first IP example with a Resource element is refused, as ECR does', () => {
		expect(() =>
			repo({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'ecr:*', Resource: `arn:aws:ecr:us-east-1:${OWNER}:repository/web` }] })
		).toThrow("Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'");
	});

	it('ecr:GetAuthorizationToken (resource "*") is decided by identity policies alone', () => {
		const r = decide({ action: 'ecr:GetAuthorizationToken', resource: '*' }, [identity('Login', [{ Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' }])]);
		expect(r.decision).toBe('Allow');
	});
});
