import { describe, expect, it } from 'vitest';
import { messageOf, validate, yaml } from './helpers';

describe('ValidateTemplate response', () => {
	it('has AWS’s shape: Parameters, Description, no capabilities for plain resources', () => {
		const v = validate(
			yaml(
				'AWSTemplateFormatVersion: 2010-09-09',
				'Description: A bucket',
				'Parameters:',
				'  Env:',
				'    Type: String',
				'    Default: dev',
				'    AllowedValues: [dev, prod]',
				'    Description: Where',
				'  Size: {Type: Number, Default: 3}',
				'  Password: {Type: String, NoEcho: true}',
				'Resources:',
				'  Bucket: {Type: AWS::S3::Bucket}'
			)
		);
		expect(v.output).toEqual({
			Parameters: [
				{ ParameterKey: 'Env', DefaultValue: 'dev', NoEcho: false, Description: 'Where' },
				{ ParameterKey: 'Size', DefaultValue: '3', NoEcho: false },
				{ ParameterKey: 'Password', NoEcho: true }
			],
			Description: 'A bucket'
		});
		expect(v.model.formatVersion).toBe('2010-09-09');
	});

	it('Parameters is an empty list when there are none', () => {
		expect(validate(yaml('Resources:', '  B: {Type: AWS::S3::Bucket}')).output).toEqual({ Parameters: [] });
	});

	it('accepts every documented parameter type', () => {
		const types = [
			'String',
			'Number',
			'List<Number>',
			'CommaDelimitedList',
			'AWS::EC2::VPC::Id',
			'List<AWS::EC2::Subnet::Id>',
			'AWS::EC2::KeyPair::KeyName',
			'AWS::Route53::HostedZone::Id',
			'AWS::SSM::Parameter::Name',
			'AWS::SSM::Parameter::Value<String>',
			'AWS::SSM::Parameter::Value<List<String>>',
			'AWS::SSM::Parameter::Value<CommaDelimitedList>',
			'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
			'AWS::SSM::Parameter::Value<List<AWS::EC2::SecurityGroup::Id>>'
		];
		const text = yaml('Parameters:', ...types.map((t, i) => `  P${i}: {Type: "${t}"}`), 'Resources:', '  B: {Type: AWS::S3::Bucket}');
		expect(validate(text).model.parameters.map((p) => p.type)).toEqual(types);
		expect(messageOf(() => validate(text.replace('List<Number>', 'List<AWS::SSM::Parameter::Value<String>>')))).toBe(
			'Template format error: Unrecognized parameter type: List<AWS::SSM::Parameter::Value<String>>'
		);
	});
});

describe('capabilities', () => {
	const iam = (props: string) => yaml('Resources:', '  Role:', '    Type: AWS::IAM::Role', `    Properties: {${props}}`, '  Bucket: {Type: AWS::S3::Bucket}');
	it('CAPABILITY_IAM for IAM resources', () => {
		expect(validate(iam('Path: /')).output).toMatchObject({ Capabilities: ['CAPABILITY_IAM'], CapabilitiesReason: 'The following resource(s) require capabilities: [AWS::IAM::Role]' });
	});
	it('CAPABILITY_NAMED_IAM once one has a custom name', () => {
		expect(validate(iam('RoleName: deployer')).output).toMatchObject({ Capabilities: ['CAPABILITY_NAMED_IAM'], CapabilitiesReason: 'The following resource(s) require capabilities: [AWS::IAM::Role]' });
	});
	it('each type once, in template order, whatever its condition', () => {
		const text = yaml(
			'Conditions:',
			'  Never: !Equals [a, b]',
			'Resources:',
			'  P: {Type: AWS::IAM::Policy, Condition: Never}',
			'  R: {Type: AWS::IAM::Role}',
			'  R2: {Type: AWS::IAM::Role}'
		);
		expect(validate(text).output.CapabilitiesReason).toBe('The following resource(s) require capabilities: [AWS::IAM::Policy, AWS::IAM::Role]');
	});
	it('CAPABILITY_AUTO_EXPAND for a declared transform, listed in DeclaredTransforms', () => {
		const out = validate(yaml('Transform: AWS::LanguageExtensions', 'Resources:', '  Role: {Type: AWS::IAM::Role}')).output;
		expect(out.Capabilities).toEqual(['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND']);
		expect(out.DeclaredTransforms).toEqual(['AWS::LanguageExtensions']);
	});
});

