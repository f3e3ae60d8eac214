// What Ref and Fn::GetAtt return for each resource type the simulator models, and what the physical
// ID looks like. Hand-written from the "Return values" section of each type's page in the AWS
// CloudFormation Template Reference, as summarised in shared/cfn-facts.md §3, and from each registry
// schema (primaryIdentifier = what Ref returns; readOnlyProperties = GetAtt attributes). The attribute
// NAMES are checked against the generated schemas by a test; `confirmed` says where the rest comes from.
//
// Placeholders in formats: {partition} {region} {account} {urlSuffix} {name} {path} {stack} {logicalId} {random}.

export interface ReturnValues {
	/** What `Ref` returns. */
	ref: string;
	/** Format of the Ref value / physical ID. */
	refFormat: string;
	/** The property that names the resource, when there is one (CloudFormation generates a name when it is absent). */
	nameProperty?: string;
	/** Fn::GetAtt attribute -> what it returns (format where it has one). */
	attributes: Record<string, string>;
	/** Where these facts come from: 'docs' = AWS page via cfn-facts §3 or the docs corpus; 'schema' = inferred from the registry schema only. */
	confirmed: 'docs' | 'schema';
	notes?: string[];
}

const GENERATED_NAME = '{stack}-{logicalId}-{random} (CloudFormation-generated when the name property is absent)';

