import { describe, expect, it } from 'vitest';
import {
	ecrRegistryPolicyProvider,
	ecrRegistryScanningConfigurationProvider,
	ecrReplicationConfigurationProvider
} from '../../../../../src/lib/engines/cloudformation/providers/ecr-registry-settings';
import { SECOND_ACCOUNT, rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ACCOUNT, REGION, harness, providerError } from './helpers';

const REPLICATION = {
	ReplicationConfiguration: {
		Rules: [{ Destinations: [{ Region: 'eu-west-1', RegistryId: ACCOUNT }], RepositoryFilters: [{ Filter: 'prod', FilterType: 'PREFIX_MATCH' }] }]
	}
};
const REGISTRY_POLICY = {
	Version: '2012-10-17',
	Statement: [{ Sid: 'Replicate', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SECOND_ACCOUNT}:root` }, Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'], Resource: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/*` }]
};

describe('AWS::ECR::ReplicationConfiguration', () => {
	const provider = ecrReplicationConfigurationProvider;

	it('puts the registry replication rules; Ref is the registry id', () => {
		const h = harness();
		const ctx = h.ctx('Replication');
		expect(provider.create(ctx, REPLICATION)).toEqual({ physicalId: ACCOUNT, attributes: { RegistryId: ACCOUNT } });
		expect(ctx.ecr.call('DescribeRegistry', {}).replicationConfiguration?.rules).toEqual([
			{ destinations: [{ region: 'eu-west-1', registryId: ACCOUNT }], repositoryFilters: [{ filter: 'prod', filterType: 'PREFIX_MATCH' }] }
		]);
		expect(provider.read?.(ctx, ACCOUNT, REPLICATION)).toEqual(REPLICATION);
	});

	it('refuses to create over existing rules, as AWS handler does', () => {
		const h = harness();
		const ctx = h.ctx('Replication');
		provider.create(ctx, REPLICATION);
		const e = providerError(() => provider.create(h.ctx('Other'), REPLICATION));
		expect(e.handlerErrorCode).toBe('AlreadyExists');
		expect(e.message).toBe(`Resource of type 'AWS::ECR::ReplicationConfiguration' with identifier '${ACCOUNT}' already exists.`);
	});

	it('updates, reports out-of-band changes, and deletes by emptying the rules', () => {
		const h = harness();
		const ctx = h.ctx('Replication');
		provider.create(ctx, REPLICATION);
		const next = { ReplicationConfiguration: { Rules: [{ Destinations: [{ Region: 'us-west-2', RegistryId: ACCOUNT }] }] } };
		provider.update(ctx, ACCOUNT, REPLICATION, next);
		expect(provider.read?.(ctx, ACCOUNT, next)).toEqual(next);
		h.world.ecr(rootCaller(), REGION).call('PutReplicationConfiguration', { replicationConfiguration: { rules: [{ destinations: [{ region: 'eu-west-1', registryId: ACCOUNT }] }] } });
		expect(provider.read?.(ctx, ACCOUNT, next)).toEqual({ ReplicationConfiguration: { Rules: [{ Destinations: [{ Region: 'eu-west-1', RegistryId: ACCOUNT }] }] } });
		provider.delete(ctx, ACCOUNT, next);
		expect(ctx.ecr.call('DescribeRegistry', {}).replicationConfiguration?.rules).toEqual([]);
		expect(provider.read?.(ctx, ACCOUNT, next)).toBeUndefined();
	});

	it('maps ECR validation errors to InvalidRequest', () => {
		const h = harness();
		const e = providerError(() => provider.create(h.ctx('Replication'), { ReplicationConfiguration: { Rules: [{ Destinations: [{ Region: REGION, RegistryId: ACCOUNT }] }] } }));
		expect(e.handlerErrorCode).toBe('InvalidRequest');
		expect(e.message).toContain('a replication destination cannot be the source registry and Region');
	});
});

describe('AWS::ECR::RegistryPolicy', () => {
	const provider = ecrRegistryPolicyProvider;

	it('puts, updates, reads and deletes the registry policy; Ref is the registry id', () => {
		const h = harness();
		const ctx = h.ctx('RegistryPolicy');
		expect(provider.create(ctx, { PolicyText: REGISTRY_POLICY }).physicalId).toBe(ACCOUNT);
		expect(JSON.parse(ctx.ecr.call('GetRegistryPolicy', {}).policyText ?? '')).toEqual(REGISTRY_POLICY);
		expect(provider.read?.(ctx, ACCOUNT, { PolicyText: REGISTRY_POLICY })).toEqual({ RegistryId: ACCOUNT, PolicyText: REGISTRY_POLICY });
		const narrower = { ...REGISTRY_POLICY, Statement: [{ ...REGISTRY_POLICY.Statement[0], Action: ['ecr:ReplicateImage'] }] };
		provider.update(ctx, ACCOUNT, { PolicyText: REGISTRY_POLICY }, { PolicyText: narrower });
		expect(provider.read?.(ctx, ACCOUNT, { PolicyText: narrower })?.PolicyText).toEqual(narrower);
		provider.delete(ctx, ACCOUNT, {});
		expect(provider.read?.(ctx, ACCOUNT, {})).toBeUndefined();
		expect(() => provider.delete(ctx, ACCOUNT, {})).not.toThrow();
	});

	it('refuses to create over an existing policy and rejects actions ECR does not enforce at registry level', () => {
		const h = harness();
		const ctx = h.ctx('RegistryPolicy');
		provider.create(ctx, { PolicyText: REGISTRY_POLICY });
		expect(providerError(() => provider.create(ctx, { PolicyText: REGISTRY_POLICY })).handlerErrorCode).toBe('AlreadyExists');
		provider.delete(ctx, ACCOUNT, {});
		const bad = { ...REGISTRY_POLICY, Statement: [{ ...REGISTRY_POLICY.Statement[0], Action: ['ecr:PutImage'] }] };
		const e = providerError(() => provider.create(ctx, { PolicyText: bad }));
		expect(e.handlerErrorCode).toBe('InvalidRequest');
		expect(e.message).toContain("'Invalid registry policy provided'");
	});
});

describe('AWS::ECR::RegistryScanningConfiguration', () => {
	const provider = ecrRegistryScanningConfigurationProvider;
	const ENHANCED = { ScanType: 'ENHANCED', Rules: [{ ScanFrequency: 'CONTINUOUS_SCAN', RepositoryFilters: [{ Filter: 'prod*', FilterType: 'WILDCARD' }] }] };

	it('sets the registry scanning configuration and restores the default on delete', () => {
		const h = harness();
		const ctx = h.ctx('Scanning');
		expect(provider.create(ctx, ENHANCED).physicalId).toBe(ACCOUNT);
		expect(ctx.ecr.call('GetRegistryScanningConfiguration', {}).scanningConfiguration?.scanType).toBe('ENHANCED');
		expect(provider.read?.(ctx, ACCOUNT, ENHANCED)).toEqual({ RegistryId: ACCOUNT, ...ENHANCED });
		provider.delete(ctx, ACCOUNT, ENHANCED);
		expect(ctx.ecr.call('GetRegistryScanningConfiguration', {}).scanningConfiguration).toEqual({ scanType: 'BASIC', rules: [] });
	});

	it('maps ECR validation errors to InvalidRequest', () => {
		const h = harness();
		const e = providerError(() => provider.create(h.ctx('Scanning'), { ScanType: 'BASIC', Rules: [{ ScanFrequency: 'CONTINUOUS_SCAN', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] }] }));
		expect(e.handlerErrorCode).toBe('InvalidRequest');
	});
});
