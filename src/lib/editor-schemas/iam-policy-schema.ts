// JSON schemas of IAM identity policies and ECR repository policies for completion and hover.
// Action names, condition operators and keys are suggestions (any string is accepted where AWS
// accepts one); the engine's parser decides what is valid and reports it as error markers.
import type { JsonSchema } from './types';

/** IAM action names of Amazon ECR (service prefix `ecr`). */
export const ECR_ACTIONS: readonly string[] = [
	'ecr:*',
	'ecr:BatchCheckLayerAvailability',
	'ecr:BatchDeleteImage',
	'ecr:BatchGetImage',
	'ecr:BatchGetRepositoryScanningConfiguration',
	'ecr:BatchImportUpstreamImage',
	'ecr:CompleteLayerUpload',
	'ecr:CreatePullThroughCacheRule',
	'ecr:CreateRepository',
	'ecr:CreateRepositoryCreationTemplate',
	'ecr:DeleteLifecyclePolicy',
	'ecr:DeletePullThroughCacheRule',
	'ecr:DeleteRegistryPolicy',
	'ecr:DeleteRepository',
	'ecr:DeleteRepositoryCreationTemplate',
	'ecr:DeleteRepositoryPolicy',
	'ecr:DescribeImageReplicationStatus',
	'ecr:DescribeImageScanFindings',
	'ecr:DescribeImages',
	'ecr:DescribePullThroughCacheRules',
	'ecr:DescribeRegistry',
	'ecr:DescribeRepositories',
	'ecr:DescribeRepositoryCreationTemplates',
	'ecr:GetAuthorizationToken',
	'ecr:GetDownloadUrlForLayer',
	'ecr:GetLifecyclePolicy',
	'ecr:GetLifecyclePolicyPreview',
	'ecr:GetRegistryPolicy',
	'ecr:GetRegistryScanningConfiguration',
	'ecr:GetRepositoryPolicy',
	'ecr:InitiateLayerUpload',
	'ecr:ListImages',
	'ecr:ListTagsForResource',
	'ecr:PutImage',
	'ecr:PutImageScanningConfiguration',
	'ecr:PutImageTagMutability',
	'ecr:PutLifecyclePolicy',
	'ecr:PutRegistryPolicy',
	'ecr:PutRegistryScanningConfiguration',
	'ecr:PutReplicationConfiguration',
	'ecr:ReplicateImage',
	'ecr:SetRepositoryPolicy',
	'ecr:StartImageScan',
	'ecr:StartLifecyclePolicyPreview',
	'ecr:TagResource',
	'ecr:UntagResource',
	'ecr:UploadLayerPart'
];

/** The base condition operators (each may take ForAnyValue:/ForAllValues: and, except Null, IfExists). */
export const CONDITION_OPERATORS: readonly string[] = [
	'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
	'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
	'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
	'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null'
];

/** Condition keys learners meet with ECR policies. */
export const CONDITION_KEYS: Readonly<Record<string, string>> = {
	'aws:PrincipalArn': 'ARN of the caller (for a role session, the role ARN).',
	'aws:PrincipalAccount': 'Account ID of the caller.',
	'aws:PrincipalOrgID': 'AWS Organizations ID of the caller’s account.',
	'aws:PrincipalType': 'Kind of caller: Account, User, AssumedRole, FederatedUser, Anonymous.',
	'aws:SourceIp': 'IP address the request came from (with IpAddress / NotIpAddress).',
	'aws:SourceVpc': 'VPC the request came through (via a VPC endpoint).',
	'aws:SourceVpce': 'VPC endpoint the request came through.',
	'aws:SourceAccount': 'Account of the resource that made a service-to-service request.',
	'aws:SourceArn': 'ARN of the resource that made a service-to-service request.',
	'aws:SecureTransport': 'Whether the request used TLS (with Bool).',
	'aws:CurrentTime': 'Date and time of the request (with the Date operators).',
	'aws:EpochTime': 'Request time in seconds since 1970 (Date or Numeric operators).',
	'aws:username': 'Friendly name of the calling IAM user.',
	'aws:userid': 'Unique ID of the caller.',
	'aws:RequestedRegion': 'Region the request is sent to.',
	'aws:TagKeys': 'Tag keys in the request (with ForAnyValue / ForAllValues).',
	'aws:RequestTag/${TagKey}': 'A tag value in the request; replace ${TagKey} with the key.',
	'aws:ResourceTag/${TagKey}': 'A tag value on the resource; replace ${TagKey} with the key.',
	'ecr:ResourceTag/${TagKey}': 'A tag value on the repository; replace ${TagKey} with the key.'
};

