// Whatever properties reach a provider, it answers with a resource or fails with a ProviderError
// (or an AwsError), never with anything else: random bags built from each type's real property
// names, mixed into a valid template so the deeper steps run too.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SIMULATED_RESOURCE_TYPES, providerFor } from '../../../../../src/lib/engines/cloudformation/providers/registry';
import { loadSchema } from '../../../../../src/lib/engines/cloudformation/resources';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ACCOUNT, REGION, harness, isAllowedFailure, trustPolicy, type Harness } from './helpers';

const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:DescribeRepositories', Resource: '*' }] };

/** A world with the things templates refer to: a role Lambda trusts, a user, a VPC with two subnets, a cluster. */
function prepared(): { h: Harness; refs: Record<string, string> } {
	const h = harness();
	const iam = h.world.iam(rootCaller());
	iam.call('CreateRole', { RoleName: 'fn', AssumeRolePolicyDocument: JSON.stringify(trustPolicy('lambda.amazonaws.com')) });
	iam.call('CreateUser', { UserName: 'dev' });
	const vpc = providerFor('AWS::EC2::VPC')?.create(h.ctx('Vpc'), { CidrBlock: '10.0.0.0/16' }).physicalId ?? '';
	const a = providerFor('AWS::EC2::Subnet')?.create(h.ctx('A'), { VpcId: vpc, CidrBlock: '10.0.0.0/24', AvailabilityZone: `${REGION}a` }).physicalId ?? '';
	const b = providerFor('AWS::EC2::Subnet')?.create(h.ctx('B'), { VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: `${REGION}b` }).physicalId ?? '';
	providerFor('AWS::ECS::Cluster')?.create(h.ctx('Cluster'), { ClusterName: 'web' });
	return { h, refs: { vpc, a, b } };
}

/** A valid template per type, so random changes start from something that gets far. */
function seed(type: string, refs: Record<string, string>): Record<string, unknown> {
	switch (type) {
		case 'AWS::ECR::Repository':
			return { RepositoryName: 'app', ImageTagMutability: 'MUTABLE', Tags: [{ Key: 'k', Value: 'v' }] };
		case 'AWS::ECR::ReplicationConfiguration':
			return { ReplicationConfiguration: { Rules: [{ Destinations: [{ Region: 'eu-west-1', RegistryId: ACCOUNT }] }] } };
		case 'AWS::ECR::RegistryPolicy':
			return { PolicyText: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'ecr:ReplicateImage', Resource: '*' }] } };
		case 'AWS::ECR::RegistryScanningConfiguration':
			return { ScanType: 'BASIC', Rules: [{ ScanFrequency: 'SCAN_ON_PUSH', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] }] };
		case 'AWS::ECR::PublicRepository':
			return { RepositoryName: 'tools' };
		case 'AWS::IAM::Role':
			return { AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com'), Policies: [{ PolicyName: 'p', PolicyDocument: POLICY }] };
		case 'AWS::IAM::User':
			return { UserName: 'u1', Policies: [{ PolicyName: 'p', PolicyDocument: POLICY }] };
		case 'AWS::IAM::Policy':
			return { PolicyName: 'p', PolicyDocument: POLICY, Roles: ['fn'], Users: ['dev'] };
		case 'AWS::IAM::ManagedPolicy':
			return { PolicyDocument: POLICY, Roles: ['fn'] };
		case 'AWS::EC2::VPC':
			return { CidrBlock: '10.1.0.0/16' };
		case 'AWS::EC2::Subnet':
			return { VpcId: refs.vpc, CidrBlock: '10.0.2.0/24' };
		case 'AWS::EC2::SecurityGroup':
			return { GroupDescription: 'sg', VpcId: refs.vpc };
		case 'AWS::ECS::Service':
			return { Cluster: 'web', DesiredCount: 1 };
		case 'AWS::ECS::TaskDefinition':
			return { Family: 'web', ContainerDefinitions: [{ Name: 'web', Image: 'nginx' }] };
		case 'AWS::Lambda::Function':
			return { Role: `arn:aws:iam::${ACCOUNT}:role/fn`, Runtime: 'nodejs22.x', Handler: 'index.handler', Code: { ZipFile: 'x' } };
		case 'AWS::EKS::Cluster':
			return { RoleArn: `arn:aws:iam::${ACCOUNT}:role/fn`, ResourcesVpcConfig: { SubnetIds: [refs.a, refs.b] } };
		default:
			return {};
	}
}

const value = fc.oneof(
	fc.jsonValue({ maxDepth: 3 }),
	fc.constantFrom('true', 'false', '30', '-1', 'app', 'MUTABLE', 'IMMUTABLE', 'KMS', 'AES256', '10.0.0.0/16', '/', '', 'x'.repeat(300), 'arn:aws:iam::123456789012:role/fn'),
	fc.array(fc.record({ Key: fc.string(), Value: fc.string() }), { maxLength: 3 })
);

describe('providers fail only with ProviderError or AwsError', async () => {
	const schemas = new Map(await Promise.all(SIMULATED_RESOURCE_TYPES.map(async (t) => [t, Object.keys((await loadSchema(t)).properties ?? {})] as const)));

	for (const type of SIMULATED_RESOURCE_TYPES) {
		it(type, () => {
			const provider = providerFor(type);
			if (!provider) throw new Error(type);
			const names = schemas.get(type) ?? [];
			const bag = fc.dictionary(fc.oneof(fc.constantFrom(...names, 'Unknown'), fc.string({ maxLength: 6 })), value, { maxKeys: 4 });
			const change = fc.record({ set: bag, drop: fc.subarray(names) });
			fc.assert(
				fc.property(change, change, fc.boolean(), (first, second, fromSeed) => {
					const { h, refs } = prepared();
					const base = fromSeed ? seed(type, refs) : {};
					const props1 = { ...Object.fromEntries(Object.entries(base).filter(([k]) => !first.drop.includes(k))), ...first.set };
					const props2 = { ...props1, ...second.set };
					const ctx = h.ctx('Fuzzed');
					const step = (fn: () => unknown): boolean => {
						try {
							fn();
							return true;
						} catch (e) {
							if (!isAllowedFailure(e)) throw e;
							return false;
						}
					};
					let id: string | undefined;
					if (!step(() => (id = provider.create(ctx, props1).physicalId)) || id === undefined) return;
					const physicalId = id;
					step(() => provider.update(ctx, physicalId, props1, props2));
					step(() => provider.read?.(ctx, physicalId, props2));
					step(() => provider.delete(ctx, physicalId, props2));
					step(() => provider.read?.(ctx, physicalId, props2));
				}),
				{ numRuns: 60 }
			);
			expect(true).toBe(true);
		});
	}
});
