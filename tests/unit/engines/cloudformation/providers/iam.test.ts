import { describe, expect, it } from 'vitest';
import { iamManagedPolicyProvider } from '../../../../../src/lib/engines/cloudformation/providers/iam-managed-policy';
import { iamPolicyProvider } from '../../../../../src/lib/engines/cloudformation/providers/iam-policy';
import { iamRoleProvider } from '../../../../../src/lib/engines/cloudformation/providers/iam-role';
import { iamUserProvider } from '../../../../../src/lib/engines/cloudformation/providers/iam-user';
import { rootCaller, type Caller } from '../../../../../src/lib/engines/world-constants';
import { ACCOUNT, NOW, REGION, harness, providerError, trustPolicy } from './helpers';
import { caught } from '../../world/helpers';

const ECR_CREATE = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:CreateRepository', Resource: '*' }] };
const ECR_DESCRIBE = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:DescribeRepositories', Resource: '*' }] };
const READ_ONLY = 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly';
const session = (role: string): Caller => ({ arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/lab`, accountId: ACCOUNT });

describe('AWS::IAM::Role', () => {
	const provider = iamRoleProvider;
	const template = {
		RoleName: 'builder',
		Path: '/ci/',
		AssumeRolePolicyDocument: trustPolicy('codebuild.amazonaws.com'),
		Description: 'Builds images',
		Policies: [{ PolicyName: 'create-repos', PolicyDocument: ECR_CREATE }],
		ManagedPolicyArns: [READ_ONLY]
	};

	it('creates the role with its trust policy, inline and managed policies; Ref is the name, Arn includes the path', () => {
		const h = harness();
		const ctx = h.ctx('BuildRole');
		const out = provider.create(ctx, template);
		expect(out.physicalId).toBe('builder');
		expect(out.attributes.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/ci/builder`);
		expect(out.attributes.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
		const iam = h.world.iam(rootCaller());
		expect(JSON.parse(decodeURIComponent(iam.call('GetRole', { RoleName: 'builder' }).Role?.AssumeRolePolicyDocument ?? ''))).toEqual(trustPolicy('codebuild.amazonaws.com'));
		expect(iam.call('ListRolePolicies', { RoleName: 'builder' }).PolicyNames).toEqual(['create-repos']);
		expect(iam.call('ListAttachedRolePolicies', { RoleName: 'builder' }).AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([READ_ONLY]);
		// The permissions are real: a session of the role may create repositories.
		expect(h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'app' }).repository?.repositoryName).toBe('app');
	});

	it('generates <stack>-<logical>-<random> within 64 characters', () => {
		const h = harness();
		const out = provider.create(h.ctx('LambdaExecutionRoleForTheImageScanningNotificationsFunction', { stackName: 'ecr-scanning-notifications-stack' }), { AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') });
		expect(out.physicalId).toHaveLength(64);
		expect(out.physicalId).toMatch(/^ecr-scanning-notification-LambdaExecutionRoleForThe-[A-Za-z0-9]{12}$/);
	});

	it('updates inline and managed policies, the trust policy, description, session duration and tags in place', () => {
		const h = harness();
		const ctx = h.ctx('BuildRole');
		provider.create(ctx, { ...template, Tags: [{ Key: 'team', Value: 'ci' }] });
		const next = {
			...template,
			AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com'),
			Description: 'Builds and ships images',
			MaxSessionDuration: 7200,
			Tags: [{ Key: 'owner', Value: 'lab' }],
			Policies: [{ PolicyName: 'describe', PolicyDocument: ECR_DESCRIBE }],
			ManagedPolicyArns: []
		};
		provider.update(ctx, 'builder', { ...template, Tags: [{ Key: 'team', Value: 'ci' }] }, next);
		const iam = h.world.iam(rootCaller());
		expect(iam.call('ListRolePolicies', { RoleName: 'builder' }).PolicyNames).toEqual(['describe']);
		expect(iam.call('ListAttachedRolePolicies', { RoleName: 'builder' }).AttachedPolicies).toEqual([]);
		expect(() => h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'x' })).toThrow(/not authorized/);
		// The role itself changed in IAM (UpdateAssumeRolePolicy, UpdateRole, TagRole / UntagRole).
		const role = iam.call('GetRole', { RoleName: 'builder' }).Role;
		expect(JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument ?? ''))).toEqual(trustPolicy('lambda.amazonaws.com'));
		expect(role).toMatchObject({ Description: 'Builds and ships images', MaxSessionDuration: 7200, Tags: [{ Key: 'owner', Value: 'lab' }] });
		expect(provider.read?.(ctx, 'builder', next)).toEqual({
			RoleName: 'builder',
			Path: '/ci/',
			AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com'),
			Description: 'Builds and ships images',
			MaxSessionDuration: 7200,
			Tags: [{ Key: 'owner', Value: 'lab' }],
			Policies: [{ PolicyName: 'describe', PolicyDocument: ECR_DESCRIBE }]
		});
		// Nothing of the role lives outside IAM.
		expect(h.globalState.resources).toEqual([]);
	});

	it('read() reports policies changed outside CloudFormation', () => {
		const h = harness();
		const ctx = h.ctx('BuildRole');
		provider.create(ctx, template);
		const iam = h.world.iam(rootCaller());
		iam.call('DetachRolePolicy', { RoleName: 'builder', PolicyArn: READ_ONLY });
		iam.call('PutRolePolicy', { RoleName: 'builder', PolicyName: 'create-repos', PolicyDocument: JSON.stringify(ECR_DESCRIBE) });
		const live = provider.read?.(ctx, 'builder', template);
		expect(live?.ManagedPolicyArns).toBeUndefined();
		expect(live?.Policies).toEqual([{ PolicyName: 'create-repos', PolicyDocument: ECR_DESCRIBE }]);
	});

	it("delete removes the template's policies, then the role; its name is free again", () => {
		const h = harness();
		const ctx = h.ctx('BuildRole');
		provider.create(ctx, template);
		provider.delete(ctx, 'builder', template);
		const iam = h.world.iam(rootCaller());
		expect(caught(() => iam.call('GetRole', { RoleName: 'builder' })).message).toBe('The role with name builder cannot be found.');
		expect(() => h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'x' })).toThrow(/invalid/);
		expect(provider.read?.(ctx, 'builder', template)).toBeUndefined();
		expect(() => provider.delete(ctx, 'builder', template)).not.toThrow();
		expect(provider.create(ctx, template).physicalId).toBe('builder');
		expect(provider.read?.(ctx, 'builder', template)?.Policies).toEqual([{ PolicyName: 'create-repos', PolicyDocument: ECR_CREATE }]);
	});

	it('delete fails with IAM\'s DeleteConflict when a policy was attached outside the stack, and leaves the role', () => {
		const h = harness();
		const ctx = h.ctx('BuildRole');
		provider.create(ctx, template);
		const iam = h.world.iam(rootCaller());
		iam.call('AttachRolePolicy', { RoleName: 'builder', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser' });
		const e = providerError(() => provider.delete(ctx, 'builder', template));
		expect(e.handlerErrorCode).toBe('GeneralServiceException');
		expect(e.message).toMatch(/^Cannot delete entity, must detach all policies first\. \(Service: Iam, Status Code: 409, Request ID: [0-9a-f-]{36}\)$/);
		expect(iam.call('GetRole', { RoleName: 'builder' }).Role?.RoleName).toBe('builder');
		// An inline policy put by hand blocks it the same way once the attachment is gone.
		iam.call('DetachRolePolicy', { RoleName: 'builder', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser' });
		iam.call('PutRolePolicy', { RoleName: 'builder', PolicyName: 'by-hand', PolicyDocument: JSON.stringify(ECR_DESCRIBE) });
		expect(providerError(() => provider.delete(ctx, 'builder', template)).message).toMatch(/^Cannot delete entity, must delete policies first\. /);
	});

	it('keeps only the permissions boundary in a shadow record, and drops it with the role', () => {
		const h = harness();
		const ctx = h.ctx('BuildRole');
		const boundary = 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly';
		provider.create(ctx, { ...template, PermissionsBoundary: boundary });
		expect(h.globalState.resources.map((r) => [r.type, r.physicalId])).toEqual([['Simulator::Shadow::AWS::IAM::Role', `${ACCOUNT}/builder`]]);
		expect(provider.read?.(ctx, 'builder', template)?.PermissionsBoundary).toBe(boundary);
		provider.delete(ctx, 'builder', template);
		expect(h.globalState.resources).toEqual([]);
	});

	it('fails with AlreadyExists for a role CloudFormation did not create', () => {
		const h = harness();
		h.world.iam(rootCaller()).call('CreateRole', { RoleName: 'builder', AssumeRolePolicyDocument: JSON.stringify(trustPolicy('ec2.amazonaws.com')) });
		const e = providerError(() => provider.create(h.ctx('BuildRole'), template));
		expect(e.handlerErrorCode).toBe('AlreadyExists');
		expect(e.message).toBe("Resource of type 'AWS::IAM::Role' with identifier 'builder' already exists.");
	});

	it('reports AccessDenied, with IAM status 403, when the principal may not put an inline policy', () => {
		const h = harness();
		const iam = h.world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('PutUserPolicy', {
			UserName: 'dev',
			PolicyName: 'roles',
			PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:CreateRole', 'iam:GetRole', 'iam:AttachRolePolicy'], Resource: '*' }] })
		});
		const dev: Caller = { arn: `arn:aws:iam::${ACCOUNT}:user/dev`, accountId: ACCOUNT };
		const e = providerError(() => provider.create(h.ctx('BuildRole', { caller: dev }), template));
		expect(e.handlerErrorCode).toBe('AccessDenied');
		expect(e.physicalId).toBe('builder');
		expect(e.message).toMatch(/^User: arn:aws:iam::123456789012:user\/dev is not authorized to perform: iam:PutRolePolicy .*\(Service: Iam, Status Code: 403, Request ID: [0-9a-f-]{36}\)$/);
	});

	it('rejects a malformed trust policy as InvalidRequest', () => {
		const h = harness();
		const e = providerError(() => provider.create(h.ctx('BuildRole'), { AssumeRolePolicyDocument: { Statement: 'nope' } }));
		expect(e.handlerErrorCode).toBe('InvalidRequest');
	});
});

describe('AWS::IAM::User', () => {
	it('creates a user with policies; Ref is the name, Arn includes the path', () => {
		const h = harness();
		const ctx = h.ctx('Deployer');
		const props = { UserName: 'deployer', Path: '/ops/', Policies: [{ PolicyName: 'create', PolicyDocument: ECR_CREATE }], ManagedPolicyArns: [READ_ONLY] };
		const out = iamUserProvider.create(ctx, props);
		expect(out).toEqual({ physicalId: 'deployer', attributes: { Arn: `arn:aws:iam::${ACCOUNT}:user/ops/deployer` } });
		expect(iamUserProvider.read?.(ctx, 'deployer', {})).toEqual({ UserName: 'deployer', Path: '/ops/', Policies: [{ PolicyName: 'create', PolicyDocument: ECR_CREATE }], ManagedPolicyArns: [READ_ONLY] });
		iamUserProvider.delete(ctx, 'deployer', props);
		expect(iamUserProvider.read?.(ctx, 'deployer', {})).toBeUndefined();
		expect(caught(() => h.world.iam(rootCaller()).call('GetUser', { UserName: 'deployer' })).code).toBe('NoSuchEntity');
	});

	it('joins its Groups, moves between them on update, and leaves them before DeleteUser', () => {
		const h = harness();
		const iam = h.world.iam(rootCaller());
		const e = providerError(() => iamUserProvider.create(h.ctx('Other'), { UserName: 'other', Groups: ['admins'] }));
		expect(e.handlerErrorCode).toBe('NotFound');
		expect(e.message).toContain('The group with name admins cannot be found.');
		expect(e.physicalId).toBe('other');
		// Rollback deletes the user the failed create made (leaving a group that does not exist is fine).
		iamUserProvider.delete(h.ctx('Other'), 'other', { UserName: 'other', Groups: ['admins'] });
		iam.call('CreateGroup', { GroupName: 'admins' });
		iam.call('CreateGroup', { GroupName: 'pushers' });
		iam.call('AttachGroupPolicy', { GroupName: 'pushers', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser' });
		const ctx = h.ctx('Deployer');
		iamUserProvider.create(ctx, { UserName: 'deployer', Groups: ['admins'] });
		expect(iam.call('GetGroup', { GroupName: 'admins' }).Users?.map((u) => u.UserName)).toEqual(['deployer']);
		iamUserProvider.update(ctx, 'deployer', { UserName: 'deployer', Groups: ['admins'] }, { UserName: 'deployer', Groups: ['pushers'] });
		expect(iam.call('ListGroupsForUser', { UserName: 'deployer' }).Groups?.map((g) => g.GroupName)).toEqual(['pushers']);
		// The group's policy is the user's now.
		const deployer: Caller = { arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, accountId: ACCOUNT };
		expect(h.world.ecr(deployer, REGION).call('DescribeRepositories', {}).repositories).toEqual([]);
		expect(iamUserProvider.read?.(ctx, 'deployer', { Groups: ['pushers'] })).toEqual({ UserName: 'deployer', Path: '/', Groups: ['pushers'] });
		iamUserProvider.delete(ctx, 'deployer', { UserName: 'deployer', Groups: ['pushers'] });
		expect(iam.call('GetGroup', { GroupName: 'pushers' }).Users).toEqual([]);
		expect(iam.call('ListUsers', {}).Users).toEqual([]);
	});
});

describe('AWS::IAM::Policy', () => {
	it('embeds the policy in each role and user; Ref is a generated 24-character id, not the policy name', () => {
		const h = harness();
		const iam = h.world.iam(rootCaller());
		iamRoleProvider.create(h.ctx('Role'), { RoleName: 'builder', AssumeRolePolicyDocument: trustPolicy('codebuild.amazonaws.com') });
		iam.call('CreateUser', { UserName: 'dev' });
		const ctx = h.ctx('ParameterStorePolicy', { stackName: 'dotbare-cicd' });
		const out = iamPolicyProvider.create(ctx, { PolicyName: 'ecr-create', PolicyDocument: ECR_CREATE, Roles: ['builder'], Users: ['dev'] });
		expect(out.physicalId).toMatch(/^dotba-Para-[A-Z0-9]{13}$/);
		expect(out.attributes).toEqual({ Id: out.physicalId });
		expect(iam.call('GetRolePolicy', { RoleName: 'builder', PolicyName: 'ecr-create' }).PolicyName).toBe('ecr-create');
		expect(iam.call('GetUserPolicy', { UserName: 'dev', PolicyName: 'ecr-create' }).PolicyName).toBe('ecr-create');
		// The role's own drift view leaves out the policy this separate resource manages.
		expect(iamRoleProvider.read?.(h.ctx('Role'), 'builder', {})?.Policies).toBeUndefined();

		iamPolicyProvider.update(ctx, out.physicalId, {}, { PolicyName: 'ecr-create', PolicyDocument: ECR_DESCRIBE, Roles: ['builder'] });
		expect(iam.call('ListUserPolicies', { UserName: 'dev' }).PolicyNames).toEqual([]);
		expect(JSON.parse(decodeURIComponent(iam.call('GetRolePolicy', { RoleName: 'builder', PolicyName: 'ecr-create' }).PolicyDocument ?? ''))).toEqual(ECR_DESCRIBE);

		iamPolicyProvider.delete(ctx, out.physicalId, {});
		expect(iam.call('ListRolePolicies', { RoleName: 'builder' }).PolicyNames).toEqual([]);
		expect(iamPolicyProvider.read).toBeUndefined();
	});

	it('fails for a role that does not exist', () => {
		const h = harness();
		const e = providerError(() => iamPolicyProvider.create(h.ctx('P'), { PolicyName: 'p', PolicyDocument: ECR_CREATE, Roles: ['ghost'] }));
		expect(e.handlerErrorCode).toBe('NotFound');
		expect(e.message).toContain('The role with name ghost cannot be found.');
	});

	it('embeds the policy in a group, whose members get it', () => {
		const h = harness();
		const iam = h.world.iam(rootCaller());
		iam.call('CreateGroup', { GroupName: 'builders' });
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('AddUserToGroup', { GroupName: 'builders', UserName: 'dev' });
		const ctx = h.ctx('GroupPolicy');
		const props = { PolicyName: 'ecr-create', PolicyDocument: ECR_CREATE, Groups: ['builders'] };
		const out = iamPolicyProvider.create(ctx, props);
		expect(iam.call('ListGroupPolicies', { GroupName: 'builders' }).PolicyNames).toEqual(['ecr-create']);
		const dev: Caller = { arn: `arn:aws:iam::${ACCOUNT}:user/dev`, accountId: ACCOUNT };
		expect(h.world.ecr(dev, REGION).call('CreateRepository', { repositoryName: 'app' }).repository?.repositoryName).toBe('app');
		iamPolicyProvider.delete(ctx, out.physicalId, props);
		expect(iam.call('ListGroupPolicies', { GroupName: 'builders' }).PolicyNames).toEqual([]);
		expect(h.globalState.resources).toEqual([]);
	});
});

describe('AWS::IAM::ManagedPolicy', () => {
	it('creates and attaches the policy; Ref is the ARN; an update is a new default version', () => {
		const h = harness();
		iamRoleProvider.create(h.ctx('Role'), { RoleName: 'builder', AssumeRolePolicyDocument: trustPolicy('codebuild.amazonaws.com') });
		const ctx = h.ctx('CreatePolicy');
		const first = { ManagedPolicyName: 'ecr-create', Path: '/lab/', PolicyDocument: ECR_CREATE, Roles: ['builder'] };
		const out = iamManagedPolicyProvider.create(ctx, first);
		expect(out.physicalId).toBe(`arn:aws:iam::${ACCOUNT}:policy/lab/ecr-create`);
		expect(out.attributes).toMatchObject({ PolicyArn: out.physicalId, AttachmentCount: 1, DefaultVersionId: 'v1', IsAttachable: true, PermissionsBoundaryUsageCount: 0, CreateDate: NOW, UpdateDate: NOW });
		expect(out.attributes.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
		expect(h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'app' })).toBeDefined();
		// The role's drift view leaves out attachments this separate resource manages.
		expect(iamRoleProvider.read?.(h.ctx('Role'), 'builder', {})?.ManagedPolicyArns).toBeUndefined();
		expect(iamManagedPolicyProvider.read?.(ctx, out.physicalId, {})).toEqual({ ManagedPolicyName: 'ecr-create', Path: '/lab/', PolicyDocument: ECR_CREATE, Roles: ['builder'] });

		h.world.advanceBy(60_000);
		const second = { ManagedPolicyName: 'ecr-create', Path: '/lab/', PolicyDocument: ECR_DESCRIBE, Roles: [] };
		const updated = iamManagedPolicyProvider.update(ctx, out.physicalId, first, second);
		expect(updated.attributes).toMatchObject({ DefaultVersionId: 'v2', AttachmentCount: 0, CreateDate: NOW, UpdateDate: '2026-11-23T10:01:00.000Z' });
		expect(() => h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'b' })).toThrow(/not authorized/);
		expect(iamManagedPolicyProvider.read?.(ctx, out.physicalId, {})).toEqual({ ManagedPolicyName: 'ecr-create', Path: '/lab/', PolicyDocument: ECR_DESCRIBE });
		// The new document is what IAM evaluates: the role gets it back with the attachment.
		iamManagedPolicyProvider.update(ctx, out.physicalId, second, { ...second, Roles: ['builder'] });
		expect(h.world.ecr(session('builder'), REGION).call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName)).toEqual(['app']);
		expect(() => h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'b' })).toThrow(/not authorized/);

		iamManagedPolicyProvider.delete(ctx, out.physicalId, { ...second, Roles: ['builder'] });
		expect(iamManagedPolicyProvider.read?.(ctx, out.physicalId, {})).toBeUndefined();
		expect(h.world.iam(rootCaller()).call('ListPolicies', { Scope: 'Local' }).Policies).toEqual([]);
		expect(h.globalState.resources).toEqual([]);
		expect(iamManagedPolicyProvider.create(ctx, first).physicalId).toBe(out.physicalId);
	});

	it('keeps within five versions by deleting the oldest non-default one, and deletes them all with the policy', () => {
		const h = harness();
		const ctx = h.ctx('PushPolicy');
		const doc = (n: number) => ({ Version: '2012-10-17', Statement: [{ Sid: `v${n}`, Effect: 'Allow', Action: 'ecr:DescribeRepositories', Resource: '*' }] });
		let previous: Record<string, unknown> = { ManagedPolicyName: 'push', PolicyDocument: doc(1) };
		const { physicalId } = iamManagedPolicyProvider.create(ctx, previous);
		for (let n = 2; n <= 7; n++) {
			const next = { ManagedPolicyName: 'push', PolicyDocument: doc(n) };
			iamManagedPolicyProvider.update(ctx, physicalId, previous, next);
			previous = next;
		}
		const iam = h.world.iam(rootCaller());
		expect(iam.call('ListPolicyVersions', { PolicyArn: physicalId }).Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
			['v7', true],
			['v6', false],
			['v5', false],
			['v4', false],
			['v3', false]
		]);
		iamManagedPolicyProvider.delete(ctx, physicalId, previous);
		expect(caught(() => iam.call('GetPolicy', { PolicyArn: physicalId })).message).toBe(`Policy ${physicalId} was not found.`);
	});

	it('delete fails while something outside the stack still has the policy attached', () => {
		const h = harness();
		const ctx = h.ctx('PushPolicy');
		const props = { ManagedPolicyName: 'push', PolicyDocument: ECR_CREATE };
		const { physicalId } = iamManagedPolicyProvider.create(ctx, props);
		const iam = h.world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('AttachUserPolicy', { UserName: 'dev', PolicyArn: physicalId });
		const e = providerError(() => iamManagedPolicyProvider.delete(ctx, physicalId, props));
		expect(e.handlerErrorCode).toBe('GeneralServiceException');
		expect(e.message).toMatch(/^Cannot delete a policy attached to entities\. \(Service: Iam, Status Code: 409, /);
		expect(iamManagedPolicyProvider.read?.(ctx, physicalId, {})).toEqual({ ManagedPolicyName: 'push', Path: '/', PolicyDocument: ECR_CREATE, Users: ['dev'] });
	});

	it('generates a name within 128 characters when ManagedPolicyName is absent', () => {
		const h = harness();
		const out = iamManagedPolicyProvider.create(h.ctx('PushPolicy'), { PolicyDocument: ECR_CREATE });
		expect(out.physicalId).toMatch(new RegExp(`^arn:aws:iam::${ACCOUNT}:policy/lab-stack-PushPolicy-[A-Za-z0-9]{12}$`));
	});
});