const stringOrList = (item: JsonSchema, description: string): JsonSchema => ({
	description,
	anyOf: [item, { type: 'array', minItems: 1, items: item }]
});

const actionItem: JsonSchema = { anyOf: [{ enum: [...ECR_ACTIONS] }, { type: 'string', pattern: '^[^:]+:[^:]*$', patternErrorMessage: 'An action is service:Name, e.g. ecr:PutImage.' }] };

const conditionValue: JsonSchema = { anyOf: [{ type: ['string', 'boolean', 'number'] }, { type: 'array', items: { type: ['string', 'boolean', 'number'] } }] };

const conditionBlock: JsonSchema = {
	type: 'object',
	description: 'Condition key → value or list of values.',
	properties: Object.fromEntries(Object.entries(CONDITION_KEYS).map(([key, description]) => [key, { ...conditionValue, description }])),
	additionalProperties: conditionValue
};

const operatorPattern = `^(ForAnyValue:|ForAllValues:)?(${CONDITION_OPERATORS.join('|')})(IfExists)?$`;

const condition: JsonSchema = {
	type: 'object',
	description: 'When the statement applies: operator → { key: value(s) }. Every operator, every key in it, must hold; values in a list are alternatives.',
	properties: Object.fromEntries(CONDITION_OPERATORS.map((op) => [op, conditionBlock])),
	patternProperties: { [operatorPattern]: conditionBlock },
	additionalProperties: false
};

const principalValue = (what: string): JsonSchema => stringOrList({ type: 'string' }, what);

const principal: JsonSchema = {
	description: 'Whom the statement is about: "*" (anyone), or an object such as {"AWS": "arn:aws:iam::123456789012:root"}.',
	anyOf: [
		{ const: '*' },
		{
			type: 'object',
			minProperties: 1,
			additionalProperties: false,
			properties: {
				AWS: principalValue('Account IDs, account root ARNs, IAM user or role ARNs, or "*".'),
				Service: principalValue('Service principals such as ecs-tasks.amazonaws.com.'),
				Federated: principalValue('Identity providers.'),
				CanonicalUser: principalValue('Canonical user IDs.')
			}
		}
	]
};

export function policySchema(kind: 'identity' | 'repository'): JsonSchema {
	const repository = kind === 'repository';
	const statementProperties: Record<string, unknown> = {
		Sid: { type: 'string', description: repository ? 'A name for the statement.' : 'A name for the statement: letters and digits only, unique in the policy.' },
		Effect: { enum: ['Allow', 'Deny'], description: 'Allow or Deny. An explicit Deny wins over any Allow.' },
		Action: stringOrList(actionItem, 'The actions the statement covers, such as ecr:PutImage; * wildcards allowed.'),
		NotAction: stringOrList(actionItem, 'Every action except these.'),
		Condition: condition
	};
	if (repository) {
		statementProperties.Principal = principal;
		statementProperties.NotPrincipal = { ...principal, description: 'Everyone except these principals (rarely what you want).' };
		statementProperties.Resource = false;
		statementProperties.NotResource = false;
	} else {
		statementProperties.Resource = stringOrList({ type: 'string' }, 'The resources (ARNs) the statement covers, such as arn:aws:ecr:us-east-1:123456789012:repository/web; * wildcards allowed.');
		statementProperties.NotResource = stringOrList({ type: 'string' }, 'Every resource except these.');
		statementProperties.Principal = false;
		statementProperties.NotPrincipal = false;
	}
	const statement: JsonSchema = {
		type: 'object',
		additionalProperties: false,
		required: repository ? ['Effect', 'Action'] : ['Effect'],
		properties: statementProperties,
		description: repository
			? 'One permission. A repository policy needs Principal and Action; it never has Resource (it is the repository).'
			: 'One permission. An identity policy has Action (or NotAction) and Resource (or NotResource), never Principal.'
	};
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		title: repository ? 'Amazon ECR repository policy' : 'IAM identity policy',
		type: 'object',
		additionalProperties: false,
		required: ['Statement'],
		properties: {
			Version: { enum: ['2012-10-17', '2008-10-17'], description: 'The policy language version. Use 2012-10-17.' },
			Id: { type: 'string', description: 'An optional name for the policy.' },
			Statement: { description: 'One statement or a list of them.', anyOf: [statement, { type: 'array', minItems: 1, items: statement }] }
		}
	};
}
