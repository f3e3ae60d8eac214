// Random templates over the resource types the simulator provisions for real (providers/
// registry.ts), for properties that need the real engines: ECR repositories, ECR Public, the
// registry settings, IAM roles, users and policies, and the lightly modelled S3, SNS, SQS, Logs,
// KMS, ECS and EC2 types. Each resource gets valid properties, may refer to an earlier one (Ref in
// a tag, DependsOn), and has a DeletionPolicy of Delete, Retain or RetainExceptOnCreate. Stacks
// with IAM resources need CAPABILITY_IAM.
//
// Left out, with why:
// - ECS Service, Lambda Function, EKS Cluster: they need an IAM role or a cluster wired in, and
//   add nothing to a create-then-delete property the others do not.
import fc from 'fast-check';
import type { WorldSnapshot } from '../../../../../src/lib/engines/world';

export type Policy = 'Delete' | 'Retain' | 'RetainExceptOnCreate';

interface Piece {
	kind: string;
	policy: Policy;
	/** An earlier resource this one refers to (Ref in a tag, or DependsOn). */
	refTo?: number;
	dependsOn?: number;
	variant: number;
}

const KINDS = ['repo', 'publicRepo', 'bucket', 'topic', 'queue', 'logGroup', 'cluster', 'key', 'vpc', 'taskDefinition', 'waitHandle', 'role', 'user', 'managedPolicy'] as const;
/** Registry-wide settings: one of each at most, always deleted (the registry has only one). */
const SINGLETONS = ['registryPolicy', 'scanning', 'replication'] as const;

const policy = fc.constantFrom<Policy>('Delete', 'Delete', 'Retain', 'RetainExceptOnCreate');

export const realTemplates = fc
	.record({
		pieces: fc.integer({ min: 1, max: 6 }).chain((n) =>
			fc.tuple(
				...Array.from({ length: n }, (_, i) =>
					fc.record({
						kind: fc.constantFrom(...KINDS),
						policy,
						refTo: i === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: i - 1 }), { nil: undefined }),
						dependsOn: i === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: i - 1 }), { nil: undefined }),
						variant: fc.integer({ min: 0, max: 3 })
					})
				)
			)
		),
		singletons: fc.subarray([...SINGLETONS])
	})
	// A wait condition handle's Ref is a presigned URL of some 400 characters: too long for the tag
	// values and display names that refer to it (the schemas refuse it, rightly), so nothing does.
	.map(({ pieces, singletons }) => ({
		pieces: (pieces as Piece[]).map((p) => (p.refTo !== undefined && pieces[p.refTo]?.kind === 'waitHandle' ? { ...p, refTo: undefined } : p)),
		singletons
	}));

export type RealTemplate = { pieces: Piece[]; singletons: string[] };

