// @aws-sdk/client-cloudformation against the protocol in process: every operation the
// CloudFormation engine supports answers through the real SDK (awsQuery: form-encoded input, XML
// output) exactly what the engine answers when called directly (twin worlds, same clock), and each
// CloudFormation exception the engine raises reaches the SDK with its name, message and status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudFormationOperations } from '../../src/lib/engines/cloudformation/api';
import { LEARNER_ACCOUNT } from '../../src/lib/engines/world-constants';
import { CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, DescribeStacksCommand, type StackEvent } from '@aws-sdk/client-cloudformation';
import { clients, freshWorld, REGION, Twins } from './harness';

const twins = new Twins();
const HOUR = 3600_000;

const repoTemplate = (mutability: string, extra: Record<string, unknown> = {}) =>
	JSON.stringify({
		AWSTemplateFormatVersion: '2010-09-09',
		Description: 'A repository and its exported ARN',
		Parameters: { Env: { Type: 'String', Default: 'dev', AllowedValues: ['dev', 'prod'], Description: 'Environment' } },
		Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: { 'Fn::Sub': 'app-${Env}' }, ImageTagMutability: mutability } }, ...extra },
		Outputs: { RepoArn: { Value: { 'Fn::GetAtt': ['Repo', 'Arn'] }, Export: { Name: 'app-repo-arn' } } }
	});

const consumerTemplate = JSON.stringify({
	Resources: { Mirror: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'mirror', Tags: [{ Key: 'source', Value: { 'Fn::ImportValue': 'app-repo-arn' } }] } } }
});

/** A resource that fails on create, through the simulator's template-visible fault metadata. */
const failing = (when: 'OnCreate' | 'OnUpdate', message: string, dependsOn?: string) => ({
	Type: 'AWS::ECR::Repository',
	...(dependsOn ? { DependsOn: dependsOn } : {}),
	Metadata: { 'Simulator::Fault': { [when]: message } },
	Properties: {}
});

const adminRole = 'AWSCloudFormationStackSetAdministrationRole';
const execRole = 'AWSCloudFormationStackSetExecutionRole';
const policyDoc = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

async function stackStatus(name: string): Promise<string | undefined> {
	const out = await twins.call('cloudformation', 'DescribeStacks', { StackName: name });
	return (out.Stacks as { StackStatus?: string }[] | undefined)?.[0]?.StackStatus;
}

