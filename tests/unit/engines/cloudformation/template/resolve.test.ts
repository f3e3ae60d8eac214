import { describe, expect, it } from 'vitest';
import {
	base64,
	cidr,
	newObject,
	parseSub,
	resolveProperties,
	resolveValue,
	toTemplateValue,
	type ResolveContext,
	type TemplateValue
} from '../../../../../src/lib/engines/cloudformation/template';
import { errorOf, messageOf } from './helpers';

const mappings = toTemplateValue({
	RegionMap: { 'us-east-1': { Ami: 'ami-111', Azs: ['us-east-1a', 'us-east-1b'] }, 'eu-west-1': { Ami: 'ami-222' } }
}) as ReturnType<typeof newObject>;

const ctx = (over: Partial<ResolveContext> = {}): ResolveContext => ({
	accountId: '123456789012',
	region: 'us-east-1',
	stackName: 'web',
	stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/web/4f3a6b2c-0000-4000-8000-000000000001',
	notificationArns: ['arn:aws:sns:us-east-1:123456789012:ops'],
	parameters: { Env: 'prod', Subnets: ['subnet-1', 'subnet-2', 'subnet-3'], Count: '3' },
	conditions: { IsProd: true, IsDev: false },
	mappings,
	languageExtensions: true,
	declaredResources: new Set(['Bucket', 'Queue', 'Later']),
	resources: {
		Bucket: { physicalId: 'web-bucket-1a2b3c', attributes: { Arn: 'arn:aws:s3:::web-bucket-1a2b3c', DomainName: 'web-bucket-1a2b3c.s3.amazonaws.com' } },
		Queue: { physicalId: 'https://sqs.us-east-1.amazonaws.com/123456789012/web-queue', attributes: { Arn: 'arn:aws:sqs:us-east-1:123456789012:web-queue', Tags: ['a'] } }
	},
	exports: { 'shared-VpcId': 'vpc-0abc' },
	availabilityZones: { 'us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'], 'eu-west-1': ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] },
	...over
});

const r = (v: unknown, over?: Partial<ResolveContext>) => resolveValue(toTemplateValue(v) as TemplateValue, ctx(over));

describe('Ref and pseudo parameters', () => {
	it.each([
		[{ Ref: 'AWS::AccountId' }, '123456789012'],
		[{ Ref: 'AWS::Region' }, 'us-east-1'],
		[{ Ref: 'AWS::StackName' }, 'web'],
		[{ Ref: 'AWS::StackId' }, 'arn:aws:cloudformation:us-east-1:123456789012:stack/web/4f3a6b2c-0000-4000-8000-000000000001'],
		[{ Ref: 'AWS::Partition' }, 'aws'],
		[{ Ref: 'AWS::URLSuffix' }, 'amazonaws.com'],
		[{ Ref: 'AWS::NotificationARNs' }, ['arn:aws:sns:us-east-1:123456789012:ops']],
		[{ Ref: 'Env' }, 'prod'],
		[{ Ref: 'Subnets' }, ['subnet-1', 'subnet-2', 'subnet-3']],
		[{ Ref: 'Bucket' }, 'web-bucket-1a2b3c'],
		[{ Ref: 'Queue' }, 'https://sqs.us-east-1.amazonaws.com/123456789012/web-queue']
	])('%j', (v, expected) => expect(r(v)).toEqual(expected));

	it('partition and URL suffix follow the Region', () => {
		expect(r({ Ref: 'AWS::Partition' }, { region: 'cn-north-1' })).toBe('aws-cn');
		expect(r({ Ref: 'AWS::URLSuffix' }, { region: 'cn-north-1' })).toBe('amazonaws.com.cn');
		expect(r({ Ref: 'AWS::Partition' }, { region: 'us-gov-west-1' })).toBe('aws-us-gov');
	});

	it('a resource not created yet, and a name that is nothing', () => {
		expect(messageOf(() => r({ Ref: 'Later' }))).toBe('Template error: reference Later not ready');
		expect(messageOf(() => r({ Ref: 'Nothing' }))).toBe('Template format error: Unresolved resource dependencies [Nothing] in the Resources block of the template');
	});
});

