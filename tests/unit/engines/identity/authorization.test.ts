// Every IAM call is authorized as iam:<Action> on the entity it names (its ARN, with its path),
// and IAM's denial is `AccessDenied` with the message AWS writes.
import { describe, expect, it } from 'vitest';
import { AccessDeniedException } from '../../../../src/lib/engines/access-denied';
import { iamResource } from '../../../../src/lib/engines/identity/access';
import { emptyIdentities } from '../../../../src/lib/engines/identity/state';
import { ACCOUNT, caught, doc, localPolicy, setup, trust, userCaller } from './helpers';

describe('IAM authorization', () => {
	it('denies with AccessDenied on the ARN of the entity the call names', () => {
		const { world, iam } = setup();
		iam.call('CreateUser', { UserName: 'dev' });
		const dev = userCaller('dev');
		const e = caught(() => world.iam(dev).call('CreateRole', { RoleName: 'builder', AssumeRolePolicyDocument: trust() }));
		expect(e).toBeInstanceOf(AccessDeniedException);
		expect([e.code, e.httpStatus]).toEqual(['AccessDenied', 403]);
		expect(e.message).toBe(
			`User: ${dev.arn} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCOUNT}:role/builder because no identity-based policy allows the iam:CreateRole action`
		);
	});

	it('lets a policy scoped to a path act only on entities under it', () => {
		const { world, iam } = setup();
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('CreateRole', { RoleName: 'builder', Path: '/ci/', AssumeRolePolicyDocument: trust() });
		iam.call('CreateRole', { RoleName: 'admin', AssumeRolePolicyDocument: trust() });
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'ci-roles', PolicyDocument: doc(['iam:UpdateRole', 'iam:TagRole', 'iam:DeleteRole'], `arn:aws:iam::${ACCOUNT}:role/ci/*`) });
		const devIam = world.iam(userCaller('dev'));
		expect(devIam.call('UpdateRole', { RoleName: 'builder', MaxSessionDuration: 7200 })).toEqual({});
		expect(devIam.call('TagRole', { RoleName: 'builder', Tags: [{ Key: 'team', Value: 'ci' }] })).toEqual({});
		const denied = caught(() => devIam.call('UpdateRole', { RoleName: 'admin', MaxSessionDuration: 7200 }));
		expect(denied.message).toContain(`iam:UpdateRole on resource: arn:aws:iam::${ACCOUNT}:role/admin because`);
		expect(devIam.call('DeleteRole', { RoleName: 'builder' })).toEqual({});
	});

	it("a group's policy can grant IAM permissions to its members", () => {
		const { world, iam } = setup();
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('CreateGroup', { GroupName: 'iam-admins' });
		iam.call('PutGroupPolicy', { GroupName: 'iam-admins', PolicyName: 'groups', PolicyDocument: doc('iam:*Group*') });
		iam.call('AddUserToGroup', { GroupName: 'iam-admins', UserName: 'dev' });
		const devIam = world.iam(userCaller('dev'));
		expect(devIam.call('CreateGroup', { GroupName: 'pushers' }).Group?.GroupName).toBe('pushers');
		expect(caught(() => devIam.call('CreateUser', { UserName: 'x' })).code).toBe('AccessDenied');
		// Leaving the group takes the permission away, even the one to rejoin.
		devIam.call('RemoveUserFromGroup', { GroupName: 'iam-admins', UserName: 'dev' });
		expect(caught(() => devIam.call('AddUserToGroup', { GroupName: 'iam-admins', UserName: 'dev' })).message).toContain(
			`iam:AddUserToGroup on resource: arn:aws:iam::${ACCOUNT}:group/iam-admins because no identity-based policy allows`
		);
	});

	it('names the resource of each kind of call', () => {
		const s = emptyIdentities(ACCOUNT);
		s.users.push({ name: 'dev', id: 'AIDA', path: '/team/', createdAt: '2026-11-23T10:00:00.000Z', inlinePolicies: [], attachedPolicyArns: [] });
		expect(iamResource(s, 'GetUser', { UserName: 'dev' })).toBe(`arn:aws:iam::${ACCOUNT}:user/team/dev`);
		expect(iamResource(s, 'CreateUser', { UserName: 'ops', Path: '/ops/' })).toBe(`arn:aws:iam::${ACCOUNT}:user/ops/ops`);
		expect(iamResource(s, 'AttachRolePolicy', { RoleName: 'ci', PolicyArn: localPolicy('p') })).toBe(`arn:aws:iam::${ACCOUNT}:role/ci`);
		expect(iamResource(s, 'AddUserToGroup', { GroupName: 'g', UserName: 'dev' })).toBe(`arn:aws:iam::${ACCOUNT}:group/g`);
		expect(iamResource(s, 'CreatePolicy', { PolicyName: 'p', Path: '/lab/' })).toBe(localPolicy('p', '/lab/'));
		expect(iamResource(s, 'SetDefaultPolicyVersion', { PolicyArn: localPolicy('p'), VersionId: 'v2' })).toBe(localPolicy('p'));
		expect(iamResource(s, 'ListPolicies', {})).toBe('*');
		expect(iamResource(s, 'GetUser', 'garbage')).toBe('*');
	});
});
