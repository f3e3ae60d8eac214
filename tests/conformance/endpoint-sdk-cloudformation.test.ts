// @aws-sdk/client-cloudformation against the local endpoint over real HTTP (awsQuery: form-encoded
// requests, XML answers, through the SDK's default Node HTTP handler), with the frozen clock moved
// through /_sandbox/clock: validate, create a stack and watch it finish, read its outputs, events,
// resources and template, change sets, drift detection, exports, paging, delete, and the
// exceptions, each with the name, message and HTTP status the SDK shows. Several answers are
// compared field by field with the engine's answer on the endpoint's world restored from
// /_sandbox/snapshot (EndpointSession.sameAsEngine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	AlreadyExistsException,
	ChangeSetNotFoundException,
	CreateChangeSetCommand,
	CreateStackCommand,
	DeleteStackCommand,
	DescribeChangeSetCommand,
	DescribeStackDriftDetectionStatusCommand,
	DescribeStackEventsCommand,
	DescribeStackResourceDriftsCommand,
	DescribeStacksCommand,
	DetectStackDriftCommand,
	ExecuteChangeSetCommand,
	GetTemplateCommand,
	InsufficientCapabilitiesException,
	ListExportsCommand,
	ValidateTemplateCommand,
	paginateDescribeStackEvents,
	paginateListStackResources,
	type StackEvent
} from '@aws-sdk/client-cloudformation';
import { DescribeRepositoriesCommand, PutImageTagMutabilityCommand } from '@aws-sdk/client-ecr';
import { EndpointSession, shown, type SdkError } from './endpoint-clients';
import { rejection } from './harness';

