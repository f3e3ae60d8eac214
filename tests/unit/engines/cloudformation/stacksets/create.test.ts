// A stack set deployed to both accounts and two Regions: the operation runs on the world's clock,
// each instance is a real stack in its account and Region (DescribeStacks lists it there) and the
// stack's ECR repository exists (ECR lists it), and the reads answer in AWS's shapes.
import { describe, expect, it } from 'vitest';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ADMIN, cfn, HOME, HOUR, instances, operation, stackSetWorld, TARGET, TEMPLATE } from './helpers';

const REGIONS = ['us-east-1', 'eu-west-1'];

describe('CreateStackSet and CreateStackInstances', () => {
	it('deploys one stack per account and Region, asynchronously, until the operation SUCCEEDED', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		const { StackSetId } = admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE, Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] });
		expect(StackSetId).toMatch(/^repos:[0-9a-f-]{36}$/);
		const { OperationId } = admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: REGIONS });
		expect(OperationId).toMatch(/^[0-9a-f-]{36}$/);

		// Nothing happens until the clock moves.
		expect(operation(world, 'repos', OperationId!).Status).toBe('RUNNING');
		expect(instances(world, 'repos').map((i) => [i.Status, i.StackInstanceStatus?.DetailedStatus])).toEqual(Array(4).fill(['OUTDATED', 'PENDING']));
		world.advanceBy(5_000);
		expect(instances(world, 'repos').filter((i) => i.StackInstanceStatus?.DetailedStatus === 'RUNNING')).toHaveLength(1);

		const happened = world.advanceBy(HOUR);
		const op = operation(world, 'repos', OperationId!);
		expect(op).toMatchObject({ Action: 'CREATE', Status: 'SUCCEEDED', StackSetId, StatusDetails: { FailedStackInstancesCount: 0 }, OperationPreferences: { RegionOrder: [] } });
		expect(op.AdministrationRoleARN).toBe(`arn:aws:iam::${ADMIN}:role/AWSCloudFormationStackSetAdministrationRole`);
		expect(op.ExecutionRoleName).toBe('AWSCloudFormationStackSetExecutionRole');
		expect(op.EndTimestamp!.getTime()).toBeGreaterThan(op.CreationTimestamp!.getTime());
		expect(happened).toContainEqual(expect.objectContaining({ kind: 'stack-set-operation-complete', stackSetName: 'repos', operationId: OperationId, status: 'SUCCEEDED' }));

		const summaries = instances(world, 'repos');
		expect(summaries).toHaveLength(4);
		for (const account of [ADMIN, TARGET]) {
			for (const region of REGIONS) {
				const summary = summaries.find((s) => s.Account === account && s.Region === region);
				expect(summary).toMatchObject({ StackSetId, Status: 'CURRENT', StackInstanceStatus: { DetailedStatus: 'SUCCEEDED' }, DriftStatus: 'NOT_CHECKED', LastOperationId: OperationId });
				expect(summary?.StackId).toMatch(new RegExp(`^arn:aws:cloudformation:${region}:${account}:stack/StackSet-repos-[0-9a-f-]{36}/`));
				// A real stack in the target account and Region, with a real repository.
				const stack = world.cloudformation(rootCaller(account), region).call('DescribeStacks', { StackName: summary!.StackId! }).Stacks?.[0];
				expect(stack).toMatchObject({ StackStatus: 'CREATE_COMPLETE', Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] });
				const repos = world.ecr(rootCaller(account), region).call('DescribeRepositories', { repositoryNames: ['app-prod'] }).repositories;
				expect(repos?.[0]?.repositoryArn).toBe(`arn:aws:ecr:${region}:${account}:repository/app-prod`);
			}
		}
		// The target account's own DescribeStacks lists the instance stacks it holds.
		const listed = world.cloudformation(rootCaller(TARGET), 'eu-west-1').call('DescribeStacks', {}).Stacks ?? [];
		expect(listed.map((s) => s.StackName)).toEqual([expect.stringMatching(/^StackSet-repos-/)]);
	});

	it('reports every target of the operation with its account gate result', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const { OperationId } = admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: ['us-west-2'] });
		world.advanceBy(HOUR);
		const results = admin.call('ListStackSetOperationResults', { StackSetName: 'repos', OperationId }).Summaries;
		expect(results).toEqual([
			{ Account: ADMIN, Region: 'us-west-2', Status: 'SUCCEEDED', AccountGateResult: { Status: 'SKIPPED', StatusReason: 'AWSCloudFormationStackSetAccountGate function not found' }, OrganizationalUnitId: '' },
			{ Account: TARGET, Region: 'us-west-2', Status: 'SUCCEEDED', AccountGateResult: { Status: 'SKIPPED', StatusReason: 'AWSCloudFormationStackSetAccountGate function not found' }, OrganizationalUnitId: '' }
		]);
		const filtered = admin.call('ListStackSetOperationResults', { StackSetName: 'repos', OperationId, Filters: [{ Name: 'OPERATION_RESULT_STATUS', Values: 'FAILED' }] });
		expect(filtered.Summaries).toEqual([]);
		expect(admin.call('ListStackSetOperations', { StackSetName: 'repos' }).Summaries).toEqual([
			expect.objectContaining({ OperationId, Action: 'CREATE', Status: 'SUCCEEDED', StatusDetails: { FailedStackInstancesCount: 0 } })
		]);
	});

	it('describes and lists the stack set as AWS does', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		const { StackSetId } = admin.call('CreateStackSet', {
			StackSetName: 'repos',
			Description: 'Repositories everywhere',
			TemplateBody: TEMPLATE,
			Tags: [{ Key: 'team', Value: 'platform' }]
		});
		admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: ['eu-west-1'] });
		const described = admin.call('DescribeStackSet', { StackSetName: StackSetId }).StackSet;
		expect(described).toMatchObject({
			StackSetName: 'repos',
			StackSetId,
			Description: 'Repositories everywhere',
			Status: 'ACTIVE',
			TemplateBody: TEMPLATE,
			Parameters: [],
			Capabilities: [],
			Tags: [{ Key: 'team', Value: 'platform' }],
			StackSetARN: `arn:aws:cloudformation:${HOME}:${ADMIN}:stackset/${StackSetId}`,
			AdministrationRoleARN: `arn:aws:iam::${ADMIN}:role/AWSCloudFormationStackSetAdministrationRole`,
			ExecutionRoleName: 'AWSCloudFormationStackSetExecutionRole',
			PermissionModel: 'SELF_MANAGED',
			Regions: ['eu-west-1']
		});
		expect(admin.call('ListStackSets', {}).Summaries).toEqual([
			{ StackSetName: 'repos', StackSetId, Description: 'Repositories everywhere', Status: 'ACTIVE', PermissionModel: 'SELF_MANAGED', DriftStatus: 'NOT_CHECKED', ManagedExecution: { Active: false } }
		]);
		// A stack set is regional: another Region of the same account does not see it.
		expect(cfn(world, ADMIN, 'us-west-2').call('ListStackSets', {}).Summaries).toEqual([]);
	});

	it('refuses a name in use, a bad name, and a template CloudFormation would refuse', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		expect(() => admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE })).toThrow(expect.objectContaining({ code: 'NameAlreadyExistsException' }));
		expect(() => admin.call('CreateStackSet', { StackSetName: '1repos', TemplateBody: TEMPLATE })).toThrow(expect.objectContaining({ code: 'ValidationError' }));
		expect(() => admin.call('CreateStackSet', { StackSetName: 'broken', TemplateBody: '{"Resources": {}}' })).toThrow('Template format error: At least one Resources member must be defined.');
		const role = JSON.stringify({ Resources: { R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } } } });
		expect(() => admin.call('CreateStackSet', { StackSetName: 'roles', TemplateBody: role })).toThrow(expect.objectContaining({ code: 'InsufficientCapabilitiesException' }));
		expect(() => admin.call('CreateStackSet', { StackSetName: 'org', TemplateBody: TEMPLATE, PermissionModel: 'SERVICE_MANAGED' })).toThrow(expect.objectContaining({ code: 'ValidationError' }));
		expect(admin.call('ListStackSets', {}).Summaries?.map((s) => s.StackSetName)).toEqual(['repos']);
	});

	it('answers StackSetNotFoundException, StackInstanceNotFoundException and OperationNotFoundException', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		expect(() => admin.call('DescribeStackSet', { StackSetName: 'nope' })).toThrow(expect.objectContaining({ code: 'StackSetNotFoundException', message: 'StackSet nope not found', httpStatus: 404 }));
		expect(() => admin.call('CreateStackInstances', { StackSetName: 'nope', Accounts: [TARGET], Regions: [HOME] })).toThrow('StackSet nope not found');
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		expect(() => admin.call('DescribeStackInstance', { StackSetName: 'repos', StackInstanceAccount: TARGET, StackInstanceRegion: HOME })).toThrow(
			expect.objectContaining({ code: 'StackInstanceNotFoundException' })
		);
		expect(() => admin.call('DescribeStackSetOperation', { StackSetName: 'repos', OperationId: 'no-such-operation' })).toThrow(expect.objectContaining({ code: 'OperationNotFoundException' }));
		expect(() => admin.call('ListStackSetOperationResults', { StackSetName: 'repos', OperationId: 'no-such-operation' })).toThrow(expect.objectContaining({ code: 'OperationNotFoundException' }));
	});

	it('refuses accounts and Regions that are not well formed or not in the world', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		expect(() => admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: ['12345'], Regions: [HOME] })).toThrow(expect.objectContaining({ code: 'ValidationError' }));
		expect(() => admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: ['mars-north-1'] })).toThrow("The simulated world has no Region 'mars-north-1'");
		expect(() => admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [] })).toThrow(expect.objectContaining({ code: 'ValidationError' }));
		// Nothing was recorded by the refused calls.
		expect(instances(world, 'repos')).toEqual([]);
		expect(admin.call('ListStackSetOperations', { StackSetName: 'repos' }).Summaries).toEqual([]);
	});
});
