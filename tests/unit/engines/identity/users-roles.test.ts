// DeleteUser, DeleteRole, UpdateRole, UpdateAssumeRolePolicy and user/role tags: each success,
// and each refusal with IAM's code and sentence.
import { describe, expect, it } from 'vitest';
import { ACCOUNT, awsPolicy, caught, doc, setup, trust } from './helpers';

describe('DeleteUser', () => {
	it('deletes a user with nothing left on it; a second delete is NoSuchEntity', () => {
		const { iam } = setup();
		iam.call('CreateUser', { UserName: 'dev' });
		expect(iam.call('DeleteUser', { UserName: 'dev' })).toEqual({});
		expect(iam.call('ListUsers', {}).Users).toEqual([]);
		const e = caught(() => iam.call('DeleteUser', { UserName: 'dev' }));
		expect([e.code, e.message, e.httpStatus]).toEqual(['NoSuchEntity', 'The user with name dev cannot be found.', 404]);
	});

	it('refuses while managed policies are attached, inline policies remain or the user is in a group', () => {
		const { iam } = setup();
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('AttachUserPolicy', { UserName: 'dev', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryReadOnly') });
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'describe', PolicyDocument: doc('ecr:DescribeRepositories') });
		iam.call('CreateGroup', { GroupName: 'devs' });
		iam.call('AddUserToGroup', { GroupName: 'devs', UserName: 'dev' });
		const refusal = () => {
			const e = caught(() => iam.call('DeleteUser', { UserName: 'dev' }));
			expect([e.code, e.httpStatus]).toEqual(['DeleteConflict', 409]);
			return e.message;
		};
		expect(refusal()).toBe('Cannot delete entity, must detach all policies first.');
		iam.call('DetachUserPolicy', { UserName: 'dev', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryReadOnly') });
		expect(refusal()).toBe('Cannot delete entity, must delete policies first.');
		iam.call('DeleteUserPolicy', { UserName: 'dev', PolicyName: 'describe' });
		expect(refusal()).toBe('Cannot delete entity, must remove users from group first.');
		iam.call('RemoveUserFromGroup', { GroupName: 'devs', UserName: 'dev' });
		expect(iam.call('DeleteUser', { UserName: 'dev' })).toEqual({});
	});
});

describe('DeleteRole', () => {
	it('deletes a role once its policies are gone, refusing before with AWS sentences', () => {
		const { iam } = setup();
		iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust() });
		iam.call('AttachRolePolicy', { RoleName: 'ci', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryPowerUser') });
		iam.call('PutRolePolicy', { RoleName: 'ci', PolicyName: 'describe', PolicyDocument: doc('ecr:DescribeRepositories') });
		expect(caught(() => iam.call('DeleteRole', { RoleName: 'ci' })).message).toBe('Cannot delete entity, must detach all policies first.');
		iam.call('DetachRolePolicy', { RoleName: 'ci', PolicyArn: awsPolicy('AmazonEC2ContainerRegistryPowerUser') });
		const inline = caught(() => iam.call('DeleteRole', { RoleName: 'ci' }));
		expect([inline.code, inline.message]).toEqual(['DeleteConflict', 'Cannot delete entity, must delete policies first.']);
		iam.call('DeleteRolePolicy', { RoleName: 'ci', PolicyName: 'describe' });
		expect(iam.call('DeleteRole', { RoleName: 'ci' })).toEqual({});
		expect(caught(() => iam.call('GetRole', { RoleName: 'ci' })).message).toBe('The role with name ci cannot be found.');
		expect(caught(() => iam.call('DeleteRole', { RoleName: 'ci' })).code).toBe('NoSuchEntity');
	});
});

describe('UpdateRole and UpdateAssumeRolePolicy', () => {
	it('changes the description and session duration, keeping what is not given', () => {
		const { iam } = setup();
		iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust(), Description: 'first', MaxSessionDuration: 7200 });
		expect(iam.call('GetRole', { RoleName: 'ci' }).Role).toMatchObject({ Description: 'first', MaxSessionDuration: 7200 });
		expect(iam.call('UpdateRole', { RoleName: 'ci', MaxSessionDuration: 43200 })).toEqual({});
		expect(iam.call('GetRole', { RoleName: 'ci' }).Role).toMatchObject({ Description: 'first', MaxSessionDuration: 43200 });
		iam.call('UpdateRole', { RoleName: 'ci', Description: 'second' });
		expect(iam.call('GetRole', { RoleName: 'ci' }).Role).toMatchObject({ Description: 'second', MaxSessionDuration: 43200 });
	});

	it('refuses a session duration outside 1 to 12 hours and a missing role', () => {
		const { iam } = setup();
		iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust() });
		const low = caught(() => iam.call('UpdateRole', { RoleName: 'ci', MaxSessionDuration: 3599 }));
		expect([low.code, low.message]).toEqual(['ValidationError', "1 validation error detected: Value '3599' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600"]);
		expect(caught(() => iam.call('CreateRole', { RoleName: 'x', AssumeRolePolicyDocument: trust(), MaxSessionDuration: 43201 })).message).toBe(
			"1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200"
		);
		expect(caught(() => iam.call('UpdateRole', { RoleName: 'ghost', Description: 'x' })).message).toBe('The role with name ghost cannot be found.');
		expect(iam.call('GetRole', { RoleName: 'ci' }).Role?.MaxSessionDuration).toBe(3600);
	});

	it('replaces the trust policy, refusing a malformed or oversized one and leaving the old one', () => {
		const { iam } = setup();
		iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust() });
		expect(iam.call('UpdateAssumeRolePolicy', { RoleName: 'ci', PolicyDocument: trust('lambda.amazonaws.com') })).toEqual({});
		expect(decodeURIComponent(iam.call('GetRole', { RoleName: 'ci' }).Role?.AssumeRolePolicyDocument ?? '')).toBe(trust('lambda.amazonaws.com'));
		expect(caught(() => iam.call('UpdateAssumeRolePolicy', { RoleName: 'ci', PolicyDocument: '{' })).code).toBe('MalformedPolicyDocument');
		const statements = Array.from({ length: 40 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }));
		const big = caught(() => iam.call('UpdateAssumeRolePolicy', { RoleName: 'ci', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
		expect([big.code, big.message]).toEqual(['LimitExceeded', 'Cannot exceed quota for ACLSizePerRole: 2048']);
		expect(decodeURIComponent(iam.call('GetRole', { RoleName: 'ci' }).Role?.AssumeRolePolicyDocument ?? '')).toBe(trust('lambda.amazonaws.com'));
	});
});

