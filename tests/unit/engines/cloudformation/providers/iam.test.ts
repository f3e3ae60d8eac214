import { describe, expect, it } from 'vitest';
import { iamManagedPolicyProvider } from '../../../../../src/lib/engines/cloudformation/providers/iam-managed-policy';
import { iamPolicyProvider } from '../../../../../src/lib/engines/cloudformation/providers/iam-policy';
import { iamRoleProvider } from '../../../../../src/lib/engines/cloudformation/providers/iam-role';
import { iamUserProvider } from '../../../../../src/lib/engines/cloudformation/providers/iam-user';
import { rootCaller, type Caller } from '../../../../../src/lib/engines/world-constants';
import { ACCOUNT, REGION, harness, providerError, trustPolicy } from './helpers';

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

	it('updates inline and managed policies in place, and keeps trust-policy changes for read()', () => {
		const h = harness();
		const ctx = h.ctx('BuildRole');
		provider.create(ctx, template);
		const next = { ...template, AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com'), Policies: [{ PolicyName: 'describe', PolicyDocument: ECR_DESCRIBE }], ManagedPolicyArns: [] };
		provider.update(ctx, 'builder', template, next);
		const iam = h.world.iam(rootCaller());
		expect(iam.call('ListRolePolicies', { RoleName: 'builder' }).PolicyNames).toEqual(['describe']);
		expect(iam.call('ListAttachedRolePolicies', { RoleName: 'builder' }).AttachedPolicies).toEqual([]);
		expect(() => h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'x' })).toThrow(/not authorized/);
		expect(provider.read?.(ctx, 'builder', next)).toEqual({
			RoleName: 'builder',
			Path: '/ci/',
			AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com'),
			Description: 'Builds images',
			MaxSessionDuration: 3600,
			Policies: [{ PolicyName: 'describe', PolicyDocument: ECR_DESCRIBE }]
		});
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

	it('delete strips every policy so the role grants nothing, and read() calls it gone', () => {
		const h = harness();
		const ctx = h.ctx('BuildRole');
		provider.create(ctx, template);
		provider.delete(ctx, 'builder', template);
		expect(h.world.iam(rootCaller()).call('ListRolePolicies', { RoleName: 'builder' }).PolicyNames).toEqual([]);
		expect(() => h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'x' })).toThrow(/not authorized/);
		expect(provider.read?.(ctx, 'builder', template)).toBeUndefined();
		expect(() => provider.delete(ctx, 'builder', template)).not.toThrow();
		// The same stack can be created again (a deleted role's name is free again).
		expect(provider.create(ctx, template).physicalId).toBe('builder');
		expect(provider.read?.(ctx, 'builder', template)?.Policies).toEqual([{ PolicyName: 'create-repos', PolicyDocument: ECR_CREATE }]);
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
	it('creates a user with policies; Ref is the name, Arn includes the path; groups do not exist in this world', () => {
		const h = harness();
		const ctx = h.ctx('Deployer');
		const out = iamUserProvider.create(ctx, { UserName: 'deployer', Path: '/ops/', Policies: [{ PolicyName: 'create', PolicyDocument: ECR_CREATE }], ManagedPolicyArns: [READ_ONLY] });
		expect(out).toEqual({ physicalId: 'deployer', attributes: { Arn: `arn:aws:iam::${ACCOUNT}:user/ops/deployer` } });
		expect(iamUserProvider.read?.(ctx, 'deployer', {})).toEqual({ UserName: 'deployer', Path: '/ops/', Policies: [{ PolicyName: 'create', PolicyDocument: ECR_CREATE }], ManagedPolicyArns: [READ_ONLY] });
		const e = providerError(() => iamUserProvider.create(h.ctx('Other'), { UserName: 'other', Groups: ['admins'] }));
		expect(e.handlerErrorCode).toBe('NotFound');
		expect(e.message).toContain('The group with name admins cannot be found.');
		iamUserProvider.delete(ctx, 'deployer', {});
		expect(iamUserProvider.read?.(ctx, 'deployer', {})).toBeUndefined();
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
});

describe('AWS::IAM::ManagedPolicy', () => {
	it('creates and attaches the policy; Ref is the ARN', () => {
		const h = harness();
		iamRoleProvider.create(h.ctx('Role'), { RoleName: 'builder', AssumeRolePolicyDocument: trustPolicy('codebuild.amazonaws.com') });
		const ctx = h.ctx('CreatePolicy');
		const out = iamManagedPolicyProvider.create(ctx, { ManagedPolicyName: 'ecr-create', Path: '/lab/', PolicyDocument: ECR_CREATE, Roles: ['builder'] });
		expect(out.physicalId).toBe(`arn:aws:iam::${ACCOUNT}:policy/lab/ecr-create`);
		expect(out.attributes).toMatchObject({ PolicyArn: out.physicalId, AttachmentCount: 1, DefaultVersionId: 'v1', IsAttachable: true, PermissionsBoundaryUsageCount: 0 });
		expect(out.attributes.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
		expect(h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'app' })).toBeDefined();
		// The role's drift view leaves out attachments this separate resource manages.
		expect(iamRoleProvider.read?.(h.ctx('Role'), 'builder', {})?.ManagedPolicyArns).toBeUndefined();
		expect(iamManagedPolicyProvider.read?.(ctx, out.physicalId, {})).toEqual({ ManagedPolicyName: 'ecr-create', Path: '/lab/', PolicyDocument: ECR_CREATE, Roles: ['builder'] });

		const updated = iamManagedPolicyProvider.update(ctx, out.physicalId, {}, { ManagedPolicyName: 'ecr-create', Path: '/lab/', PolicyDocument: ECR_DESCRIBE, Roles: [] });
		expect(updated.attributes).toMatchObject({ DefaultVersionId: 'v2', AttachmentCount: 0 });
		expect(() => h.world.ecr(session('builder'), REGION).call('CreateRepository', { repositoryName: 'b' })).toThrow(/not authorized/);
		expect(iamManagedPolicyProvider.read?.(ctx, out.physicalId, {})).toEqual({ ManagedPolicyName: 'ecr-create', Path: '/lab/', PolicyDocument: ECR_DESCRIBE });

		iamManagedPolicyProvider.delete(ctx, out.physicalId, {});
		expect(iamManagedPolicyProvider.read?.(ctx, out.physicalId, {})).toBeUndefined();
		expect(iamManagedPolicyProvider.create(ctx, { ManagedPolicyName: 'ecr-create', Path: '/lab/', PolicyDocument: ECR_CREATE }).physicalId).toBe(out.physicalId);
	});

	it('generates a name within 128 characters when ManagedPolicyName is absent', () => {
		const h = harness();
		const out = iamManagedPolicyProvider.create(h.ctx('PushPolicy'), { PolicyDocument: ECR_CREATE });
		expect(out.physicalId).toMatch(new RegExp(`^arn:aws:iam::${ACCOUNT}:policy/lab-stack-PushPolicy-[A-Za-z0-9]{12}$`));
	});
});
