// A 500-resource template (the per-template quota) with the functions real templates use:
// Ref, Fn::GetAtt, Fn::Sub (both forms), Fn::Join, Fn::Select over Fn::Cidr and Fn::GetAZs,
// Fn::FindInMap, Fn::If with AWS::NoValue, Fn::Base64, conditions and DependsOn.
export function benchTemplate(RESOURCES = 500): Record<string, unknown> {
	const resources: Record<string, unknown> = {
		Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'VpcCidr' }, Tags: [{ Key: 'Name', Value: { 'Fn::Sub': '${AWS::StackName}-vpc' } }] } }
	};
	for (let i = 1; i < RESOURCES; i++) {
		const kind = i % 5;
		const previous = `R${Math.max(1, i - 1 - (i % 7))}`;
		if (kind === 0) {
			resources[`R${i}`] = {
				Type: 'AWS::EC2::Subnet',
				Properties: {
					VpcId: { Ref: 'Vpc' },
					CidrBlock: { 'Fn::Select': [i % 16, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 16, 8] }] },
					AvailabilityZone: { 'Fn::Select': [i % 3, { 'Fn::GetAZs': '' }] },
					Tags: [{ Key: 'Name', Value: { 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'subnet', String(i)]] } }]
				}
			};
		} else if (kind === 1) {
			resources[`R${i}`] = { Type: 'AWS::SNS::Topic', Condition: 'IsProd', Properties: { TopicName: { 'Fn::Sub': `\${AWS::StackName}-topic-${i}` }, DisplayName: { 'Fn::If': ['IsProd', 'prod', { Ref: 'AWS::NoValue' }] } } };
		} else if (kind === 2) {
			resources[`R${i}`] = {
				Type: 'AWS::SQS::Queue',
				DependsOn: i > 10 ? [`R${i - 5}`] : [],
				Properties: { QueueName: { 'Fn::Sub': `\${AWS::StackName}-q-${i}` }, VisibilityTimeout: { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Timeout'] } },
				DeletionPolicy: 'Retain'
			};
		} else if (kind === 3) {
			resources[`R${i}`] = {
				Type: 'AWS::EC2::SecurityGroup',
				Properties: {
					GroupDescription: { 'Fn::Sub': ['Group ${N} in ${Vpc}', { N: String(i) }] },
					VpcId: { Ref: 'Vpc' },
					SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } }]
				}
			};
		} else {
			resources[`R${i}`] = {
				Type: 'AWS::S3::Bucket',
				Properties: {
					BucketName: { 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, { Ref: 'AWS::AccountId' }, String(i)]] },
					Tags: [
						{ Key: 'DependsOn', Value: { 'Fn::Sub': `\${${previous}}` } },
						{ Key: 'Env', Value: { Ref: 'Env' } }
					]
				},
				Metadata: { Note: { 'Fn::Base64': 'x' } }
			};
		}
	}
	const template = {
		AWSTemplateFormatVersion: '2010-09-09',
		Description: 'Benchmark: 500 resources',
		Parameters: { Env: { Type: 'String', Default: 'prod', AllowedValues: ['dev', 'prod'] }, VpcCidr: { Type: 'String', Default: '10.0.0.0/16' } },
		Mappings: { Sizes: { dev: { Timeout: 30 }, prod: { Timeout: 60 } } },
		Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
		Resources: resources,
		Outputs: { VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-VpcId' } } } }
	};
	return template;
}