describe('CloudFormation through @aws-sdk/client-cloudformation', () => {
	beforeAll(async () => {
		await twins.ready();
	});

	it('templates, stack creation and the reads', async () => {
		await twins.call('cloudformation', 'ValidateTemplate', { TemplateBody: repoTemplate('MUTABLE') });
		await twins.call('cloudformation', 'GetTemplateSummary', { TemplateBody: repoTemplate('MUTABLE') });
		await twins.call('cloudformation', 'CreateStack', {
			StackName: 'app',
			TemplateBody: repoTemplate('MUTABLE'),
			Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }],
			Tags: [{ Key: 'team', Value: 'blue' }],
			TimeoutInMinutes: 30,
			ClientRequestToken: 'create-app-1'
		});
		await twins.call('cloudformation', 'DescribeStacks', { StackName: 'app' });
		await twins.call('cloudformation', 'DescribeStackEvents', { StackName: 'app' });
		twins.advanceBy(HOUR);
		expect(await stackStatus('app')).toBe('CREATE_COMPLETE');
		await twins.call('cloudformation', 'DescribeStacks', {});
		await twins.call('cloudformation', 'DescribeStackEvents', { StackName: 'app' });
		await twins.call('cloudformation', 'DescribeStackResource', { StackName: 'app', LogicalResourceId: 'Repo' });
		await twins.call('cloudformation', 'DescribeStackResources', { StackName: 'app' });
		await twins.call('cloudformation', 'ListStackResources', { StackName: 'app' });
		await twins.call('cloudformation', 'ListStacks', {});
		await twins.call('cloudformation', 'ListStacks', { StackStatusFilter: ['CREATE_COMPLETE', 'UPDATE_COMPLETE'] });
		await twins.call('cloudformation', 'GetTemplate', { StackName: 'app' });
		await twins.call('cloudformation', 'GetTemplateSummary', { StackName: 'app' });
		await twins.call('cloudformation', 'ListExports', {});
		await twins.call('cloudformation', 'CreateStack', { StackName: 'consumer', TemplateBody: consumerTemplate });
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'ListImports', { ExportName: 'app-repo-arn' });
	});

	it('termination protection and stack policies', async () => {
		await twins.call('cloudformation', 'UpdateTerminationProtection', { StackName: 'app', EnableTerminationProtection: true });
		await twins.call('cloudformation', 'UpdateTerminationProtection', { StackName: 'app', EnableTerminationProtection: false });
		const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: '*' }] });
		await twins.call('cloudformation', 'SetStackPolicy', { StackName: 'app', StackPolicyBody: policy });
		await twins.call('cloudformation', 'GetStackPolicy', { StackName: 'app' });
	});

	it('drift detection', async () => {
		const { StackDriftDetectionId } = await twins.call('cloudformation', 'DetectStackDrift', { StackName: 'app' });
		await twins.call('cloudformation', 'DescribeStackDriftDetectionStatus', { StackDriftDetectionId });
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'DescribeStackDriftDetectionStatus', { StackDriftDetectionId });
		await twins.call('cloudformation', 'DescribeStackResourceDrifts', { StackName: 'app' });
		await twins.call('cloudformation', 'DetectStackResourceDrift', { StackName: 'app', LogicalResourceId: 'Repo' });
	});

	it('change sets', async () => {
		await twins.call('cloudformation', 'CreateChangeSet', {
			StackName: 'app',
			ChangeSetName: 'immutable',
			TemplateBody: repoTemplate('IMMUTABLE'),
			Parameters: [{ ParameterKey: 'Env', UsePreviousValue: true }],
			Description: 'make tags immutable'
		});
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'DescribeChangeSet', { StackName: 'app', ChangeSetName: 'immutable' });
		await twins.call('cloudformation', 'ListChangeSets', { StackName: 'app' });
		await twins.call('cloudformation', 'ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'immutable' });
		twins.advanceBy(HOUR);
		expect(await stackStatus('app')).toBe('UPDATE_COMPLETE');
		await twins.call('cloudformation', 'CreateChangeSet', { StackName: 'app', ChangeSetName: 'back', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] });
		await twins.call('cloudformation', 'DeleteChangeSet', { StackName: 'app', ChangeSetName: 'back' });
	});

	it('updates, cancel, rollback and continue-rollback', async () => {
		await twins.call('cloudformation', 'UpdateStack', { StackName: 'app', TemplateBody: repoTemplate('MUTABLE'), Parameters: [{ ParameterKey: 'Env', UsePreviousValue: true }] });
		await twins.call('cloudformation', 'CancelUpdateStack', { StackName: 'app' });
		twins.advanceBy(HOUR);
		expect(await stackStatus('app')).toBe('UPDATE_ROLLBACK_COMPLETE');

		// UPDATE_ROLLBACK_FAILED: the repository updates, a new resource fails, and putting the
		// repository back fails too (a world fault injected once the new resource has started).
		await twins.call('cloudformation', 'UpdateStack', {
			StackName: 'app',
			TemplateBody: repoTemplate('MUTABLE', { Broken: failing('OnCreate', 'Quota exceeded', 'Repo') }),
			Parameters: [{ ParameterKey: 'Env', UsePreviousValue: true }]
		});
		const direct = twins.direct.cloudformation({ arn: `arn:aws:iam::${LEARNER_ACCOUNT}:root`, accountId: LEARNER_ACCOUNT }, REGION);
		for (let i = 0; i < 600; i++) {
			const resources = direct.call('ListStackResources', { StackName: 'app' }).StackResourceSummaries ?? [];
			if (resources.some((r) => r.LogicalResourceId === 'Broken')) break;
			twins.advanceBy(1_000);
		}
		for (const world of [twins.viaSdk, twins.direct]) world.injectResourceFault(LEARNER_ACCOUNT, REGION, { operation: 'update', logicalId: 'Repo', stackName: 'app', message: 'The repository is locked' });
		twins.advanceBy(HOUR);
		expect(await stackStatus('app')).toBe('UPDATE_ROLLBACK_FAILED');
		for (const world of [twins.viaSdk, twins.direct]) world.clearResourceFaults(LEARNER_ACCOUNT, REGION);
		await twins.call('cloudformation', 'ContinueUpdateRollback', { StackName: 'app' });
		twins.advanceBy(HOUR);
		expect(await stackStatus('app')).toBe('UPDATE_ROLLBACK_COMPLETE');

		// CREATE_FAILED with rollback disabled, then RollbackStack.
		await twins.call('cloudformation', 'CreateStack', { StackName: 'halted', DisableRollback: true, TemplateBody: JSON.stringify({ Resources: { Bad: failing('OnCreate', 'Repository quota reached') } }) });
		twins.advanceBy(HOUR);
		expect(await stackStatus('halted')).toBe('CREATE_FAILED');
		await twins.call('cloudformation', 'RollbackStack', { StackName: 'halted' });
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'DescribeStackEvents', { StackName: 'halted' });
	});

	it('stack sets', async () => {
		await twins.call('iam', 'CreateRole', {
			RoleName: adminRole,
			AssumeRolePolicyDocument: policyDoc({ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' })
		});
		await twins.call('iam', 'PutRolePolicy', { RoleName: adminRole, PolicyName: 'AssumeExecution', PolicyDocument: policyDoc({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [`arn:aws:iam::*:role/${execRole}`] }) });
		await twins.call('iam', 'CreateRole', {
			RoleName: execRole,
			AssumeRolePolicyDocument: policyDoc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${LEARNER_ACCOUNT}:root` }, Action: 'sts:AssumeRole' })
		});
		await twins.call('iam', 'PutRolePolicy', { RoleName: execRole, PolicyName: 'AdministratorAccess', PolicyDocument: policyDoc({ Effect: 'Allow', Action: '*', Resource: '*' }) });
		await twins.call('iam', 'GetRole', { RoleName: execRole });
		await twins.call('iam', 'ListRoles', {});

		const template = JSON.stringify({
			Parameters: { Env: { Type: 'String', Default: 'dev' } },
			Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: { 'Fn::Sub': 'set-${Env}' } } } }
		});
		await twins.call('cloudformation', 'CreateStackSet', { StackSetName: 'repos', TemplateBody: template, ClientRequestToken: 'create-repos-1', Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] });
		await twins.call('cloudformation', 'DescribeStackSet', { StackSetName: 'repos' });
		await twins.call('cloudformation', 'ListStackSets', {});
		await twins.call('cloudformation', 'CreateStackInstances', { StackSetName: 'repos', Accounts: [LEARNER_ACCOUNT], Regions: ['us-east-1', 'eu-west-1'], OperationId: 'op-create-1' });
		await twins.call('cloudformation', 'DescribeStackSetOperation', { StackSetName: 'repos', OperationId: 'op-create-1' });
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'ListStackSetOperations', { StackSetName: 'repos' });
		await twins.call('cloudformation', 'ListStackSetOperationResults', { StackSetName: 'repos', OperationId: 'op-create-1' });
		await twins.call('cloudformation', 'ListStackInstances', { StackSetName: 'repos' });
		await twins.call('cloudformation', 'DescribeStackInstance', { StackSetName: 'repos', StackInstanceAccount: LEARNER_ACCOUNT, StackInstanceRegion: 'eu-west-1' });
		await twins.call('cloudformation', 'UpdateStackSet', { StackSetName: 'repos', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Env', ParameterValue: 'dev' }], OperationId: 'op-update-1' });
		await twins.call('cloudformation', 'StopStackSetOperation', { StackSetName: 'repos', OperationId: 'op-update-1' });
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'UpdateStackInstances', { StackSetName: 'repos', Accounts: [LEARNER_ACCOUNT], Regions: ['eu-west-1'], ParameterOverrides: [{ ParameterKey: 'Env', ParameterValue: 'prod' }], OperationId: 'op-instances-1' });
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'DescribeStackSetOperation', { StackSetName: 'repos', OperationId: 'op-instances-1' });
		await twins.call('cloudformation', 'DeleteStackInstances', { StackSetName: 'repos', Accounts: [LEARNER_ACCOUNT], Regions: ['us-east-1', 'eu-west-1'], RetainStacks: false, OperationId: 'op-delete-1' });
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'DeleteStackSet', { StackSetName: 'repos' });
	});

	it('deleting stacks', async () => {
		await twins.call('cloudformation', 'DeleteStack', { StackName: 'consumer' });
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'DeleteStack', { StackName: 'app' });
		await twins.call('cloudformation', 'DescribeStackEvents', { StackName: 'app' });
		twins.advanceBy(HOUR);
		await twins.call('cloudformation', 'ListStacks', {});
	});

	it('each CloudFormation exception the engine raises reaches the SDK with its name, message and status', async () => {
		const fail = (op: string, input: object, code: string) => twins.fail('cloudformation', op, input, code);
		await fail('DescribeStacks', { StackName: 'missing' }, 'ValidationError');
		await fail('CreateStack', { StackName: 'bad', TemplateBody: '{"Resources": {}}' }, 'ValidationError');
		await fail('ValidateTemplate', { TemplateBody: 'Resources: [' }, 'ValidationError');
		await twins.call('cloudformation', 'CreateStack', { StackName: 'dup', TemplateBody: repoTemplate('MUTABLE') });
		await fail('CreateStack', { StackName: 'dup', TemplateBody: repoTemplate('MUTABLE') }, 'AlreadyExistsException');
		twins.advanceBy(HOUR);
		const withRole = JSON.stringify({ Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: policyDoc({ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }) } } } });
		await fail('CreateStack', { StackName: 'needs-iam', TemplateBody: withRole }, 'InsufficientCapabilitiesException');
		await fail('DescribeChangeSet', { StackName: 'dup', ChangeSetName: 'missing' }, 'ChangeSetNotFoundException');
		await twins.call('cloudformation', 'CreateChangeSet', { StackName: 'dup', ChangeSetName: 'early', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] });
		await fail('ExecuteChangeSet', { StackName: 'dup', ChangeSetName: 'early' }, 'InvalidChangeSetStatusException');
		await fail('DescribeStackSet', { StackSetName: 'missing' }, 'StackSetNotFoundException');
		await twins.call('cloudformation', 'CreateStackSet', { StackSetName: 'busy', TemplateBody: repoTemplate('MUTABLE'), ClientRequestToken: 'busy-1' });
		await fail('CreateStackSet', { StackSetName: 'busy', TemplateBody: repoTemplate('MUTABLE'), ClientRequestToken: 'busy-2' }, 'NameAlreadyExistsException');
		await fail('DescribeStackSetOperation', { StackSetName: 'busy', OperationId: 'never' }, 'OperationNotFoundException');
		await fail('DescribeStackInstance', { StackSetName: 'busy', StackInstanceAccount: LEARNER_ACCOUNT, StackInstanceRegion: 'us-west-2' }, 'StackInstanceNotFoundException');
		await twins.call('cloudformation', 'CreateStackInstances', { StackSetName: 'busy', Accounts: [LEARNER_ACCOUNT], Regions: ['us-west-2'], OperationId: 'busy-op-1' });
		await fail('CreateStackInstances', { StackSetName: 'busy', Accounts: [LEARNER_ACCOUNT], Regions: ['eu-west-1'], OperationId: 'busy-op-2' }, 'OperationInProgressException');
		twins.advanceBy(HOUR);
		// An OperationId is an idempotency token: the same id for another action is refused.
		await fail('DeleteStackInstances', { StackSetName: 'busy', Accounts: [LEARNER_ACCOUNT], Regions: ['us-west-2'], RetainStacks: true, OperationId: 'busy-op-1' }, 'OperationIdAlreadyExistsException');
		await fail('DeleteStackSet', { StackSetName: 'busy' }, 'StackSetNotEmptyException');
	});

	afterAll(() => {
		expect([...(twins.succeeded.get('cloudformation') ?? [])].sort()).toEqual(Object.keys(cloudFormationOperations).sort());
	});
});

describe('create-stack, describe-stack-events, delete-stack through the SDK as the clock moves', () => {
	it('reports each step as AWS does, newest event first, with the virtual time', async () => {
		const world = freshWorld();
		await world.cloudformationReady();
		const { cloudformation } = clients(world);
		const created = await cloudformation.send(new CreateStackCommand({ StackName: 'web', TemplateBody: repoTemplate('MUTABLE') }));
		expect(created.StackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/web\/[0-9a-f-]{36}$/);
		const statuses = async () => ((await cloudformation.send(new DescribeStackEventsCommand({ StackName: 'web' }))).StackEvents ?? []).map((e: StackEvent) => `${e.LogicalResourceId} ${e.ResourceStatus}`);
		expect((await statuses()).at(-1)).toBe('web CREATE_IN_PROGRESS');
		world.advanceBy(1_000);
		const early = (await cloudformation.send(new DescribeStacksCommand({ StackName: 'web' }))).Stacks?.[0];
		expect(early?.StackStatus).toBe('CREATE_IN_PROGRESS');
		world.advanceBy(HOUR);
		const events = (await cloudformation.send(new DescribeStackEventsCommand({ StackName: 'web' }))).StackEvents ?? [];
		expect(events[0]).toMatchObject({ LogicalResourceId: 'web', ResourceStatus: 'CREATE_COMPLETE', ResourceType: 'AWS::CloudFormation::Stack', StackName: 'web' });
		expect(events.map((e) => `${e.LogicalResourceId} ${e.ResourceStatus}`)).toContain('Repo CREATE_COMPLETE');
		// Timestamps come back as Dates on the virtual clock, newest first.
		const times = events.map((e) => e.Timestamp?.getTime() ?? NaN);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(events.at(-1)?.Timestamp).toEqual(new Date('2026-11-23T10:00:00.000Z'));
		await cloudformation.send(new DeleteStackCommand({ StackName: 'web' }));
		world.advanceBy(HOUR);
		const after = (await cloudformation.send(new DescribeStackEventsCommand({ StackName: created.StackId }))).StackEvents ?? [];
		expect(after[0]).toMatchObject({ LogicalResourceId: 'web', ResourceStatus: 'DELETE_COMPLETE' });
		expect((await cloudformation.send(new DescribeStacksCommand({}))).Stacks).toEqual([]);
	});
});