describe('AWS::NoValue', () => {
	it('removes a property and a list item', () => {
		const props = resolveProperties(
			toTemplateValue({
				BucketName: { 'Fn::If': ['IsDev', 'dev-bucket', { Ref: 'AWS::NoValue' }] },
				Tags: [{ Key: 'a', Value: 'b' }, { 'Fn::If': ['IsProd', { Ref: 'AWS::NoValue' }, { Key: 'c', Value: 'd' }] }],
				Versioning: { Status: 'Enabled' }
			}) as never,
			ctx()
		);
		expect(JSON.parse(JSON.stringify(props))).toEqual({ Tags: [{ Key: 'a', Value: 'b' }], Versioning: { Status: 'Enabled' } });
	});
	it('is undefined at the top', () => expect(r({ Ref: 'AWS::NoValue' })).toBeUndefined());
	it('only the taken Fn::If branch is resolved', () => {
		expect(r({ 'Fn::If': ['IsProd', 'p', { Ref: 'DoesNotExist' }] })).toBe('p');
	});
});

describe('Fn::GetAtt', () => {
	it('both forms', () => {
		expect(r({ 'Fn::GetAtt': ['Bucket', 'Arn'] })).toBe('arn:aws:s3:::web-bucket-1a2b3c');
		expect(r({ 'Fn::GetAtt': 'Bucket.DomainName' })).toBe('web-bucket-1a2b3c.s3.amazonaws.com');
		expect(r({ 'Fn::GetAtt': ['Bucket', { Ref: 'Attr' }] }, { parameters: { Attr: 'Arn' } })).toBe('arn:aws:s3:::web-bucket-1a2b3c');
	});
	it('with a live reader', () => {
		expect(r({ 'Fn::GetAtt': ['Bucket', 'WebsiteURL'] }, { getAtt: (id, a) => (a === 'WebsiteURL' ? `http://${id}.example` : undefined) })).toBe('http://Bucket.example');
	});
	it('faults', () => {
		expect(messageOf(() => r({ 'Fn::GetAtt': ['Bucket', 'Nope'] }))).toBe('Template error: resource Bucket does not support attribute type Nope in Fn::GetAtt');
		expect(messageOf(() => r({ 'Fn::GetAtt': ['Ghost', 'Arn'] }))).toBe('Template error: instance of Fn::GetAtt references undefined resource Ghost');
	});
});

describe('Fn::Sub', () => {
	it.each([
		['${AWS::StackName}-${AWS::Region}', 'web-us-east-1'],
		['arn:${AWS::Partition}:s3:::${Bucket}/*', 'arn:aws:s3:::web-bucket-1a2b3c/*'],
		['${Bucket.Arn}', 'arn:aws:s3:::web-bucket-1a2b3c'],
		['${!Literal}', '${Literal}'],
		['${!Env}-${Env}', '${Env}-prod'],
		['$${Env}', '$prod'], // $$ is not an escape
		['cost: $5 and ${', 'cost: $5 and ${'], // a ${ at the end is text
		['${Env', '${Env'], // no closing brace: text
		['no variables', 'no variables'],
		['{${Env}}', '{prod}']
	])('%s', (text, expected) => expect(r({ 'Fn::Sub': text })).toBe(expected));

	it('the variable map, whose values may be functions, shadows other names', () => {
		expect(r({ 'Fn::Sub': ['${Env}/${Domain}/${Arn}', { Env: 'staging', Domain: { 'Fn::Join': ['.', ['example', 'com']] }, Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] } }] })).toBe(
			'staging/example.com/arn:aws:sqs:us-east-1:123456789012:web-queue'
		);
	});
	it('a list cannot be inserted', () => {
		expect(messageOf(() => r({ 'Fn::Sub': '${Subnets}' }))).toBe('Template error: variable Subnets in Fn::Sub expression does not resolve to a string');
	});
	it('cuts strings into parts', () => {
		expect(parseSub('a${B}c${!D}e${F.G}')).toEqual([{ literal: 'a' }, { variable: 'B' }, { literal: 'c${D}e' }, { variable: 'F.G' }]);
	});
});

