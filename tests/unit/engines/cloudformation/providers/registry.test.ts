import { describe, expect, it } from 'vitest';
import { SIMULATED_RESOURCE_TYPES, providerFor, supportsDrift } from '../../../../../src/lib/engines/cloudformation/providers/registry';
import { getAttNames, getReturnValues, hasSchema } from '../../../../../src/lib/engines/cloudformation/resources';

describe('the provider registry', () => {
	it('lists the simulated types, each with a schema and return-value facts', () => {
		expect(SIMULATED_RESOURCE_TYPES).toHaveLength(23);
		for (const type of SIMULATED_RESOURCE_TYPES) {
			expect(hasSchema(type), type).toBe(true);
			expect(getReturnValues(type), type).toBeDefined();
			expect(providerFor(type)?.type).toBe(type);
		}
		expect(providerFor('AWS::RDS::DBInstance')).toBeUndefined();
	});

	it('declares realistic durations: seconds for most, minutes for ECS services and EKS clusters', () => {
		for (const type of SIMULATED_RESOURCE_TYPES) {
			const d = providerFor(type)?.durations;
			for (const ms of [d?.create, d?.update, d?.delete]) expect(ms, type).toBeGreaterThan(0);
		}
		expect(providerFor('AWS::ECR::Repository')?.durations.create).toBe(2000);
		expect(providerFor('AWS::EKS::Cluster')?.durations.create).toBe(600_000);
	});

	it('reads back for drift every type AWS checks, and not the ones it never checks', () => {
		expect(supportsDrift('AWS::ECR::Repository')).toBe(true);
		expect(supportsDrift('AWS::S3::Bucket')).toBe(true);
		expect(supportsDrift('AWS::IAM::Policy')).toBe(false);
		expect(supportsDrift('AWS::CloudFormation::WaitConditionHandle')).toBe(false);
	});

	it('every GetAtt attribute a provider can return is one the template may ask for', () => {
		// Attribute names per type, from the schemas (what Fn::GetAtt accepts).
		for (const type of SIMULATED_RESOURCE_TYPES) {
			const names = getAttNames(type) ?? [];
			const documented = Object.keys(getReturnValues(type)?.attributes ?? {});
			for (const name of documented) expect(names, `${type}.${name}`).toContain(name);
		}
	});
});

describe('determinism', () => {
	it('the same operations on two worlds give the same ids, names and stored state', async () => {
		const { harness } = await import('./helpers');
		const run = () => {
			const h = harness();
			const ids = [
				providerFor('AWS::ECR::Repository')?.create(h.ctx('Repo'), {}).physicalId,
				providerFor('AWS::EC2::VPC')?.create(h.ctx('Vpc'), { CidrBlock: '10.0.0.0/16' }).physicalId,
				providerFor('AWS::KMS::Key')?.create(h.ctx('Key'), {}).physicalId,
				providerFor('AWS::S3::Bucket')?.create(h.ctx('Bucket'), {}).physicalId,
				providerFor('AWS::IAM::Role')?.create(h.ctx('Role'), { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } }).attributes.RoleId
			];
			return { ids, state: JSON.stringify(h.state), global: JSON.stringify(h.globalState), world: JSON.stringify(h.world.snapshot()) };
		};
		expect(run()).toEqual(run());
	});
});
