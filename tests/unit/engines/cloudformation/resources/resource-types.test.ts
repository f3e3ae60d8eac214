import { describe, expect, it } from 'vitest';
import {
	RESOURCE_TYPE_COUNT,
	isCustomResourceType,
	isKnownResourceType,
	knownResourceTypes,
	similarResourceTypes,
	unrecognizedResourceTypesMessage,
	MODELLED_RESOURCE_TYPES
} from '$lib/engines/cloudformation/resources';

describe('resource type names', () => {
	it('knows the types the simulator models and a spread of others', () => {
		for (const t of MODELLED_RESOURCE_TYPES) expect(isKnownResourceType(t), t).toBe(true);
		for (const t of [
			'AWS::EC2::Instance',
			'AWS::DynamoDB::Table',
			'AWS::ElasticLoadBalancingV2::LoadBalancer',
			'AWS::ApiGateway::RestApi',
			'AWS::CloudFormation::Stack',
			'AWS::CloudFormation::Macro',
			'AWS::CloudFormation::CustomResource',
			'AWS::SSM::Parameter',
			'AWS::AutoScaling::AutoScalingGroup',
			'AWS::Route53::RecordSet',
			'AWS::CDK::Metadata',
			'Alexa::ASK::Skill',
			// registered in some regions only
			'AWS::DeviceFarm::Project'
		]) {
			expect(isKnownResourceType(t), t).toBe(true);
		}
	});

	it('has the whole list, sorted and without duplicates', () => {
		const all = knownResourceTypes();
		expect(all.length).toBe(RESOURCE_TYPE_COUNT);
		expect(all.length).toBeGreaterThan(1500);
		expect(new Set(all).size).toBe(all.length);
		expect([...all].sort()).toEqual(all);
		for (const t of all) expect(t).toMatch(/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
		expect(all.filter((t) => !t.startsWith('AWS::'))).toEqual(['Alexa::ASK::Skill']);
	});

	it('rejects names that do not exist, near misses and other letter case included', () => {
		for (const t of [
			'AWS::ECR::Repo',
			'AWS::ECR::Repositories',
			'AWS::S3::Bukket',
			'aws::ecr::repository',
			'AWS::ECR::repository',
			'AWS::Ecr::Repository',
			'AWS::ECR::Repository ',
			' AWS::ECR::Repository',
			'AWS::ECR:Repository',
			'AWS::ECR',
			'ECR::Repository',
			'AWS::Serverless::Function', // only with the SAM transform, which rewrites it first
			'Module',
			'AMZN::SDC::Deployment',
			'MyOrg::MyService::MyModule::MODULE', // modules exist only once registered in the account
			'',
			'Custom::',
			'Custom'
		]) {
			expect(isKnownResourceType(t), JSON.stringify(t)).toBe(false);
		}
		expect(isKnownResourceType(undefined)).toBe(false);
		expect(isKnownResourceType(42)).toBe(false);
		expect(isKnownResourceType({ Ref: 'T' })).toBe(false);
	});

	it('accepts custom resources by AWS naming rule', () => {
		expect(isKnownResourceType('Custom::MyThing')).toBe(true);
		expect(isKnownResourceType('Custom::S3-Emptier_v2@team')).toBe(true);
		expect(isCustomResourceType('AWS::CloudFormation::CustomResource')).toBe(true);
		const sixty = 'Custom::' + 'x'.repeat(52);
		expect(sixty.length).toBe(60);
		expect(isKnownResourceType(sixty)).toBe(true);
		expect(isKnownResourceType(sixty + 'x')).toBe(false);
		expect(isKnownResourceType('Custom::With Space')).toBe(false);
		expect(isKnownResourceType('Custom::A::B')).toBe(false);
		expect(isKnownResourceType('custom::Thing')).toBe(false);
	});

	it("suggests the intended type but keeps ValidateTemplate's message", () => {
		expect(similarResourceTypes('AWS::ECR::repository')).toEqual(['AWS::ECR::Repository']);
		expect(similarResourceTypes('AWS::S3::Bukket')).toContain('AWS::S3::Bucket');
		expect(similarResourceTypes('AWS::ECR::Repositry')).toContain('AWS::ECR::Repository');
		expect(unrecognizedResourceTypesMessage(['AWS::S3::Bukket'])).toBe(
			'Template format error: Unrecognized resource types: [AWS::S3::Bukket]'
		);
	});
});