describe('list and string functions', () => {
	it('Fn::Join', () => {
		expect(r({ 'Fn::Join': [',', ['a', { Ref: 'Env' }, 3, true]] })).toBe('a,prod,3,true');
		expect(r({ 'Fn::Join': ['', []] })).toBe('');
		expect(r({ 'Fn::Join': ['-', { Ref: 'Subnets' }] })).toBe('subnet-1-subnet-2-subnet-3');
		expect(r({ 'Fn::Join': [',', ['a', { Ref: 'AWS::NoValue' }, 'b']] })).toBe('a,b');
	});
	it('Fn::Select, including a numeric string index', () => {
		expect(r({ 'Fn::Select': [1, { Ref: 'Subnets' }] })).toBe('subnet-2');
		expect(r({ 'Fn::Select': ['0', { 'Fn::GetAZs': '' }] })).toBe('us-east-1a');
		expect(messageOf(() => r({ 'Fn::Select': [5, ['a']] }))).toBe('Template error: Fn::Select cannot select nonexistent value at index 5');
	});
	it('Fn::Split', () => {
		expect(r({ 'Fn::Split': ['|', 'a|b||c'] })).toEqual(['a', 'b', '', 'c']);
		expect(r({ 'Fn::Select': [2, { 'Fn::Split': [':', { 'Fn::GetAtt': ['Queue', 'Arn'] }] }] })).toBe('sqs');
	});
	it('Fn::GetAZs', () => {
		expect(r({ 'Fn::GetAZs': '' })).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d']);
		expect(r({ 'Fn::GetAZs': { Ref: 'AWS::Region' } })).toHaveLength(4);
		expect(r({ 'Fn::GetAZs': 'eu-west-1' })).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
	});
	it('Fn::Base64 of UTF-8', () => {
		expect(r({ 'Fn::Base64': 'hello' })).toBe('aGVsbG8=');
		expect(base64('#!/bin/bash\necho é')).toBe('IyEvYmluL2Jhc2gKZWNobyDDqQ==');
		expect(base64('')).toBe('');
		expect(base64('ab')).toBe('YWI=');
	});
	it('Fn::FindInMap, with the LanguageExtensions default', () => {
		expect(r({ 'Fn::FindInMap': ['RegionMap', { Ref: 'AWS::Region' }, 'Ami'] })).toBe('ami-111');
		expect(r({ 'Fn::FindInMap': ['RegionMap', 'us-east-1', 'Azs'] })).toEqual(['us-east-1a', 'us-east-1b']);
		expect(r({ 'Fn::FindInMap': ['RegionMap', 'ap-south-1', 'Ami', { DefaultValue: 'ami-000' }] })).toBe('ami-000');
		expect(messageOf(() => r({ 'Fn::FindInMap': ['RegionMap', 'ap-south-1', 'Ami'] }))).toBe('Template error: Unable to get mapping for RegionMap::ap-south-1::Ami');
		expect(messageOf(() => r({ 'Fn::FindInMap': ['Nope', 'a', 'b'] }))).toBe("Template error: Mapping named 'Nope' is not present in the 'Mappings' section of template");
	});
	it('Fn::ImportValue', () => {
		expect(r({ 'Fn::ImportValue': { 'Fn::Sub': 'shared-VpcId' } })).toBe('vpc-0abc');
		expect(messageOf(() => r({ 'Fn::ImportValue': 'missing' }))).toBe('No export named missing found.');
	});
	it('Fn::Length and Fn::ToJsonString (AWS::LanguageExtensions)', () => {
		expect(r({ 'Fn::Length': { Ref: 'Subnets' } })).toBe(3);
		expect(r({ 'Fn::Length': [1, { Ref: 'AWS::NoValue' }, 2] })).toBe(2);
		expect(r({ 'Fn::ToJsonString': { b: 'x', a: [1, { Ref: 'Env' }], c: { 'Fn::If': ['IsDev', 1, { Ref: 'AWS::NoValue' }] } } })).toBe('{"b":"x","a":[1,"prod"]}');
		expect(messageOf(() => r({ 'Fn::Length': [1] }, { languageExtensions: false }))).toMatch(/^Template Error: Encountered unsupported function: Fn::Length/);
	});
	it('condition functions give booleans; Equals compares text', () => {
		expect(r({ 'Fn::Equals': [{ Ref: 'Count' }, 3] })).toBe(true);
		expect(r({ 'Fn::And': [{ 'Fn::Equals': ['a', 'a'] }, { 'Fn::Not': [{ 'Fn::Equals': ['a', 'b'] }] }] })).toBe(true);
		expect(r({ 'Fn::Or': [{ 'Fn::Equals': ['a', 'b'] }, { 'Fn::Equals': [true, 'true'] }] })).toBe(true);
	});
});