const T0 = '2026-11-23T10:00:00.000Z';
const ACCOUNT = '123456789012';
const REPO_ARN = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/app-prod`;
const HOUR_S = 3600;

const repoTemplate = (mutability: 'MUTABLE' | 'IMMUTABLE') =>
	JSON.stringify({
		AWSTemplateFormatVersion: '2010-09-09',
		Description: 'A repository and its exported ARN',
		Parameters: { Env: { Type: 'String', Default: 'dev', AllowedValues: ['dev', 'prod'], Description: 'Environment' } },
		Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: { 'Fn::Sub': 'app-${Env}' }, ImageTagMutability: mutability } } },
		Outputs: { RepoArn: { Description: 'The repository ARN', Value: { 'Fn::GetAtt': ['Repo', 'Arn'] }, Export: { Name: 'app-repo-arn' } } }
	});

const unresolvedTemplate = JSON.stringify({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: { Ref: 'Missing' } } } } });

const roleTemplate = JSON.stringify({
	Resources: {
		Role: {
			Type: 'AWS::IAM::Role',
			Properties: {
				AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }
			}
		}
	}
});

/** Many light resources: enough events (3 per resource, as AWS writes them, + 2 for the stack) and resources to need more than one page of 100. */
const HANDLES = 110;
const manyTemplate = JSON.stringify({
	Resources: Object.fromEntries(Array.from({ length: HANDLES }, (_, i) => [`Handle${String(i).padStart(3, '0')}`, { Type: 'AWS::CloudFormation::WaitConditionHandle' }]))
});

const failure = async (p: Promise<unknown>) => shown((await rejection(p)) as SdkError);

describe('CloudFormation over HTTP: @aws-sdk/client-cloudformation against the local endpoint', () => {
	let s: EndpointSession;
	let stackId = '';

	beforeAll(async () => {
		s = await EndpointSession.start(T0);
	});
	afterAll(async () => {
		await s?.close();
	});

	it('validates a template, and refuses one with an unresolved dependency with a ValidationError', async () => {
		const ok = await s.sameAsEngine('cloudformation', 'ValidateTemplate', { TemplateBody: repoTemplate('MUTABLE') });
		expect(ok).toMatchObject({
			Description: 'A repository and its exported ARN',
			Parameters: [{ ParameterKey: 'Env', DefaultValue: 'dev', NoEcho: false, Description: 'Environment' }]
		});
		const typed = await s.cloudformation.send(new ValidateTemplateCommand({ TemplateBody: repoTemplate('MUTABLE') }));
		expect(typed.Parameters).toEqual(ok.Parameters);

		const bad = await s.sameErrorAsEngine('cloudformation', 'ValidateTemplate', { TemplateBody: unresolvedTemplate });
		expect(bad).toEqual({ name: 'ValidationError', message: 'Template format error: Unresolved resource dependencies [Missing] in the Resources block of the template', status: 400 });
	});

	it('creates a stack, which finishes once the clock moves; DescribeStacks shows its outputs', async () => {
		const created = await s.sameAsEngine('cloudformation', 'CreateStack', {
			StackName: 'app',
			TemplateBody: repoTemplate('MUTABLE'),
			Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }],
			Tags: [{ Key: 'team', Value: 'blue' }]
		});
		stackId = String(created.StackId);
		expect(stackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/app\/[0-9a-f-]{36}$/);
		const early = (await s.cloudformation.send(new DescribeStacksCommand({ StackName: 'app' }))).Stacks?.[0];
		expect(early?.StackStatus).toBe('CREATE_IN_PROGRESS');

		const moved = await s.advance(HOUR_S);
		expect(moved.now).toBe('2026-11-23T11:00:00.000Z');
		expect(moved.events).toEqual([expect.objectContaining({ kind: 'stack-operation-complete', stackId, stackName: 'app', status: 'CREATE_COMPLETE' })]);
		const described = await s.sameAsEngine('cloudformation', 'DescribeStacks', { StackName: 'app' });
		const [stack] = (await s.cloudformation.send(new DescribeStacksCommand({ StackName: 'app' }))).Stacks ?? [];
		expect(described.Stacks).toEqual([stack]);
		expect(stack).toMatchObject({
			StackId: stackId,
			StackName: 'app',
			StackStatus: 'CREATE_COMPLETE',
			CreationTime: new Date(T0),
			Description: 'A repository and its exported ARN',
			Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }],
			Tags: [{ Key: 'team', Value: 'blue' }],
			Outputs: [{ OutputKey: 'RepoArn', OutputValue: REPO_ARN, Description: 'The repository ARN', ExportName: 'app-repo-arn' }]
		});
		// The stack made a real repository in the same world.
		const repos = await s.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['app-prod'] }));
		expect(repos.repositories?.[0]).toMatchObject({ repositoryArn: REPO_ARN, imageTagMutability: 'MUTABLE' });
	});

	it('lists its events newest first on the virtual clock, its resources, its template and its export', async () => {
		const events = await s.sameAsEngine('cloudformation', 'DescribeStackEvents', { StackName: 'app' });
		const list = events.StackEvents as StackEvent[];
		expect(list.map((e) => `${e.LogicalResourceId} ${e.ResourceStatus}`)).toEqual(['app CREATE_COMPLETE', 'Repo CREATE_COMPLETE', 'Repo CREATE_IN_PROGRESS', 'Repo CREATE_IN_PROGRESS', 'app CREATE_IN_PROGRESS']);
		const times = list.map((e) => e.Timestamp?.getTime() ?? NaN);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(list.at(-1)).toMatchObject({ StackId: stackId, StackName: 'app', ResourceType: 'AWS::CloudFormation::Stack', Timestamp: new Date(T0), ResourceStatusReason: 'User Initiated' });
		expect(list[0]?.Timestamp?.getTime()).toBeLessThanOrEqual(Date.parse('2026-11-23T11:00:00.000Z'));
		expect(events.NextToken).toBeUndefined();

		const resources = await s.sameAsEngine('cloudformation', 'ListStackResources', { StackName: 'app' });
		expect(resources.StackResourceSummaries).toEqual([
			expect.objectContaining({ LogicalResourceId: 'Repo', PhysicalResourceId: 'app-prod', ResourceType: 'AWS::ECR::Repository', ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: expect.any(Date) })
		]);

		const template = await s.cloudformation.send(new GetTemplateCommand({ StackName: 'app' }));
		expect(template.TemplateBody).toBe(repoTemplate('MUTABLE'));
		expect(template.StagesAvailable).toEqual(expect.arrayContaining(['Original', 'Processed']));
		await s.sameAsEngine('cloudformation', 'GetTemplate', { StackName: 'app' });

		const exports = await s.sameAsEngine('cloudformation', 'ListExports', {});
		expect(exports.Exports).toEqual([{ ExportingStackId: stackId, Name: 'app-repo-arn', Value: REPO_ARN }]);
		expect((await s.cloudformation.send(new ListExportsCommand({}))).Exports).toEqual(exports.Exports);
	});

	it('creates, describes and executes a change set; the update reaches the repository', async () => {
		const created = await s.cloudformation.send(
			new CreateChangeSetCommand({
				StackName: 'app',
				ChangeSetName: 'immutable',
				TemplateBody: repoTemplate('IMMUTABLE'),
				Parameters: [{ ParameterKey: 'Env', UsePreviousValue: true }],
				Description: 'make tags immutable'
			})
		);
		expect(created.StackId).toBe(stackId);
		expect(created.Id).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:changeSet\/immutable\/[0-9a-f-]{36}$/);
		await s.advance(60);
		const described = await s.sameAsEngine('cloudformation', 'DescribeChangeSet', { StackName: 'app', ChangeSetName: 'immutable' });
		expect(described).toMatchObject({
			ChangeSetName: 'immutable',
			ChangeSetId: created.Id,
			StackId: stackId,
			StackName: 'app',
			Description: 'make tags immutable',
			Status: 'CREATE_COMPLETE',
			ExecutionStatus: 'AVAILABLE',
			Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }],
			Changes: [
				{
					Type: 'Resource',
					ResourceChange: expect.objectContaining({ Action: 'Modify', LogicalResourceId: 'Repo', PhysicalResourceId: 'app-prod', ResourceType: 'AWS::ECR::Repository', Replacement: 'False' })
				}
			]
		});
		const byArn = await s.cloudformation.send(new DescribeChangeSetCommand({ ChangeSetName: created.Id }));
		expect(byArn.Changes).toEqual(described.Changes);

		const executed = await s.cloudformation.send(new ExecuteChangeSetCommand({ StackName: 'app', ChangeSetName: 'immutable' }));
		expect(executed.$metadata.httpStatusCode).toBe(200);
		await s.advance(HOUR_S);
		const [stack] = (await s.cloudformation.send(new DescribeStacksCommand({ StackName: 'app' }))).Stacks ?? [];
		expect(stack?.StackStatus).toBe('UPDATE_COMPLETE');
		expect(stack?.LastUpdatedTime).toEqual(new Date('2026-11-23T11:01:00.000Z'));
		const repos = await s.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['app-prod'] }));
		expect(repos.repositories?.[0]?.imageTagMutability).toBe('IMMUTABLE');
	});

	it('detects drift made through the ECR API, once the clock moves', async () => {
		await s.ecr.send(new PutImageTagMutabilityCommand({ repositoryName: 'app-prod', imageTagMutability: 'MUTABLE' }));
		const { StackDriftDetectionId } = await s.cloudformation.send(new DetectStackDriftCommand({ StackName: 'app' }));
		expect(StackDriftDetectionId).toEqual(expect.any(String));
		const running = await s.cloudformation.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }));
		expect(running).toMatchObject({ StackId: stackId, DetectionStatus: 'DETECTION_IN_PROGRESS' });
		await s.advance(HOUR_S);
		const done = await s.sameAsEngine('cloudformation', 'DescribeStackDriftDetectionStatus', { StackDriftDetectionId });
		expect(done).toMatchObject({ StackId: stackId, StackDriftDetectionId, DetectionStatus: 'DETECTION_COMPLETE', StackDriftStatus: 'DRIFTED', DriftedStackResourceCount: 1, Timestamp: expect.any(Date) });
		const drifts = await s.cloudformation.send(new DescribeStackResourceDriftsCommand({ StackName: 'app' }));
		expect(drifts.StackResourceDrifts?.map((d) => [d.LogicalResourceId, d.StackResourceDriftStatus, d.PropertyDifferences?.map((p) => [p.PropertyPath, p.ExpectedValue, p.ActualValue])])).toEqual([
			['Repo', 'MODIFIED', [['/ImageTagMutability', 'IMMUTABLE', 'MUTABLE']]]
		]);
	});

	it('pages DescribeStackEvents and ListStackResources with NextToken, by hand and with the SDK paginators', async () => {
		await s.cloudformation.send(new CreateStackCommand({ StackName: 'many', TemplateBody: manyTemplate }));
		await s.advance(HOUR_S);
		expect((await s.cloudformation.send(new DescribeStacksCommand({ StackName: 'many' }))).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');

		const first = await s.sameAsEngine('cloudformation', 'DescribeStackEvents', { StackName: 'many' });
		expect((first.StackEvents as StackEvent[]).length).toBe(100);
		expect(first.NextToken).toEqual(expect.any(String));
		const second = await s.sameAsEngine('cloudformation', 'DescribeStackEvents', { StackName: 'many', NextToken: first.NextToken });
		expect(second.NextToken).toEqual(expect.any(String));

		const pages: StackEvent[][] = [];
		for await (const page of paginateDescribeStackEvents({ client: s.cloudformation }, { StackName: 'many' })) pages.push(page.StackEvents ?? []);
		expect(pages.map((p) => p.length)).toEqual([100, 100, 100, 3 * HANDLES + 2 - 300]);
		const all = pages.flat();
		expect(all[0]).toMatchObject({ LogicalResourceId: 'many', ResourceStatus: 'CREATE_COMPLETE' });
		expect(all.at(-1)).toMatchObject({ LogicalResourceId: 'many', ResourceStatus: 'CREATE_IN_PROGRESS', Timestamp: expect.any(Date) });
		const times = all.map((e) => e.Timestamp?.getTime() ?? NaN);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(new Set(all.map((e) => e.EventId)).size).toBe(all.length);
		expect(pages[1]).toEqual(second.StackEvents);

		const resources: string[] = [];
		const sizes: number[] = [];
		for await (const page of paginateListStackResources({ client: s.cloudformation }, { StackName: 'many' })) {
			sizes.push(page.StackResourceSummaries?.length ?? 0);
			resources.push(...(page.StackResourceSummaries ?? []).map((r) => r.LogicalResourceId ?? ''));
		}
		expect(sizes).toEqual([100, HANDLES - 100]);
		expect(new Set(resources).size).toBe(HANDLES);

		const badToken = await s.sameErrorAsEngine('cloudformation', 'DescribeStackEvents', { StackName: 'many', NextToken: 'not-a-token' });
		expect(badToken).toMatchObject({ name: 'ValidationError', status: 400 });
	});

	it('refuses with AlreadyExistsException, ChangeSetNotFound (404), InsufficientCapabilitiesException and ValidationError', async () => {
		const dup = await s.sameErrorAsEngine('cloudformation', 'CreateStack', { StackName: 'app', TemplateBody: repoTemplate('MUTABLE') });
		expect(dup).toEqual({ name: 'AlreadyExistsException', message: 'Stack [app] already exists', status: 400 });
		expect(await rejection(s.cloudformation.send(new CreateStackCommand({ StackName: 'app', TemplateBody: repoTemplate('MUTABLE') })))).toBeInstanceOf(AlreadyExistsException);

		const missing = await s.sameErrorAsEngine('cloudformation', 'DescribeChangeSet', { StackName: 'app', ChangeSetName: 'missing' });
		expect(missing).toEqual({ name: 'ChangeSetNotFoundException', message: 'ChangeSet [missing] does not exist', status: 404 });
		expect(await rejection(s.cloudformation.send(new DescribeChangeSetCommand({ StackName: 'app', ChangeSetName: 'missing' })))).toBeInstanceOf(ChangeSetNotFoundException);

		const caps = await s.sameErrorAsEngine('cloudformation', 'CreateStack', { StackName: 'needs-iam', TemplateBody: roleTemplate });
		expect(caps).toEqual({ name: 'InsufficientCapabilitiesException', message: 'Requires capabilities : [CAPABILITY_IAM]', status: 400 });
		expect(await rejection(s.cloudformation.send(new CreateStackCommand({ StackName: 'needs-iam', TemplateBody: roleTemplate })))).toBeInstanceOf(InsufficientCapabilitiesException);
		// With the capability acknowledged, the same stack is accepted.
		const withCaps = await s.cloudformation.send(new CreateStackCommand({ StackName: 'needs-iam', TemplateBody: roleTemplate, Capabilities: ['CAPABILITY_IAM'] }));
		expect(withCaps.StackId).toMatch(/stack\/needs-iam\//);

		expect(await failure(s.cloudformation.send(new DescribeStacksCommand({ StackName: 'missing' })))).toEqual({ name: 'ValidationError', message: 'Stack with id missing does not exist', status: 400 });
	});

	it('deletes the stack: gone by name, DELETE_COMPLETE by id, its repository and export gone', async () => {
		const deleted = await s.cloudformation.send(new DeleteStackCommand({ StackName: 'app' }));
		expect(deleted.$metadata.httpStatusCode).toBe(200);
		await s.advance(HOUR_S);
		expect(await failure(s.cloudformation.send(new DescribeStacksCommand({ StackName: 'app' })))).toEqual({ name: 'ValidationError', message: 'Stack with id app does not exist', status: 400 });
		const byId = await s.sameAsEngine('cloudformation', 'DescribeStacks', { StackName: stackId });
		expect(byId.Stacks).toEqual([expect.objectContaining({ StackId: stackId, StackStatus: 'DELETE_COMPLETE', DeletionTime: expect.any(Date) })]);
		const events = (await s.cloudformation.send(new DescribeStackEventsCommand({ StackName: stackId }))).StackEvents ?? [];
		expect(events[0]).toMatchObject({ LogicalResourceId: 'app', ResourceStatus: 'DELETE_COMPLETE' });
		expect(await failure(s.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['app-prod'] })))).toMatchObject({ name: 'RepositoryNotFoundException', status: 400 });
		expect((await s.cloudformation.send(new ListExportsCommand({}))).Exports).toEqual([]);
	});

	it('carries a YAML template with CRLF line endings, and markup and non-ASCII text, through the form encoding and the XML unchanged', async () => {
		const text = '  é & <b> + 100% ; = ? / 😀 "q" \'s\'  ';
		const yaml = [
			"AWSTemplateFormatVersion: '2010-09-09'",
			'Description: "  padded\\ttab  "',
			'Parameters:',
			'  Env:',
			'    Type: String',
			'    Default: dev',
			'    Description: "line one\\nline two\\r\\nthree"',
			'Resources:',
			'  Repo:',
			'    Type: AWS::ECR::Repository',
			'    Properties:',
			"      RepositoryName: !Sub 'yaml-${Env}'",
			'Outputs:',
			'  Arn:',
			'    Value: !GetAtt Repo.Arn',
			"    Description: '  spaced & <x>  '",
			''
		].join('\r\n');
		const validated = await s.sameAsEngine('cloudformation', 'ValidateTemplate', { TemplateBody: yaml });
		expect(validated).toMatchObject({ Description: '  padded\ttab  ', Parameters: [expect.objectContaining({ ParameterKey: 'Env', Description: 'line one\nline two\r\nthree' })] });
		await s.sameAsEngine('cloudformation', 'CreateStack', { StackName: 'yaml', TemplateBody: yaml, Tags: [{ Key: 'note', Value: text }] });
		expect((await s.cloudformation.send(new GetTemplateCommand({ StackName: 'yaml' }))).TemplateBody).toBe(yaml);
		await s.advance(HOUR_S);
		const [stack] = ((await s.sameAsEngine('cloudformation', 'DescribeStacks', { StackName: 'yaml' })).Stacks ?? []) as { Tags?: unknown; Outputs?: unknown; StackStatus?: string }[];
		expect(stack).toMatchObject({
			StackStatus: 'CREATE_COMPLETE',
			Tags: [{ Key: 'note', Value: text }],
			Outputs: [{ OutputKey: 'Arn', OutputValue: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/yaml-dev`, Description: '  spaced & <x>  ' }]
		});
	});
});