describe('transforms', () => {
	it('names every transform it cannot run', () => {
		expect(messageOf(() => validate(yaml('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31, MyMacro]', 'Resources:', '  B: {Type: AWS::S3::Bucket}')))).toContain(
			'Transform [AWS::Serverless-2016-10-31, MyMacro] is not supported by this simulator'
		);
		expect(messageOf(() => validate(yaml('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k}}')))).toContain(
			'Transform [AWS::Include] is not supported by this simulator'
		);
	});

	it('AWS::LanguageExtensions expands Fn::ForEach in Resources and Outputs', () => {
		const v = validate(
			yaml(
				'Transform: AWS::LanguageExtensions',
				'Resources:',
				'  Fn::ForEach::Topics:',
				'    - Name',
				'    - [Alpha, Beta]',
				'    - Topic${Name}:',
				'        Type: AWS::SNS::Topic',
				'        Properties:',
				'          TopicName: !Sub "${AWS::StackName}-${Name}"',
				'          DisplayName: !Ref Name',
				'Outputs:',
				'  Fn::ForEach::Out:',
				'    - Name',
				'    - [Alpha, Beta]',
				'    - Fn::ForEach::Attr:',
				'        - Attribute',
				'        - [TopicArn, TopicName]',
				'        - Topic${Name}${Attribute}:',
				'            Value: !GetAtt [!Sub "Topic${Name}", !Ref Attribute]'
			)
		);
		expect(v.model.resources.map((r) => r.logicalId)).toEqual(['TopicAlpha', 'TopicBeta']);
		expect(JSON.parse(JSON.stringify(v.model.resources[1]?.properties))).toEqual({ TopicName: { 'Fn::Sub': '${AWS::StackName}-Beta' }, DisplayName: 'Beta' });
		expect(v.model.outputs.map((o) => o.key)).toEqual(['TopicAlphaTopicArn', 'TopicAlphaTopicName', 'TopicBetaTopicArn', 'TopicBetaTopicName']);
		expect(JSON.parse(JSON.stringify(v.model.outputs[0]?.value))).toEqual({ 'Fn::GetAtt': [{ 'Fn::Sub': 'TopicAlpha' }, 'TopicArn'] });
	});

	it('a loop over a parameter uses its Default for ValidateTemplate, and waits for a value otherwise', () => {
		const template = (def: string) =>
			yaml('Transform: AWS::LanguageExtensions', 'Parameters:', `  Names: {Type: CommaDelimitedList${def}}`, 'Resources:', '  Fn::ForEach::Q:', '    - N', '    - !Ref Names', '    - Queue${N}: {Type: AWS::SQS::Queue}', '  Bucket: {Type: AWS::S3::Bucket}');
		expect(validate(template(', Default: "a, b"')).model.resources.map((r) => r.logicalId)).toEqual(['Queuea', 'Queueb', 'Bucket']);
		const deferred = validate(template(''));
		expect(deferred.model.deferredLoops).toBe(true);
		expect(deferred.model.resources.map((r) => r.logicalId)).toEqual(['Bucket']);
		expect(validate(template(''), { parameterValues: { Names: ['x'] } }).model.resources.map((r) => r.logicalId)).toEqual(['Queuex', 'Bucket']);
	});

	it('Fn::ForEach without the transform is a malformed resource, as AWS measures it', () => {
		expect(messageOf(() => validate(yaml('Resources:', '  Fn::ForEach::Q:', '    - N', '    - [a]', '    - Queue${N}: {Type: AWS::SQS::Queue}')))).toBe(
			'Template format error: [/Resources/Fn::ForEach::Q] resource definition is malformed'
		);
	});

	it('DeletionPolicy may be a function only with the transform', () => {
		const text = (transform: string) =>
			yaml(transform, 'Parameters:', '  Policy: {Type: String, Default: Retain}', 'Resources:', '  B: {Type: AWS::S3::Bucket, DeletionPolicy: !Ref Policy}');
		expect(() => validate(text('Transform: AWS::LanguageExtensions'))).not.toThrow();
		expect(messageOf(() => validate(text('')))).toBe('Template format error: DeletionPolicy for resource B must be a string. Intrinsic functions need the AWS::LanguageExtensions transform.');
	});
});

describe('what ValidateTemplate does not check', () => {
	it('parameter Defaults against their own constraints (checked at stack creation)', () => {
		expect(() => validate(yaml('Parameters:', '  Env: {Type: String, Default: qa, AllowedValues: [dev, prod]}', 'Resources:', '  B: {Type: AWS::S3::Bucket}'))).not.toThrow();
	});
	it('property names and values (the resource provider checks them at creation)', () => {
		expect(() => validate(yaml('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties: {NotAProperty: [1, 2], BucketName: {a: b}}'))).not.toThrow();
	});
});
