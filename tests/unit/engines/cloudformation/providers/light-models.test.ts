import { describe, expect, it } from 'vitest';
import { providerFor } from '../../../../../src/lib/engines/cloudformation/providers/registry';
import type { ResourceProvider } from '../../../../../src/lib/engines/cloudformation/providers/provider';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ACCOUNT, REGION, harness, providerError, trustPolicy } from './helpers';

const p = (type: string): ResourceProvider => {
	const provider = providerFor(type);
	if (!provider) throw new Error(`no provider for ${type}`);
	return provider;
};

describe('AWS::S3::Bucket', () => {
	const s3 = p('AWS::S3::Bucket');

	it('Ref is the name; the ARN has no Region or account; the domain names follow S3', () => {
		const h = harness();
		const out = s3.create(h.ctx('Logs'), { BucketName: 'lab-logs-123' });
		expect(out).toEqual({
			physicalId: 'lab-logs-123',
			attributes: {
				Arn: 'arn:aws:s3:::lab-logs-123',
				DomainName: 'lab-logs-123.s3.amazonaws.com',
				RegionalDomainName: `lab-logs-123.s3.${REGION}.amazonaws.com`,
				DualStackDomainName: `lab-logs-123.s3.dualstack.${REGION}.amazonaws.com`,
				WebsiteURL: `http://lab-logs-123.s3-website-${REGION}.amazonaws.com`
			}
		});
	});

	it('generates a lower-case name within 63 characters', () => {
		const h = harness();
		expect(s3.create(h.ctx('ArtifactBucket', { stackName: 'Build-Pipeline' }), {}).physicalId).toMatch(/^build-pipeline-artifactbucket-[a-z0-9]{12}$/);
	});

	it('bucket names are unique across the whole world: a name taken in another Region fails', () => {
		const h = harness();
		s3.create(h.ctx('Logs', { region: 'eu-west-1' }), { BucketName: 'shared-name' });
		const e = providerError(() => s3.create(h.ctx('Logs'), { BucketName: 'shared-name' }));
		expect(e.handlerErrorCode).toBe('AlreadyExists');
		expect(e.message).toBe('shared-name already exists (Service: S3, Status Code: 0, Request ID: null)');
		s3.delete(h.ctx('Logs', { region: 'eu-west-1' }), 'shared-name', {});
		expect(s3.create(h.ctx('Logs'), { BucketName: 'shared-name' }).physicalId).toBe('shared-name');
	});

	it('refuses upper-case names', () => {
		const e = providerError(() => s3.create(harness().ctx('B'), { BucketName: 'MyBucket' }));
		expect(e).toMatchObject({ handlerErrorCode: 'InvalidRequest', message: 'Bucket name should not contain uppercase characters' });
	});

	it('updates in place and read() shows a change a lab makes to the live bucket', () => {
		const h = harness();
		const ctx = h.ctx('Logs');
		s3.create(ctx, { BucketName: 'lab-logs', VersioningConfiguration: { Status: 'Enabled' } });
		s3.update(ctx, 'lab-logs', {}, { BucketName: 'lab-logs', VersioningConfiguration: { Status: 'Suspended' } });
		expect(s3.read?.(ctx, 'lab-logs', {})).toEqual({ BucketName: 'lab-logs', VersioningConfiguration: { Status: 'Suspended' } });
		const record = h.state.resources.find((r) => r.physicalId === 'lab-logs');
		if (record) record.properties.VersioningConfiguration = { Status: 'Enabled' };
		expect(s3.read?.(ctx, 'lab-logs', {})?.VersioningConfiguration).toEqual({ Status: 'Enabled' });
		s3.delete(ctx, 'lab-logs', {});
		expect(s3.read?.(ctx, 'lab-logs', {})).toBeUndefined();
	});
});

