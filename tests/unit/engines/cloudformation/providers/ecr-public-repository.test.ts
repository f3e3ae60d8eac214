import { describe, expect, it } from 'vitest';
import { ecrPublicRepositoryProvider as provider } from '../../../../../src/lib/engines/cloudformation/providers/ecr-public-repository';
import { ACCOUNT, harness, providerError } from './helpers';

const POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'Push', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: ['ecr-public:PutImage'] }] };

describe('AWS::ECR::PublicRepository', () => {
	it('creates a public repository; Ref is the name and Arn has no Region', () => {
		const h = harness();
		const ctx = h.ctx('PublicRepo');
		const out = provider.create(ctx, { RepositoryName: 'tools', RepositoryPolicyText: POLICY, RepositoryCatalogData: { AboutText: 'CLI tools' }, Tags: [{ Key: 'team', Value: 'dx' }] });
		expect(out).toEqual({ physicalId: 'tools', attributes: { Arn: `arn:aws:ecr-public::${ACCOUNT}:repository/tools` } });
		expect(ctx.ecrPublic.call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName)).toEqual(['tools']);
		expect(provider.read?.(ctx, 'tools', {})).toEqual({ RepositoryName: 'tools', RepositoryPolicyText: POLICY, RepositoryCatalogData: { AboutText: 'CLI tools' }, Tags: [{ Key: 'team', Value: 'dx' }] });
	});

	it('updates the policy and catalog data, and deletes', () => {
		const h = harness();
		const ctx = h.ctx('PublicRepo');
		provider.create(ctx, { RepositoryName: 'tools', RepositoryPolicyText: POLICY });
		provider.update(ctx, 'tools', {}, { RepositoryName: 'tools', RepositoryCatalogData: { UsageText: 'docker pull' } });
		expect(() => ctx.ecrPublic.call('GetRepositoryPolicy', { repositoryName: 'tools' })).toThrow(/does not exist/);
		expect(provider.read?.(ctx, 'tools', {})).toEqual({ RepositoryName: 'tools', RepositoryCatalogData: { UsageText: 'docker pull' } });
		provider.delete(ctx, 'tools', {});
		expect(provider.read?.(ctx, 'tools', {})).toBeUndefined();
	});

	it('reports a taken name as AlreadyExists', () => {
		const h = harness();
		provider.create(h.ctx('A'), { RepositoryName: 'tools' });
		expect(providerError(() => provider.create(h.ctx('B'), { RepositoryName: 'tools' })).message).toBe(
			"Resource of type 'AWS::ECR::PublicRepository' with identifier 'tools' already exists."
		);
	});
});