describe('role and user tags', () => {
	it('tags on create and with TagRole, replacing a key case-insensitively; UntagRole removes; ListRoleTags lists', () => {
		const { iam } = setup();
		const created = iam.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trust(), Tags: [{ Key: 'team', Value: 'ci' }] });
		expect(created.Role?.Tags).toEqual([{ Key: 'team', Value: 'ci' }]);
		expect(iam.call('TagRole', { RoleName: 'ci', Tags: [{ Key: 'Team', Value: 'platform' }, { Key: 'cost', Value: '42' }] })).toEqual({});
		expect(iam.call('ListRoleTags', { RoleName: 'ci' })).toEqual({ Tags: [{ Key: 'Team', Value: 'platform' }, { Key: 'cost', Value: '42' }], IsTruncated: false });
		expect(iam.call('UntagRole', { RoleName: 'ci', TagKeys: ['TEAM', 'absent'] })).toEqual({});
		expect(iam.call('GetRole', { RoleName: 'ci' }).Role?.Tags).toEqual([{ Key: 'cost', Value: '42' }]);
		// ListRoles leaves tags out, as IAM does.
		expect(iam.call('ListRoles', {}).Roles?.[0]?.Tags).toBeUndefined();
	});

	it('tags users the same way', () => {
		const { iam } = setup();
		iam.call('CreateUser', { UserName: 'dev', Tags: [{ Key: 'team', Value: 'ci' }] });
		iam.call('TagUser', { UserName: 'dev', Tags: [{ Key: 'desk', Value: '3' }] });
		expect(iam.call('ListUserTags', { UserName: 'dev' }).Tags).toEqual([{ Key: 'team', Value: 'ci' }, { Key: 'desk', Value: '3' }]);
		iam.call('UntagUser', { UserName: 'dev', TagKeys: ['team', 'desk'] });
		expect(iam.call('GetUser', { UserName: 'dev' }).User?.Tags).toBeUndefined();
	});

	it('refuses duplicate keys, more than 50 tags, and unknown principals', () => {
		const { iam } = setup();
		iam.call('CreateUser', { UserName: 'dev' });
		const dup = caught(() => iam.call('TagUser', { UserName: 'dev', Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] }));
		expect([dup.code, dup.message]).toEqual(['InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.']);
		const many = (from: number) => Array.from({ length: 30 }, (_, i) => ({ Key: `k${from + i}`, Value: 'v' }));
		iam.call('TagUser', { UserName: 'dev', Tags: many(0) });
		const over = caught(() => iam.call('TagUser', { UserName: 'dev', Tags: many(30) }));
		expect([over.code, over.message]).toEqual(['LimitExceeded', 'Cannot exceed quota for TagsPerUser: 50']);
		expect(iam.call('ListUserTags', { UserName: 'dev' }).Tags).toHaveLength(30);
		expect(caught(() => iam.call('TagRole', { RoleName: 'ghost', Tags: [] })).message).toBe('The role with name ghost cannot be found.');
		expect(caught(() => iam.call('ListUserTags', { UserName: 'ghost' })).message).toBe('The user with name ghost cannot be found.');
		expect(caught(() => iam.call('TagUser', { UserName: 'dev', Tags: [{ Key: '', Value: 'v' }] })).code).toBe('ValidationError');
	});
});