describe('AWS::KMS::Key', () => {
	it('Ref is a UUID key id; deleting schedules deletion', () => {
		const h = harness();
		const kms = p('AWS::KMS::Key');
		const ctx = h.ctx('Key');
		const out = kms.create(ctx, { Description: 'ecr key', PendingWindowInDays: 7 });
		expect(out.physicalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(out.attributes).toEqual({ KeyId: out.physicalId, Arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${out.physicalId}` });
		kms.delete(ctx, out.physicalId, {});
		expect(kms.read?.(ctx, out.physicalId, {})).toBeUndefined();
		expect(h.state.resources.find((r) => r.physicalId === out.physicalId)?.attributes).toMatchObject({ KeyState: 'PendingDeletion', DeletionDate: '2026-11-30T10:00:00.000Z' });
		expect(providerError(() => kms.create(ctx, { PendingWindowInDays: 3 })).handlerErrorCode).toBe('InvalidRequest');
	});
});

describe('AWS::Logs::LogGroup', () => {
	it('Ref is the name; the ARN ends with :*', () => {
		const h = harness();
		const logs = p('AWS::Logs::LogGroup');
		const out = logs.create(h.ctx('AppLogs'), { LogGroupName: '/ecs/web', RetentionInDays: '14' });
		expect(out).toEqual({ physicalId: '/ecs/web', attributes: { Arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/web:*` } });
		expect(providerError(() => logs.create(h.ctx('Other'), { LogGroupName: '/ecs/web' })).message).toBe("Resource of type 'AWS::Logs::LogGroup' with identifier '/ecs/web' already exists.");
		expect(providerError(() => logs.create(h.ctx('Bad'), { RetentionInDays: 10 })).handlerErrorCode).toBe('InvalidRequest');
		expect(logs.create(h.ctx('AppLogs2'), {}).physicalId).toMatch(/^lab-stack-AppLogs2-[A-Za-z0-9]{12}$/);
	});
});

