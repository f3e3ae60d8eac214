// Every topic of the seed notes (../shared/seeds/, as listed in the foundation issue) must be
// taught by some lesson: a topic is covered when one lesson matches all of its patterns.
import { describe, expect, it } from 'vitest';
import { lessonFiles } from '../support/course';

const topics: [topic: string, patterns: RegExp[]][] = [
	// Amazon ECR
	['a fully managed container registry', [/fully managed/i, /registry/i]],
	['images stored in Amazon S3 behind the scenes', [/Amazon S3/, /highly available|availability/i]],
	['registries, repositories, images, tags and digests', [/registry/i, /repositor/i, /\btag/i, /digest/i, /sha256:/]],
	['several versions of an image in one repository', [/versions?/i, /untagged/i]],
	['private versus public repositories', [/ECR Public/, /public\.ecr\.aws/, /private/i]],
	['IAM authentication and the ecr: API', [/\bIAM\b/, /ecr:GetAuthorizationToken/, /ecr:BatchGetImage/]],
	['least privilege', [/least privilege/i]],
	['repository policies, with the example policy', [/repository polic/i, /"Principal"/, /"Action":\s*"ecr:\*"/, /:root"/]],
	['a Resource element in a repository policy', [/repository polic/i, /"Resource"/, /Resource/]],
	['repository policy conditions on IP address and VPC', [/aws:SourceIp/, /aws:SourceVpce?/]],
	['basic scanning: free, CVEs, scan on push', [/basic scanning/i, /CVE/, /scan on push|scan-on-push|scanOnPush/i]],
	['enhanced scanning: continuous, Amazon Inspector', [/enhanced scanning/i, /continuous/i, /Amazon Inspector/]],
	['encryption at rest: AES-256 by default, KMS, fixed at creation', [/AES-?256/, /\bKMS\b/, /cannot be changed|can't be changed|can not be changed/i]],
	['encryption in transit', [/in transit/i, /HTTPS|TLS/]],
	['logging Docker in to ECR', [/aws ecr get-login-password/, /docker login --username AWS --password-stdin/]],
	['pushing an image', [/docker tag /, /docker push /]],
	['pulling an image', [/docker pull /]],
	['lifecycle policy fields', [/rulePriority/, /tagStatus/, /tagPrefixList/, /tagPatternList/, /countType/, /countUnit/, /countNumber/, /imageCountMoreThan/, /sinceImagePushed/]],
	['lifecycle policy evaluation rules', [/rulePriority/, /lowest|lower number|priority order/i, /at most one rule|only one rule|one rule/i]],
	['the seed example: expire untagged images older than 30 days', [/"tagStatus":\s*"untagged"/, /"countNumber":\s*30/, /"countType":\s*"sinceImagePushed"/]],
	['keep only the N most recent images', [/"countType":\s*"imageCountMoreThan"/]],
	['previewing a lifecycle policy', [/start-lifecycle-policy-preview/, /get-lifecycle-policy-preview/]],
	['a tagging strategy without latest in production', [/\blatest\b/, /production/i, /semantic version/i]],
	['immutable tags', [/IMMUTABLE/, /ImageTagAlreadyExistsException/]],
	['cleaning up unused images regularly', [/clean(ing)? ?up/i, /regularly/i, /lifecycle polic/i]],
	['cross-Region replication, for disaster recovery', [/replication/i, /disaster recovery/i, /put-replication-configuration/]],
	['cross-account access', [/cross-account/i, /210987654321/, /assume/i]],
	['an ECS task definition pointing at an ECR image', [/task definition/i, /"image":\s*"123456789012\.dkr\.ecr\./, /execution role/i]],
	['an EKS Deployment pointing at an ECR image', [/kind:\s*Deployment/, /image:\s*123456789012\.dkr\.ecr\./]],
	['pricing, with the date the figures were taken', [/storage/i, /data transfer/i, /per GB|GB-month/i, /\b20\d\d\b/, /free/i]],
	['ECR use cases', [/CI\/CD/, /ECS/, /EKS/, /share/i]],
	// AWS CloudFormation
	['infrastructure as code', [/infrastructure as code/i]],
	['declarative desired state', [/declarative/i, /desired (end )?state/i]],
	['templates in YAML and JSON and their sections', [/AWSTemplateFormatVersion/, /Parameters/, /Mappings/, /Conditions/, /Outputs/, /Resources/]],
	['intrinsic functions', [/!Ref/, /!GetAtt/, /!Sub/]],
	['stacks', [/create-stack/, /CREATE_COMPLETE/]],
	['change sets', [/create-change-set/, /execute-change-set/, /Replacement/]],
	['drift detection', [/detect-stack-drift/, /DRIFTED/, /IN_SYNC/]],
	['rollback', [/ROLLBACK_COMPLETE/, /roll(s|ed)? back/i]],
	['deleting a stack deletes its resources, and DeletionPolicy', [/delete-stack/, /DeletionPolicy/, /Retain/]],
	['cross-Region and cross-account StackSets', [/StackSets?/, /create-stack-instances/, /Regions?/, /accounts?/i]],
	['CodePipeline integration', [/CodePipeline/, /CHANGE_SET_REPLACE|CHANGE_SET_EXECUTE/]],
	['use cases: environments, multi-Region, disaster recovery, compliance', [/environment/i, /multi-Region|several Regions|multiple Regions/i, /disaster recovery/i, /compliance/i]],
	['ECR and CloudFormation together', [/AWS::ECR::Repository/, /LifecyclePolicyText/, /RepositoryPolicyText/]]
];

describe('the course covers every topic of the seed notes', () => {
	it.each(topics)('%s', (_topic, patterns) => {
		const covering = lessonFiles.filter((l) => patterns.every((p) => p.test(l.source))).map((l) => l.slug);
		expect(covering, `no lesson matches all of ${patterns.join(' ')}`).not.toEqual([]);
	});
});