const tags = (i: number, p: Piece) => [{ Key: 'piece', Value: String(i) }, ...(p.refTo !== undefined ? [{ Key: 'refers', Value: { Ref: `R${p.refTo}` } }] : [])];
const IDENTITY_DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:DescribeRepositories', Resource: '*' }] };
const TRUST_DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const READ_ONLY = 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly';
const POLICY_DOC = { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['ecr:ReplicateImage'], Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/*' }] };

function properties(i: number, p: Piece): Record<string, unknown> {
	switch (p.kind) {
		case 'repo':
			return [{}, { ImageTagMutability: 'IMMUTABLE' }, { ImageScanningConfiguration: { ScanOnPush: true }, Tags: tags(i, p) }, { EmptyOnDelete: true, Tags: tags(i, p) }][p.variant] ?? {};
		case 'bucket':
			return p.variant % 2 ? { Tags: tags(i, p) } : {};
		case 'topic':
			return p.refTo !== undefined ? { DisplayName: { Ref: `R${p.refTo}` } } : {};
		case 'queue':
			return p.variant % 2 ? { Tags: tags(i, p) } : {};
		case 'logGroup':
			return p.variant % 2 ? { RetentionInDays: 7 } : {};
		case 'cluster':
			return p.variant % 2 ? { Tags: tags(i, p) } : {};
		case 'vpc':
			return { CidrBlock: `10.${i}.0.0/16` };
		case 'taskDefinition':
			return { ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:latest' }] };
		case 'role':
			return {
				AssumeRolePolicyDocument: TRUST_DOC,
				...[{}, { Policies: [{ PolicyName: 'describe', PolicyDocument: IDENTITY_DOC }] }, { ManagedPolicyArns: [READ_ONLY], Tags: tags(i, p) }, { Description: 'builds', MaxSessionDuration: 7200 }][p.variant]
			};
		case 'user':
			return [{}, { Policies: [{ PolicyName: 'describe', PolicyDocument: IDENTITY_DOC }] }, { ManagedPolicyArns: [READ_ONLY] }, { Tags: tags(i, p), Path: '/lab/' }][p.variant] ?? {};
		case 'managedPolicy':
			return { PolicyDocument: IDENTITY_DOC, ...(p.variant % 2 ? { Description: 'describe repositories', Path: '/lab/' } : {}) };
		default:
			return {};
	}
}

const TYPES: Record<string, string> = {
	repo: 'AWS::ECR::Repository',
	publicRepo: 'AWS::ECR::PublicRepository',
	bucket: 'AWS::S3::Bucket',
	topic: 'AWS::SNS::Topic',
	queue: 'AWS::SQS::Queue',
	logGroup: 'AWS::Logs::LogGroup',
	cluster: 'AWS::ECS::Cluster',
	key: 'AWS::KMS::Key',
	vpc: 'AWS::EC2::VPC',
	taskDefinition: 'AWS::ECS::TaskDefinition',
	waitHandle: 'AWS::CloudFormation::WaitConditionHandle',
	role: 'AWS::IAM::Role',
	user: 'AWS::IAM::User',
	managedPolicy: 'AWS::IAM::ManagedPolicy'
};

/**
 * An inline AWS::IAM::Policy and a ManagedPolicy on a role or user (odd variants), which refer to it
 * and so are deleted before it. They share its DeletionPolicy: a kept policy on a deleted role would
 * make DeleteRole fail with IAM's DeleteConflict, as on AWS.
 */
function iamCompanions(i: number, p: Piece): Record<string, unknown> {
	if ((p.kind !== 'role' && p.kind !== 'user') || p.variant % 2 === 0) return {};
	const holders = { [p.kind === 'role' ? 'Roles' : 'Users']: [{ Ref: `R${i}` }] };
	return {
		[`R${i}Inline`]: { Type: 'AWS::IAM::Policy', DeletionPolicy: p.policy, Properties: { PolicyName: 'extra', PolicyDocument: IDENTITY_DOC, ...holders } },
		[`R${i}Managed`]: { Type: 'AWS::IAM::ManagedPolicy', DeletionPolicy: p.policy, Properties: { PolicyDocument: IDENTITY_DOC, ...holders } }
	};
}

/** The template; a VPC brings a subnet and a security group that share its DeletionPolicy (a kept subnet would keep its VPC from being deleted). */
export function templateOf(t: RealTemplate): string {
	const resources: Record<string, unknown> = {};
	t.pieces.forEach((p, i) => {
		resources[`R${i}`] = {
			Type: TYPES[p.kind],
			DeletionPolicy: p.policy,
			...(p.dependsOn !== undefined ? { DependsOn: `R${p.dependsOn}` } : {}),
			Properties: properties(i, p)
		};
		Object.assign(resources, iamCompanions(i, p));
		if (p.kind === 'vpc') {
			resources[`R${i}Subnet`] = { Type: 'AWS::EC2::Subnet', DeletionPolicy: p.policy, Properties: { VpcId: { Ref: `R${i}` }, CidrBlock: `10.${i}.1.0/24` } };
			resources[`R${i}Group`] = { Type: 'AWS::EC2::SecurityGroup', DeletionPolicy: p.policy, Properties: { GroupDescription: 'web', VpcId: { Ref: `R${i}` } } };
		}
	});
	if (t.singletons.includes('registryPolicy')) resources['RegistryPolicy'] = { Type: 'AWS::ECR::RegistryPolicy', Properties: { PolicyText: POLICY_DOC } };
	if (t.singletons.includes('scanning')) resources['Scanning'] = { Type: 'AWS::ECR::RegistryScanningConfiguration', Properties: { ScanType: 'ENHANCED', Rules: [{ ScanFrequency: 'SCAN_ON_PUSH', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] }] } };
	if (t.singletons.includes('replication')) {
		resources['Replication'] = { Type: 'AWS::ECR::ReplicationConfiguration', Properties: { ReplicationConfiguration: { Rules: [{ Destinations: [{ Region: 'us-west-2', RegistryId: '123456789012' }] }] } } };
	}
	return JSON.stringify({ Resources: resources });
}

/** A resource the stack leaves behind on purpose. */
export interface Kept {
	type: string;
	physicalId: string;
}

/**
 * The resource-holding parts of a world (not CloudFormation's stacks and events, which AWS keeps
 * as DELETE_COMPLETE), without what is not a resource:
 * - id counters (`sequence`), bookkeeping for the next generated name;
 * - records a service keeps of what it deleted, as AWS does: a deleted queue's name is held for 60
 *   seconds (deletedAt), a deregistered task definition revision stays INACTIVE, a KMS key waits
 *   7 to 30 days in PendingDeletion;
 * - the resources in `kept` (DeletionPolicy Retain / RetainExceptOnCreate), IAM users, roles and
 *   managed policies included.
 */
export function footprint(s: WorldSnapshot, kept: readonly Kept[] = []) {
	const keep = (type: string, id: string) => kept.some((k) => k.type === type && k.physicalId === id);
	const gone = (a: Record<string, unknown>) => a['deletedAt'] !== undefined || a['Status'] === 'INACTIVE' || a['KeyState'] === 'PendingDeletion';
	const light = (records: WorldSnapshot['globalResources']['resources']) =>
		records.filter((r) => {
			// A kept resource brings what its provider keeps beside it: its shadow, a bucket's name claim.
			// IAM shadows in the world-wide store are keyed `<account>/<physical id>` (providers/shadow.ts).
			const owner = r.type.replace(/^Simulator::Shadow::/, '').replace(/#name$/, '');
			return !gone(r.attributes) && !keep(owner, r.physicalId) && !keep(owner, r.physicalId.replace(/^\d{12}\//, ''));
		});
	const registries = (list: WorldSnapshot['ecr'], type: string) =>
		list.map(({ sequence: _sequence, ...r }) => ({ ...r, repositories: r.repositories.filter((repo) => !keep(type, repo.repositoryName)) }));
	return {
		ecr: registries(s.ecr, 'AWS::ECR::Repository'),
		ecrPublic: registries(s.ecrPublic, 'AWS::ECR::PublicRepository'),
		iam: s.iam.map(({ sequence: _sequence, ...i }) => ({
			...i,
			users: i.users.filter((u) => !keep('AWS::IAM::User', u.name)),
			roles: i.roles.filter((r) => !keep('AWS::IAM::Role', r.name)),
			policies: i.policies.filter((p) => !keep('AWS::IAM::ManagedPolicy', `arn:aws:iam::${i.accountId}:policy${p.path}${p.policyName}`))
		})),
		light: s.lightResources.map((l) => light(l.resources)),
		global: light(s.globalResources.resources)
	};
}