export const RETURN_VALUES: Readonly<Record<string, ReturnValues>> = {
	'AWS::ECR::Repository': {
		ref: 'repository name',
		refFormat: `{name}, e.g. team/web-app; lower-cased ${GENERATED_NAME}`,
		nameProperty: 'RepositoryName',
		attributes: {
			Arn: 'arn:{partition}:ecr:{region}:{account}:repository/{name}',
			RepositoryUri: '{account}.dkr.ecr.{region}.{urlSuffix}/{name}'
		},
		confirmed: 'docs'
	},
	'AWS::ECR::PublicRepository': {
		ref: 'repository name',
		refFormat: '{name}',
		nameProperty: 'RepositoryName',
		attributes: { Arn: 'arn:{partition}:ecr-public::{account}:repository/{name} (no region)' },
		confirmed: 'docs'
	},
	'AWS::ECR::ReplicationConfiguration': {
		ref: 'registry ID (the account ID)',
		refFormat: '{account}',
		attributes: { RegistryId: '{account}' },
		confirmed: 'schema',
		notes: ['The AWS page has no Ref section; the schema primaryIdentifier is RegistryId.']
	},
	'AWS::ECR::RegistryPolicy': {
		ref: 'registry ID (the account ID)',
		refFormat: '{account}',
		attributes: { RegistryId: '{account}' },
		confirmed: 'schema'
	},
	'AWS::ECR::RegistryScanningConfiguration': {
		ref: 'registry ID (the account ID)',
		refFormat: '{account}',
		attributes: { RegistryId: '{account}' },
		confirmed: 'schema'
	},
	'AWS::ECR::PullThroughCacheRule': {
		ref: 'ECR repository prefix',
		refFormat: 'the EcrRepositoryPrefix value',
		attributes: {},
		confirmed: 'schema',
		notes: ['No GetAtt attributes (no readOnlyProperties).']
	},
	'AWS::IAM::Role': {
		ref: 'role name',
		refFormat: `{name}; ${GENERATED_NAME}, at most 64 characters`,
		nameProperty: 'RoleName',
		attributes: {
			Arn: 'arn:{partition}:iam::{account}:role{path}{name} (path included, default /)',
			RoleId: 'unique ID starting AROA'
		},
		confirmed: 'docs'
	},
	'AWS::IAM::Policy': {
		ref: 'the physical ID CloudFormation gives the inline policy (not PolicyName)',
		refFormat: 'generated ID (format unverified)',
		attributes: { Id: 'same as Ref' },
		confirmed: 'schema',
		notes: ['An inline policy embedded in its roles, users and groups; PolicyName is not the physical ID.']
	},
	'AWS::IAM::ManagedPolicy': {
		ref: 'policy ARN',
		refFormat: 'arn:{partition}:iam::{account}:policy{path}{name}',
		nameProperty: 'ManagedPolicyName',
		attributes: {
			PolicyArn: 'same as Ref',
			AttachmentCount: 'number of principals the policy is attached to',
			CreateDate: 'ISO 8601 date-time',
			DefaultVersionId: 'v1, v2, ...',
			IsAttachable: 'true/false',
			PermissionsBoundaryUsageCount: 'number of principals using it as a permissions boundary',
			PolicyId: 'unique ID starting ANPA',
			UpdateDate: 'ISO 8601 date-time'
		},
		confirmed: 'schema'
	},
	'AWS::IAM::User': {
		ref: 'user name',
		refFormat: `{name}; ${GENERATED_NAME}`,
		nameProperty: 'UserName',
		attributes: { Arn: 'arn:{partition}:iam::{account}:user{path}{name}' },
		confirmed: 'schema'
	},
	'AWS::S3::Bucket': {
		ref: 'bucket name',
		refFormat: `{name}; lower-cased ${GENERATED_NAME}`,
		nameProperty: 'BucketName',
		attributes: {
			Arn: 'arn:{partition}:s3:::{name} (no region, no account)',
			DomainName: '{name}.s3.amazonaws.com',
			DualStackDomainName: '{name}.s3.dualstack.{region}.amazonaws.com',
			RegionalDomainName: '{name}.s3.{region}.amazonaws.com',
			WebsiteURL: 'http://{name}.s3-website.{region}.amazonaws.com (older Regions: s3-website-{region})',
			'MetadataTableConfiguration.S3TablesDestination.TableNamespace': 'S3 Tables namespace',
			'MetadataTableConfiguration.S3TablesDestination.TableArn': 'S3 Tables table ARN',
			'MetadataConfiguration.Destination': 'metadata destination',
			'MetadataConfiguration.JournalTableConfiguration.TableName': 'journal table name',
			'MetadataConfiguration.JournalTableConfiguration.TableArn': 'journal table ARN',
			'MetadataConfiguration.InventoryTableConfiguration.TableName': 'inventory table name',
			'MetadataConfiguration.InventoryTableConfiguration.TableArn': 'inventory table ARN'
		},
		confirmed: 'docs'
	},
	'AWS::KMS::Key': {
		ref: 'key ID',
		refFormat: 'a UUID, e.g. 1234abcd-12ab-34cd-56ef-1234567890ab',
		attributes: { Arn: 'arn:{partition}:kms:{region}:{account}:key/{keyId}', KeyId: 'same as Ref' },
		confirmed: 'schema'
	},
	'AWS::Logs::LogGroup': {
		ref: 'log group name',
		refFormat: `{name}; ${GENERATED_NAME}`,
		nameProperty: 'LogGroupName',
		attributes: { Arn: 'arn:{partition}:logs:{region}:{account}:log-group:{name}:* (note the trailing :*)' },
		confirmed: 'docs'
	},
	'AWS::ECS::Cluster': {
		ref: 'cluster name',
		refFormat: `{name}; ${GENERATED_NAME}`,
		nameProperty: 'ClusterName',
		attributes: { Arn: 'arn:{partition}:ecs:{region}:{account}:cluster/{name}' },
		confirmed: 'docs'
	},
	'AWS::ECS::TaskDefinition': {
		ref: 'task definition ARN',
		refFormat: 'arn:{partition}:ecs:{region}:{account}:task-definition/{family}:{revision}',
		attributes: { TaskDefinitionArn: 'same as Ref' },
		confirmed: 'docs',
		notes: ['Family defaults to {stack}-{logicalId}-{random}; every update that replaces it registers a new revision.']
	},
	'AWS::ECS::Service': {
		ref: 'service ARN',
		refFormat: 'arn:{partition}:ecs:{region}:{account}:service/{cluster}/{name}',
		nameProperty: 'ServiceName',
		attributes: { ServiceArn: 'same as Ref', Name: 'service name' },
		confirmed: 'docs'
	},
	'AWS::EC2::VPC': {
		ref: 'VPC ID',
		refFormat: 'vpc-{17 hex digits}',
		attributes: {
			CidrBlock: 'primary IPv4 CIDR, e.g. 10.0.0.0/16',
			CidrBlockAssociations: 'list of association IDs, e.g. vpc-cidr-assoc-...',
			DefaultNetworkAcl: 'acl-...',
			DefaultSecurityGroup: 'sg-...',
			Ipv6CidrBlocks: 'list of IPv6 CIDRs',
			VpcId: 'same as Ref'
		},
		confirmed: 'docs',
		notes: ['cfn-lint also lets GetAtt read every other property of this type (EnableDnsSupport, Tags, ...).']
	},
	'AWS::EC2::Subnet': {
		ref: 'subnet ID',
		refFormat: 'subnet-{17 hex digits}',
		attributes: {
			AvailabilityZone: 'e.g. us-east-1a',
			AvailabilityZoneId: 'e.g. use1-az1',
			'BlockPublicAccessStates.InternetGatewayBlockMode': 'the VPC Block Public Access mode in force for the subnet',
			CidrBlock: 'IPv4 CIDR',
			Ipv6CidrBlocks: 'list of IPv6 CIDRs',
			NetworkAclAssociationId: 'aclassoc-...',
			OutpostArn: 'Outpost ARN (Outposts only)',
			SubnetId: 'same as Ref',
			VpcId: 'vpc-...'
		},
		confirmed: 'docs',
		notes: ['cfn-lint also lets GetAtt read every other property of this type.']
	},
	'AWS::EC2::SecurityGroup': {
		ref: 'security group ID',
		refFormat: 'sg-{17 hex digits} (historically the group name for EC2-Classic/default-VPC groups without VpcId)',
		nameProperty: 'GroupName',
		attributes: { GroupId: 'same as Ref', VpcId: 'vpc-...', Id: 'same as Ref' },
		confirmed: 'docs',
		notes: ['cfn-lint also lets GetAtt read every other property of this type.']
	},
	'AWS::SNS::Topic': {
		ref: 'topic ARN',
		refFormat: 'arn:{partition}:sns:{region}:{account}:{name}',
		nameProperty: 'TopicName',
		attributes: { TopicArn: 'same as Ref', TopicName: '{name}' },
		confirmed: 'docs',
		notes: ['cfn-lint also lets GetAtt read every other property of this type.']
	},
	'AWS::SQS::Queue': {
		ref: 'queue URL',
		refFormat: 'https://sqs.{region}.{urlSuffix}/{account}/{name}',
		nameProperty: 'QueueName',
		attributes: {
			Arn: 'arn:{partition}:sqs:{region}:{account}:{name}',
			QueueName: '{name}',
			QueueUrl: 'same as Ref'
		},
		confirmed: 'docs',
		notes: ['cfn-lint also lets GetAtt read every other property of this type.']
	},
	'AWS::Lambda::Function': {
		ref: 'function name',
		refFormat: `{name}; ${GENERATED_NAME}`,
		nameProperty: 'FunctionName',
		attributes: {
			Arn: 'arn:{partition}:lambda:{region}:{account}:function:{name}',
			SnapStartResponse: 'object {ApplyOn, OptimizationStatus}',
			'SnapStartResponse.ApplyOn': 'PublishedVersions | None',
			'SnapStartResponse.OptimizationStatus': 'On | Off'
		},
		confirmed: 'docs'
	},
	'AWS::EKS::Cluster': {
		ref: 'cluster name',
		refFormat: `{name}; ${GENERATED_NAME}`,
		nameProperty: 'Name',
		attributes: {
			Arn: 'arn:{partition}:eks:{region}:{account}:cluster/{name}',
			CertificateAuthorityData: 'base64 certificate data',
			ClusterSecurityGroupId: 'sg-...',
			EncryptionConfigKeyArn: 'KMS key ARN',
			Endpoint: 'https://{id}.gr7.{region}.eks.amazonaws.com',
			Id: 'cluster ID (Outposts only)',
			OpenIdConnectIssuerUrl: 'https://oidc.eks.{region}.amazonaws.com/id/{id}',
			'KubernetesNetworkConfig.ServiceIpv6Cidr': 'IPv6 service CIDR'
		},
		confirmed: 'docs'
	},
	'AWS::CloudFormation::WaitConditionHandle': {
		ref: 'a presigned URL to send wait-condition signals to',
		refFormat: 'https://cloudformation-waitcondition-{region}.s3.amazonaws.com/... (presigned S3 URL)',
		attributes: { Id: 'same as Ref' },
		confirmed: 'docs',
		notes: ['Updates are not supported for this resource (AWS page); use a new handle for each new wait condition.']
	},
	'AWS::CloudFormation::WaitCondition': {
		ref: 'the wait condition physical ID',
		refFormat: 'format unverified',
		attributes: {
			Data: 'JSON object of the signals received, {"<UniqueId>": "<Data>", ...}',
			Id: 'same as Ref'
		},
		confirmed: 'schema',
		notes: ['Count, Handle and Timeout: updates are not supported (from memory of the AWS page; unverified).']
	}
};

/** Ref / GetAtt / physical-ID facts for a modelled type, or undefined. */
export function getReturnValues(type: string): ReturnValues | undefined {
	return Object.prototype.hasOwnProperty.call(RETURN_VALUES, type) ? RETURN_VALUES[type] : undefined;
}