describe('Fn::Cidr, exactly', () => {
	it('the AWS documentation examples', () => {
		// Fn::Cidr page: !Cidr [ "192.168.0.0/24", 6, 5 ]
		expect(cidr('192.168.0.0/24', 6, 5)).toEqual(['192.168.0.0/27', '192.168.0.32/27', '192.168.0.64/27', '192.168.0.96/27', '192.168.0.128/27', '192.168.0.160/27']);
		// VPC 10.0.0.0/16 split into /24s (cidrBits 8).
		expect(cidr('10.0.0.0/16', 3, 8)).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
		// IPv6: a /56 VPC block, /64 subnets (cidrBits 64).
		expect(cidr('2600:1f16:a3e:1100::/56', 3, 64)).toEqual(['2600:1f16:a3e:1100::/64', '2600:1f16:a3e:1101::/64', '2600:1f16:a3e:1102::/64']);
	});
	it('more cases', () => {
		expect(cidr('10.0.0.0/8', 2, 16)).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
		expect(cidr('10.0.0.77/24', 2, 7)).toEqual(['10.0.0.0/25', '10.0.0.128/25']); // host bits are masked off
		expect(cidr('172.16.0.0/12', 256, 12)[255]).toBe('172.31.240.0/20');
		expect(cidr('2001:db8::/32', 2, 80)).toEqual(['2001:db8::/48', '2001:db8:1::/48']);
		expect(cidr('::/0', 1, 64)).toEqual(['::/64']);
		expect(cidr('2001:db8:0:0:1::/80', 1, 48)).toEqual(['2001:db8:0:0:1::/80']); // RFC 5952: the longest zero run becomes ::
		expect(r({ 'Fn::Cidr': ['10.0.0.0/16', '2', '8'] })).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
		expect(r({ 'Fn::Select': [1, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 4, 8] }] }, { resources: { Vpc: { physicalId: 'vpc-1', attributes: { CidrBlock: '10.8.0.0/16' } } } })).toBe('10.8.1.0/24');
	});
	it('refuses what cannot be carved', () => {
		expect(errorOf(() => cidr('10.0.0.0/24', 3, 7)).message).toBe('Template error: Fn::Cidr cannot make 3 subnets with 7 host bits from 10.0.0.0/24');
		expect(errorOf(() => cidr('10.0.0.0/24', 1, 9)).message).toBe('Template error: Fn::Cidr cannot make 1 subnets with 9 host bits from 10.0.0.0/24');
		expect(errorOf(() => cidr('10.0.0.0/16', 257, 8)).code).toBe('ValidationError');
		expect(errorOf(() => cidr('10.0.0.300/16', 1, 8)).code).toBe('ValidationError');
		expect(errorOf(() => cidr('not-a-block', 1, 8)).code).toBe('ValidationError');
	});
});

describe('names that are Object.prototype members are only names', () => {
	it('Ref constructor / toString / __proto__ are unresolved, never prototype members', () => {
		for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
			expect(messageOf(() => r({ Ref: name }))).toBe(`Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`);
			expect(messageOf(() => r({ 'Fn::ImportValue': name }))).toBe(`No export named ${name} found.`);
		}
	});
});
