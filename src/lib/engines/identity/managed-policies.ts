// The AWS managed policies for ECR that labs attach, as AWS publishes them (AWS Managed Policy
// Reference, checked 2026-11-23). FullAccess's service-linked-role statement and PullOnly's
// fourth action were not fully visible in the pages searched: they follow the policies as
// remembered and are listed as unconfirmed in the closing note.

export interface AwsManagedPolicy {
	policyName: string;
	description: string;
	document: string;
}

const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

const READ_ONLY_ACTIONS = [
	'ecr:GetAuthorizationToken',
	'ecr:BatchCheckLayerAvailability',
	'ecr:GetDownloadUrlForLayer',
	'ecr:GetRepositoryPolicy',
	'ecr:DescribeRepositories',
	'ecr:ListImages',
	'ecr:DescribeImages',
	'ecr:BatchGetImage',
	'ecr:GetLifecyclePolicy',
	'ecr:GetLifecyclePolicyPreview',
	'ecr:ListTagsForResource',
	'ecr:DescribeImageScanFindings'
];

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
	{
		policyName: 'AmazonEC2ContainerRegistryReadOnly',
		description: 'Provides read-only access to Amazon EC2 Container Registry repositories.',
		document: doc([{ Effect: 'Allow', Action: READ_ONLY_ACTIONS, Resource: '*' }])
	},
	{
		policyName: 'AmazonEC2ContainerRegistryPowerUser',
		description: 'Provides full access to Amazon EC2 Container Registry repositories, but does not allow repository deletion or policy changes.',
		document: doc([
			{
				Effect: 'Allow',
				Action: [...READ_ONLY_ACTIONS, 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage'],
				Resource: '*'
			}
		])
	},
	{
		policyName: 'AmazonEC2ContainerRegistryPullOnly',
		description: 'Provides access to pull images from Amazon EC2 Container Registry repositories.',
		document: doc([
			{
				Effect: 'Allow',
				Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchImportUpstreamImage'],
				Resource: '*'
			}
		])
	},
	{
		policyName: 'AmazonEC2ContainerRegistryFullAccess',
		description: 'Provides administrative access to Amazon ECR resources.',
		document: doc([
			{ Effect: 'Allow', Action: ['ecr:*', 'cloudtrail:LookupEvents'], Resource: '*' },
			{
				Effect: 'Allow',
				Action: ['iam:CreateServiceLinkedRole'],
				Resource: '*',
				Condition: { StringEquals: { 'iam:AWSServiceName': ['replication.ecr.amazonaws.com'] } }
			}
		])
	}
];

export const awsManagedPolicyArn = (name: string) => `arn:aws:iam::aws:policy/${name}`;

export const findAwsManagedPolicy = (arn: string): AwsManagedPolicy | undefined =>
	AWS_MANAGED_POLICIES.find((p) => awsManagedPolicyArn(p.policyName) === arn);
