import { describe, expect, it } from 'vitest';
import { ecrRepositoryProvider as provider } from '../../../../../src/lib/engines/cloudformation/providers/ecr-repository';
import { fakeImage, pushSteps, runSteps } from '../../../../../src/lib/engines/ecr/docker';
import type { EcrApi } from '../../../../../src/lib/engines/world';
import { rootCaller, type Caller } from '../../../../../src/lib/engines/world-constants';
import { ACCOUNT, REGION, harness, providerError } from './helpers';

const LIFECYCLE = JSON.stringify({
	rules: [{ rulePriority: 1, description: 'Expire untagged images older than 14 days', selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }, action: { type: 'expire' } }]
});
const LIFECYCLE_2 = LIFECYCLE.replace('14', '7').replace('14', '7');
const PULL_POLICY = {
	Version: '2012-10-17',
	Statement: [{ Sid: 'AllowPull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }]
};
const dev: Caller = { arn: `arn:aws:iam::${ACCOUNT}:user/dev`, accountId: ACCOUNT };

const describe1 = (ecr: EcrApi, name: string) => ecr.call('DescribeRepositories', { repositoryNames: [name] }).repositories?.[0];
const push = (ecr: EcrApi, name: string) => runSteps(pushSteps(fakeImage('alpine:3.20'), name, 'v1'), (s) => ecr.callByName(s.operation, s.input));

describe('AWS::ECR::Repository', () => {
	it('creates a repository that DescribeRepositories lists with the template settings', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		const out = provider.create(ctx, {
			RepositoryName: 'team/web-app',
			ImageTagMutability: 'IMMUTABLE',
			ImageScanningConfiguration: { ScanOnPush: 'true' },
			EncryptionConfiguration: { EncryptionType: 'KMS' },
			LifecyclePolicy: { LifecyclePolicyText: LIFECYCLE },
			RepositoryPolicyText: PULL_POLICY,
			Tags: [{ Key: 'team', Value: 'web' }]
		});
		expect(out.physicalId).toBe('team/web-app');
		expect(out.attributes).toEqual({
			Arn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/web-app`,
			RepositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/web-app`
		});
		const repo = describe1(ctx.ecr, 'team/web-app');
		expect(repo).toMatchObject({ imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true }, encryptionConfiguration: { encryptionType: 'KMS' } });
		expect(ctx.ecr.call('GetLifecyclePolicy', { repositoryName: 'team/web-app' }).lifecyclePolicyText).toBe(LIFECYCLE);
		expect(JSON.parse(ctx.ecr.call('GetRepositoryPolicy', { repositoryName: 'team/web-app' }).policyText ?? '')).toEqual(PULL_POLICY);
		expect(ctx.ecr.call('ListTagsForResource', { resourceArn: repo?.repositoryArn }).tags).toEqual([{ Key: 'team', Value: 'web' }]);
	});

	it('generates a lower-case <stack>-<logical>-<random> name when RepositoryName is absent', () => {
		const h = harness();
		const out = provider.create(h.ctx('WebRepository', { stackName: 'Shop-Stack' }), {});
		expect(out.physicalId).toMatch(/^shop-stack-webrepository-[a-z0-9]{12}$/);
		expect(describe1(h.world.ecr(rootCaller(), REGION), out.physicalId)?.repositoryName).toBe(out.physicalId);
	});

	it('sends exclusion filters with the mutability and reads them back in template names', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		const filters = [{ ImageTagMutabilityExclusionFilterType: 'WILDCARD', ImageTagMutabilityExclusionFilterValue: 'latest*' }];
		provider.create(ctx, { RepositoryName: 'app', ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', ImageTagMutabilityExclusionFilters: filters });
		expect(describe1(ctx.ecr, 'app')?.imageTagMutabilityExclusionFilters).toEqual([{ filterType: 'WILDCARD', filter: 'latest*' }]);
		expect(provider.read?.(ctx, 'app', {})).toMatchObject({ ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', ImageTagMutabilityExclusionFilters: filters });
	});

	it('fails with AWS AlreadyExists message when the name is taken', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		ctx.ecr.call('CreateRepository', { repositoryName: 'app' });
		const e = providerError(() => provider.create(ctx, { RepositoryName: 'app' }));
		expect(e.handlerErrorCode).toBe('AlreadyExists');
		expect(e.message).toBe("Resource of type 'AWS::ECR::Repository' with identifier 'app' already exists.");
	});

	it('names the repository it made when a later step of create fails, so rollback can delete it', () => {
		const h = harness();
		const e = providerError(() => provider.create(h.ctx('Repo'), { RepositoryName: 'app', LifecyclePolicy: { LifecyclePolicyText: '{"rules": "not a list"}' } }));
		expect(e.handlerErrorCode).toBe('GeneralServiceException');
		expect(e.physicalId).toBe('app');
		expect(e.message).toMatch(/\(Service: Ecr, Status Code: 400, Request ID: [0-9a-f-]{36}\)$/);
	});

	it('updates the mutable properties in place, visible through ECR', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		const v1 = { RepositoryName: 'app', ImageTagMutability: 'MUTABLE', LifecyclePolicy: { LifecyclePolicyText: LIFECYCLE }, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] };
		provider.create(ctx, v1);
		const v2 = {
			RepositoryName: 'app',
			ImageTagMutability: 'IMMUTABLE',
			ImageScanningConfiguration: { ScanOnPush: true },
			LifecyclePolicy: { LifecyclePolicyText: LIFECYCLE_2 },
			RepositoryPolicyText: JSON.stringify(PULL_POLICY),
			Tags: [{ Key: 'a', Value: 'one' }, { Key: 'c', Value: '3' }]
		};
		const out = provider.update(ctx, 'app', v1, v2);
		expect(out).toEqual({ physicalId: 'app', attributes: { Arn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/app`, RepositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/app` } });
		const repo = describe1(ctx.ecr, 'app');
		expect(repo?.imageTagMutability).toBe('IMMUTABLE');
		expect(repo?.imageScanningConfiguration?.scanOnPush).toBe(true);
		expect(ctx.ecr.call('GetLifecyclePolicy', { repositoryName: 'app' }).lifecyclePolicyText).toBe(LIFECYCLE_2);
		expect(ctx.ecr.call('GetRepositoryPolicy', { repositoryName: 'app' }).policyText).toBe(JSON.stringify(PULL_POLICY));
		expect(ctx.ecr.call('ListTagsForResource', { resourceArn: repo?.repositoryArn }).tags).toEqual([{ Key: 'a', Value: 'one' }, { Key: 'c', Value: '3' }]);

		// Removing the lifecycle policy and the repository policy from the template deletes them.
		provider.update(ctx, 'app', v2, { RepositoryName: 'app' });
		expect(() => ctx.ecr.call('GetLifecyclePolicy', { repositoryName: 'app' })).toThrow(/Lifecycle policy does not exist/);
		expect(() => ctx.ecr.call('GetRepositoryPolicy', { repositoryName: 'app' })).toThrow(/Repository policy does not exist/);
		// ... but, as AWS's handler does, leaves tag mutability as it was.
		expect(describe1(ctx.ecr, 'app')?.imageTagMutability).toBe('IMMUTABLE');
	});

	it('reports NotFound when updating a repository deleted outside CloudFormation', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		provider.create(ctx, { RepositoryName: 'app' });
		ctx.ecr.call('DeleteRepository', { repositoryName: 'app' });
		const e = providerError(() => provider.update(ctx, 'app', { RepositoryName: 'app' }, { RepositoryName: 'app', ImageTagMutability: 'IMMUTABLE' }));
		expect(e.handlerErrorCode).toBe('NotFound');
		expect(e.message).toContain("The repository with name 'app' does not exist in the registry with id '123456789012'");
	});

	it('refuses to delete a repository that holds images unless EmptyOnDelete is true', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		provider.create(ctx, { RepositoryName: 'app' });
		push(ctx.ecr, 'app');
		const e = providerError(() => provider.delete(ctx, 'app', { RepositoryName: 'app' }));
		expect(e.handlerErrorCode).toBe('GeneralServiceException');
		expect(e.message).toMatch(
			/^The repository with name 'app' in registry with id '123456789012' cannot be deleted because it still contains images \(Service: Ecr, Status Code: 400, Request ID: [0-9a-f-]{36}\)$/
		);
		expect(describe1(ctx.ecr, 'app')).toBeDefined();

		provider.delete(ctx, 'app', { RepositoryName: 'app', EmptyOnDelete: true });
		expect(() => describe1(ctx.ecr, 'app')).toThrow(/does not exist/);
	});

	it('deletes an empty repository, and deleting one already gone succeeds', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		provider.create(ctx, { RepositoryName: 'app' });
		provider.delete(ctx, 'app', {});
		expect(ctx.ecr.call('DescribeRepositories', {}).repositories).toEqual([]);
		expect(() => provider.delete(ctx, 'app', {})).not.toThrow();
	});

	it('read() reports the live settings and changes made through the ECR API', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		const template = { RepositoryName: 'app', ImageTagMutability: 'MUTABLE', LifecyclePolicy: { LifecyclePolicyText: LIFECYCLE }, RepositoryPolicyText: PULL_POLICY, Tags: [{ Key: 'team', Value: 'web' }] };
		provider.create(ctx, template);
		expect(provider.read?.(ctx, 'app', template)).toEqual({
			RepositoryName: 'app',
			ImageTagMutability: 'MUTABLE',
			ImageScanningConfiguration: { ScanOnPush: false },
			EncryptionConfiguration: { EncryptionType: 'AES256' },
			LifecyclePolicy: { LifecyclePolicyText: LIFECYCLE },
			RepositoryPolicyText: PULL_POLICY,
			Tags: [{ Key: 'team', Value: 'web' }]
		});

		const ecr = h.world.ecr(rootCaller(), REGION);
		ecr.call('PutImageTagMutability', { repositoryName: 'app', imageTagMutability: 'IMMUTABLE' });
		ecr.call('PutImageScanningConfiguration', { repositoryName: 'app', imageScanningConfiguration: { scanOnPush: true } });
		ecr.call('DeleteLifecyclePolicy', { repositoryName: 'app' });
		ecr.call('DeleteRepositoryPolicy', { repositoryName: 'app' });
		ecr.call('TagResource', { resourceArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/app`, tags: [{ Key: 'team', Value: 'data' }] });
		expect(provider.read?.(ctx, 'app', template)).toEqual({
			RepositoryName: 'app',
			ImageTagMutability: 'IMMUTABLE',
			ImageScanningConfiguration: { ScanOnPush: true },
			EncryptionConfiguration: { EncryptionType: 'AES256' },
			Tags: [{ Key: 'team', Value: 'data' }]
		});

		ecr.call('DeleteRepository', { repositoryName: 'app' });
		expect(provider.read?.(ctx, 'app', template)).toBeUndefined();
	});

	it('read() keeps a string policy a string and shows the KMS key only when the template names one', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		const key = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
		const template = { RepositoryName: 'app', RepositoryPolicyText: JSON.stringify(PULL_POLICY), EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: key } };
		provider.create(ctx, template);
		const live = provider.read?.(ctx, 'app', template);
		expect(live?.RepositoryPolicyText).toBe(JSON.stringify(PULL_POLICY));
		expect(live?.EncryptionConfiguration).toEqual({ EncryptionType: 'KMS', KmsKey: key });
	});

	it('fails as AWS does when the stack principal may not create repositories', () => {
		const h = harness();
		h.world.iam(rootCaller()).call('CreateUser', { UserName: 'dev' });
		const e = providerError(() => provider.create(h.ctx('Repo', { caller: dev }), { RepositoryName: 'app' }));
		// ECR denies with HTTP 400, which the handler plugin does not map: GeneralServiceException,
		// as in the real event `... is not authorized to perform: ecr:CreateRepository ... (Service:
		// Ecr, Status Code: 400, ...)" (..., HandlerErrorCode: GeneralServiceException)`.
		expect(e.handlerErrorCode).toBe('GeneralServiceException');
		expect(e.message).toMatch(
			new RegExp(
				`^User: ${dev.arn} is not authorized to perform: ecr:CreateRepository on resource: arn:aws:ecr:${REGION}:${ACCOUNT}:repository/app because no identity-based policy allows the ecr:CreateRepository action \\(Service: Ecr, Status Code: 400, Request ID: `
			)
		);
		expect(h.world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories).toEqual([]);
	});

	it('needs each permission the handler uses: a principal that may create but not tag fails on tags', () => {
		const h = harness();
		const iam = h.world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('PutUserPolicy', {
			UserName: 'dev',
			PolicyName: 'create-only',
			PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ecr:CreateRepository', 'ecr:DescribeRepositories', 'ecr:GetRepositoryPolicy', 'ecr:GetLifecyclePolicy', 'ecr:ListTagsForResource'], Resource: '*' }] })
		});
		const ctx = h.ctx('Repo', { caller: dev });
		provider.create(ctx, { RepositoryName: 'app' });
		const e = providerError(() => provider.update(ctx, 'app', { RepositoryName: 'app' }, { RepositoryName: 'app', Tags: [{ Key: 'a', Value: 'b' }] }));
		expect(e.message).toContain('ecr:TagResource');
		expect(provider.read?.(ctx, 'app', {})).toMatchObject({ RepositoryName: 'app' });
	});

	it('rejects property values of the wrong JSON type the way the handler wrapper does', () => {
		const h = harness();
		const e = providerError(() => provider.create(h.ctx('Repo'), { Tags: { Key: 'a' } }));
		expect(e.handlerErrorCode).toBe('InvalidRequest');
		expect(e.message).toBe('Model validation failed (#/Tags: expected type: JSONArray, found: JSONObject)');
	});
});