describe('ECS', () => {
	it('cluster Ref is the name; task definition Ref is the ARN with its revision; service Ref is its ARN', () => {
		const h = harness();
		const ctx = h.ctx('Cluster');
		expect(p('AWS::ECS::Cluster').create(ctx, { ClusterName: 'web' })).toEqual({ physicalId: 'web', attributes: { Arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/web` } });
		const taskDef = p('AWS::ECS::TaskDefinition');
		const td = { Family: 'web', ContainerDefinitions: [{ Name: 'web', Image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web:1` }] };
		const v1 = taskDef.create(h.ctx('TaskDef'), td);
		expect(v1).toEqual({ physicalId: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/web:1`, attributes: { TaskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/web:1` } });
		// An update replaces the task definition: a new revision, then the old one deregistered.
		const v2 = taskDef.create(h.ctx('TaskDef'), { ...td, Cpu: '512' });
		expect(v2.physicalId).toBe(`arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/web:2`);
		taskDef.delete(h.ctx('TaskDef'), v1.physicalId, td);
		expect(taskDef.read?.(h.ctx('TaskDef'), v1.physicalId, td)).toBeUndefined();
		expect(taskDef.create(h.ctx('TaskDef'), td).physicalId).toMatch(/:3$/);

		const service = p('AWS::ECS::Service');
		const svc = service.create(h.ctx('Service'), { Cluster: 'web', ServiceName: 'web', TaskDefinition: v2.physicalId, DesiredCount: '2' });
		expect(svc).toEqual({ physicalId: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/web/web`, attributes: { ServiceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/web/web`, Name: 'web' } });
		expect(service.durations.create).toBeGreaterThanOrEqual(60_000);
		const e = providerError(() => p('AWS::ECS::Cluster').delete(ctx, 'web', {}));
		expect(e.message).toMatch(/^The Cluster cannot be deleted while Services are active\. \(Service: Ecs/);
		service.update(h.ctx('Service'), svc.physicalId, {}, { Cluster: 'web', ServiceName: 'web', TaskDefinition: v2.physicalId, DesiredCount: 3 });
		expect(service.read?.(h.ctx('Service'), svc.physicalId, {})?.DesiredCount).toBe(3);
		service.delete(h.ctx('Service'), svc.physicalId, {});
		p('AWS::ECS::Cluster').delete(ctx, 'web', {});
	});

	it('a service needs its cluster and task definition', () => {
		const h = harness();
		expect(providerError(() => p('AWS::ECS::Service').create(h.ctx('S'), { Cluster: 'missing' })).message).toMatch(/^Cluster not found\./);
		p('AWS::ECS::Cluster').create(h.ctx('C'), { ClusterName: 'web' });
		expect(providerError(() => p('AWS::ECS::Service').create(h.ctx('S'), { Cluster: 'web', TaskDefinition: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/none:1` })).message).toMatch(
			/^TaskDefinition not found\./
		);
	});
});

describe('EC2 networking', () => {
	it('VPC, subnet and security group ids and attributes in EC2 formats', () => {
		const h = harness();
		const vpc = p('AWS::EC2::VPC').create(h.ctx('Vpc'), { CidrBlock: '10.0.0.0/16' });
		expect(vpc.physicalId).toMatch(/^vpc-[0-9a-f]{17}$/);
		expect(vpc.attributes).toMatchObject({ VpcId: vpc.physicalId, CidrBlock: '10.0.0.0/16', Ipv6CidrBlocks: [] });
		expect(vpc.attributes.DefaultSecurityGroup).toMatch(/^sg-[0-9a-f]{17}$/);
		expect(vpc.attributes.DefaultNetworkAcl).toMatch(/^acl-[0-9a-f]{17}$/);
		expect(vpc.attributes.CidrBlockAssociations).toEqual([expect.stringMatching(/^vpc-cidr-assoc-[0-9a-f]{17}$/)]);

		const subnet = p('AWS::EC2::Subnet').create(h.ctx('Subnet'), { VpcId: vpc.physicalId, CidrBlock: '10.0.1.0/24', AvailabilityZone: `${REGION}b` });
		expect(subnet.physicalId).toMatch(/^subnet-[0-9a-f]{17}$/);
		expect(subnet.attributes).toMatchObject({ SubnetId: subnet.physicalId, VpcId: vpc.physicalId, AvailabilityZone: 'us-east-1b', AvailabilityZoneId: 'use1-az2' });
		expect(providerError(() => p('AWS::EC2::Subnet').create(h.ctx('S2'), { VpcId: vpc.physicalId, CidrBlock: '10.0.1.128/25' })).message).toMatch(/^The CIDR '10.0.1.128\/25' conflicts with another subnet/);
		expect(providerError(() => p('AWS::EC2::Subnet').create(h.ctx('S3'), { VpcId: vpc.physicalId, CidrBlock: '10.1.0.0/24' })).message).toMatch(/^The CIDR '10.1.0.0\/24' is invalid\./);
		expect(providerError(() => p('AWS::EC2::Subnet').create(h.ctx('S4'), { VpcId: 'vpc-0000', CidrBlock: '10.0.2.0/24' })).message).toMatch(/^The vpc ID 'vpc-0000' does not exist/);

		const sg = p('AWS::EC2::SecurityGroup').create(h.ctx('WebSg'), { GroupDescription: 'web', VpcId: vpc.physicalId });
		expect(sg.physicalId).toMatch(/^sg-[0-9a-f]{17}$/);
		expect(sg.attributes).toEqual({ GroupId: sg.physicalId, Id: sg.physicalId, VpcId: vpc.physicalId, GroupName: expect.stringMatching(/^lab-stack-WebSg-[A-Za-z0-9]{12}$/) });

		const e = providerError(() => p('AWS::EC2::VPC').delete(h.ctx('Vpc'), vpc.physicalId, {}));
		expect(e.message).toMatch(new RegExp(`^The vpc '${vpc.physicalId}' has dependencies and cannot be deleted\\.`));
		p('AWS::EC2::SecurityGroup').delete(h.ctx('WebSg'), sg.physicalId, {});
		p('AWS::EC2::Subnet').delete(h.ctx('Subnet'), subnet.physicalId, {});
		p('AWS::EC2::VPC').delete(h.ctx('Vpc'), vpc.physicalId, {});
		expect(p('AWS::EC2::VPC').read?.(h.ctx('Vpc'), vpc.physicalId, {})).toBeUndefined();
	});

	it('a VPC is /16 to /28', () => {
		expect(providerError(() => p('AWS::EC2::VPC').create(harness().ctx('Vpc'), { CidrBlock: '10.0.0.0/8' })).message).toMatch(/^The CIDR '10.0.0.0\/8' is invalid\./);
	});
});

describe('SNS and SQS', () => {
	it('topic Ref is the ARN; queue Ref is the URL', () => {
		const h = harness();
		expect(p('AWS::SNS::Topic').create(h.ctx('Alerts'), { TopicName: 'scan-findings' })).toEqual({
			physicalId: `arn:aws:sns:${REGION}:${ACCOUNT}:scan-findings`,
			attributes: { TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:scan-findings`, TopicName: 'scan-findings' }
		});
		expect(p('AWS::SNS::Topic').create(h.ctx('Fifo'), { FifoTopic: true }).physicalId).toMatch(/-[A-Za-z0-9]{12}\.fifo$/);
		expect(p('AWS::SQS::Queue').create(h.ctx('Jobs'), { QueueName: 'jobs' })).toEqual({
			physicalId: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/jobs`,
			attributes: { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/jobs`, QueueName: 'jobs', Arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs` }
		});
	});

	it('a queue name cannot be reused for 60 seconds after its queue is deleted', () => {
		const h = harness();
		const sqs = p('AWS::SQS::Queue');
		const q = sqs.create(h.ctx('Jobs'), { QueueName: 'jobs' });
		sqs.delete(h.ctx('Jobs'), q.physicalId, {});
		expect(sqs.read?.(h.ctx('Jobs'), q.physicalId, {})).toBeUndefined();
		const e = providerError(() => sqs.create(h.ctx('Jobs'), { QueueName: 'jobs' }));
		expect(e.message).toMatch(/^You must wait 60 seconds after deleting a queue before you can create another with the same name\./);
		h.world.advanceBy(60_000);
		expect(sqs.create(h.ctx('Jobs'), { QueueName: 'jobs' }).physicalId).toBe(q.physicalId);
		expect(providerError(() => sqs.create(h.ctx('Jobs'), { QueueName: 'jobs', DelaySeconds: 901 })).handlerErrorCode).toBe('InvalidRequest');
	});
});

describe('AWS::Lambda::Function', () => {
	it('Ref is the name; the role must exist and trust Lambda', () => {
		const h = harness();
		const iam = h.world.iam(rootCaller());
		iam.call('CreateRole', { RoleName: 'fn', AssumeRolePolicyDocument: JSON.stringify(trustPolicy('lambda.amazonaws.com')) });
		iam.call('CreateRole', { RoleName: 'ec2', AssumeRolePolicyDocument: JSON.stringify(trustPolicy('ec2.amazonaws.com')) });
		const lambda = p('AWS::Lambda::Function');
		const base = { Runtime: 'python3.12', Handler: 'index.handler', Code: { ZipFile: 'def handler(e, c): pass' } };
		const out = lambda.create(h.ctx('Fn'), { ...base, FunctionName: 'notify', Role: `arn:aws:iam::${ACCOUNT}:role/fn` });
		expect(out).toEqual({
			physicalId: 'notify',
			attributes: { Arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:notify`, SnapStartResponse: { ApplyOn: 'None', OptimizationStatus: 'Off' } }
		});
		for (const role of ['ec2', 'missing']) {
			const e = providerError(() => lambda.create(h.ctx('Fn2'), { ...base, Role: `arn:aws:iam::${ACCOUNT}:role/${role}` }));
			expect(e.message).toMatch(/^The role defined for the function cannot be assumed by Lambda\. \(Service: Lambda, Status Code: 400/);
		}
		expect(lambda.read?.(h.ctx('Fn'), 'notify', {})).not.toHaveProperty('Code');
	});
});

