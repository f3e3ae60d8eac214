import { expect } from 'vitest';
import { AwsError } from '../../../../../src/lib/engines/errors';
import { ValidationError } from '../../../../../src/lib/engines/cloudformation/errors';
import { validateTemplate, type ResourceCatalog, type ValidateOptions } from '../../../../../src/lib/engines/cloudformation/template';

/** A small stand-in for the real type list: a few types and their GetAtt attributes. */
const ATTRIBUTES: Record<string, string[]> = {
	'AWS::S3::Bucket': ['Arn', 'DomainName', 'RegionalDomainName', 'WebsiteURL', 'DualStackDomainName'],
	'AWS::SNS::Topic': ['TopicArn', 'TopicName'],
	'AWS::SQS::Queue': ['Arn', 'QueueName', 'QueueUrl'],
	'AWS::ECR::Repository': ['Arn', 'RepositoryUri'],
	'AWS::IAM::Role': ['Arn', 'RoleId'],
	'AWS::IAM::User': ['Arn'],
	'AWS::IAM::Policy': ['Id'],
	'AWS::IAM::ManagedPolicy': ['PolicyArn'],
	'AWS::IAM::InstanceProfile': ['Arn'],
	'AWS::EC2::VPC': ['CidrBlock', 'Ipv6CidrBlocks', 'VpcId', 'DefaultSecurityGroup'],
	'AWS::EC2::Subnet': ['AvailabilityZone', 'SubnetId', 'VpcId'],
	'AWS::EC2::Instance': ['AvailabilityZone', 'PrivateIp', 'PublicIp', 'PublicDnsName'],
	'AWS::EC2::SecurityGroup': ['GroupId', 'VpcId'],
	'AWS::Lambda::Function': ['Arn'],
	'AWS::ECS::Cluster': ['Arn'],
	'AWS::Logs::LogGroup': ['Arn'],
	'AWS::CloudFormation::WaitConditionHandle': [],
	'AWS::CloudFormation::Stack': [],
	'AWS::RDS::DBInstance': ['Endpoint.Address', 'Endpoint.Port']
};

export const STUB_CATALOG: ResourceCatalog = {
	isKnownResourceType: (type) => Object.prototype.hasOwnProperty.call(ATTRIBUTES, type),
	isValidAttribute: (type, attribute) => (ATTRIBUTES[type] ?? []).includes(attribute),
	supportsSnapshot: (type) => type === 'AWS::RDS::DBInstance'
};

export const validate = (text: string, options?: ValidateOptions) => validateTemplate(text, STUB_CATALOG, options);

/** The ValidationError `fn` throws (fails the test if it throws nothing or something else). */
export function errorOf(fn: () => unknown): ValidationError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(AwsError);
		expect(e).toBeInstanceOf(ValidationError);
		return e as ValidationError;
	}
	throw new Error('expected a ValidationError, but nothing was thrown');
}

export const messageOf = (fn: () => unknown): string => errorOf(fn).message;

/** A YAML template from lines (keeps tests readable). */
export const yaml = (...lines: string[]) => lines.join('\n') + '\n';

/** A template with one resource and the given extra sections (objects, serialised as JSON). */
export function jsonTemplate(sections: Record<string, unknown>): string {
	return JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket' } }, ...sections }, null, 2);
}