describe('AWS::EKS::Cluster', () => {
	it('takes about ten minutes; attributes in EKS formats; subnets must span two zones', () => {
		const h = harness();
		const eks = p('AWS::EKS::Cluster');
		expect(eks.durations.create).toBeGreaterThanOrEqual(9 * 60_000);
		const vpc = p('AWS::EC2::VPC').create(h.ctx('Vpc'), { CidrBlock: '10.0.0.0/16' }).physicalId;
		const a = p('AWS::EC2::Subnet').create(h.ctx('A'), { VpcId: vpc, CidrBlock: '10.0.0.0/24', AvailabilityZone: `${REGION}a` }).physicalId;
		const b = p('AWS::EC2::Subnet').create(h.ctx('B'), { VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: `${REGION}b` }).physicalId;
		const role = `arn:aws:iam::${ACCOUNT}:role/eks`;
		expect(providerError(() => eks.create(h.ctx('Eks'), { RoleArn: role, ResourcesVpcConfig: { SubnetIds: [a] } })).message).toBe('Subnets specified must be in at least two different AZs');
		const out = eks.create(h.ctx('Eks'), { Name: 'lab', RoleArn: role, ResourcesVpcConfig: { SubnetIds: [a, b] } });
		expect(out.physicalId).toBe('lab');
		expect(out.attributes).toMatchObject({
			Arn: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/lab`,
			Endpoint: expect.stringMatching(new RegExp(`^https://[0-9A-F]{32}\\.gr7\\.${REGION}\\.eks\\.amazonaws\\.com$`)),
			OpenIdConnectIssuerUrl: expect.stringMatching(new RegExp(`^https://oidc\\.eks\\.${REGION}\\.amazonaws\\.com/id/[0-9A-F]{32}$`)),
			ClusterSecurityGroupId: expect.stringMatching(/^sg-[0-9a-f]{17}$/)
		});
	});
});

describe('AWS::CloudFormation::WaitConditionHandle', () => {
	it('Ref is a presigned S3 URL for the signal; no drift', () => {
		const h = harness();
		const handle = p('AWS::CloudFormation::WaitConditionHandle');
		const out = handle.create(h.ctx('WaitHandle'), {});
		expect(out.physicalId).toMatch(new RegExp(`^https://cloudformation-waitcondition-${REGION}\\.s3\\.amazonaws\\.com/arn%3Aaws%3Acloudformation%3A${REGION}%3A${ACCOUNT}%3Astack%2Flab-stack%2F[0-9a-f-]+/WaitHandle\\?X-Amz-Algorithm=AWS4-HMAC-SHA256&`));
		expect(out.attributes).toEqual({ Id: out.physicalId });
		expect(handle.update(h.ctx('WaitHandle'), out.physicalId, {}, {}).physicalId).toBe(out.physicalId);
		expect(handle.read).toBeUndefined();
	});
});
