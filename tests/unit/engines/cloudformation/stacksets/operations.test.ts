// Operations over a stack set: one at a time (OperationInProgressException), OperationId as an
// idempotency token, UpdateStackSet pushing a new template or parameters to every instance,
// UpdateStackInstances overriding parameters for some, StopStackSetOperation, and the reason an
// instance shows when its stack fails.
import { describe, expect, it } from 'vitest';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ADMIN, caught, cfn, HOME, HOUR, instances, operation, stackSetWorld, TARGET, TEMPLATE } from './helpers';

const repositories = (world: Awaited<ReturnType<typeof stackSetWorld>>, account: string, region = HOME) =>
	world.ecr(rootCaller(account), region).call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName);

describe('one operation at a time', () => {
	it('refuses a second operation with OperationInProgressException until the first is over', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const arn = admin.call('DescribeStackSet', { StackSetName: 'repos' }).StackSet?.StackSetARN;
		const { OperationId } = admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN], Regions: [HOME] });
		const busy = { code: 'OperationInProgressException', message: `Another Operation on StackSet ${arn} is in progress` };
		expect(caught(() => admin.call('UpdateStackSet', { StackSetName: 'repos', UsePreviousTemplate: true }))).toEqual(busy);
		expect(caught(() => admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME] }))).toEqual(busy);
		expect(caught(() => admin.call('DeleteStackInstances', { StackSetName: 'repos', Accounts: [ADMIN], Regions: [HOME], RetainStacks: true }))).toEqual(busy);
		expect(caught(() => admin.call('DeleteStackSet', { StackSetName: 'repos' }))).toEqual(busy);
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!).Status).toBe('SUCCEEDED');
		expect(admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME] }).OperationId).toBeDefined();
	});

	it('takes OperationId as an idempotency token', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const request = { StackSetName: 'repos', Accounts: [ADMIN], Regions: [HOME], OperationId: 'deploy-1' };
		expect(admin.call('CreateStackInstances', request).OperationId).toBe('deploy-1');
		// A retry while it runs, and after it finished, answers with the same operation.
		expect(admin.call('CreateStackInstances', request).OperationId).toBe('deploy-1');
		world.advanceBy(HOUR);
		expect(admin.call('CreateStackInstances', request).OperationId).toBe('deploy-1');
		expect(admin.call('ListStackSetOperations', { StackSetName: 'repos' }).Summaries).toHaveLength(1);
		expect(caught(() => admin.call('DeleteStackInstances', { ...request, RetainStacks: true })).code).toBe('OperationIdAlreadyExistsException');
		expect(caught(() => admin.call('CreateStackInstances', { ...request, OperationId: '-bad' })).code).toBe('ValidationError');
	});

	it('creating instances that exist again is not an error: they are redeployed', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN], Regions: [HOME] });
		world.advanceBy(HOUR);
		const stackId = instances(world, 'repos')[0]?.StackId;
		const { OperationId } = admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN], Regions: [HOME] });
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!).Status).toBe('SUCCEEDED');
		expect(instances(world, 'repos')).toEqual([expect.objectContaining({ StackId: stackId, Status: 'CURRENT' })]);
	});
});

describe('UpdateStackSet and UpdateStackInstances', () => {
	it('UpdateStackSet applies new parameters to every instance as an operation', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: [HOME, 'us-west-2'] });
		world.advanceBy(HOUR);
		const { OperationId } = admin.call('UpdateStackSet', { StackSetName: 'repos', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] });
		// Every instance is behind the stack set until the operation reaches it.
		expect(instances(world, 'repos').map((i) => [i.Status, i.StackInstanceStatus?.DetailedStatus])).toEqual(Array(4).fill(['OUTDATED', 'PENDING']));
		expect(admin.call('DescribeStackSet', { StackSetName: 'repos' }).StackSet?.Parameters).toEqual([{ ParameterKey: 'Env', ParameterValue: 'prod' }]);
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!)).toMatchObject({ Action: 'UPDATE', Status: 'SUCCEEDED' });
		for (const i of instances(world, 'repos')) {
			expect(i.Status).toBe('CURRENT');
			const stack = world.cloudformation(rootCaller(i.Account!), i.Region!).call('DescribeStacks', { StackName: i.StackId! }).Stacks?.[0];
			expect(stack?.StackStatus).toBe('UPDATE_COMPLETE');
			// A new repository name replaces the repository.
			expect(repositories(world, i.Account!, i.Region!)).toEqual(['app-prod']);
		}
	});

	it('UpdateStackSet with a new template updates only the chosen instances and leaves the others OUTDATED', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: [HOME] });
		world.advanceBy(HOUR);
		const tagged = JSON.parse(TEMPLATE);
		tagged.Resources.Repo.Properties.ImageTagMutability = 'IMMUTABLE';
		admin.call('UpdateStackSet', { StackSetName: 'repos', TemplateBody: JSON.stringify(tagged), Accounts: [TARGET], Regions: [HOME] });
		world.advanceBy(HOUR);
		expect(instances(world, 'repos').map((i) => [i.Account, i.Status, i.StackInstanceStatus?.DetailedStatus])).toEqual([
			[ADMIN, 'OUTDATED', 'PENDING'],
			[TARGET, 'CURRENT', 'SUCCEEDED']
		]);
		expect(world.ecr(rootCaller(TARGET), HOME).call('DescribeRepositories', {}).repositories?.[0]?.imageTagMutability).toBe('IMMUTABLE');
		expect(world.ecr(rootCaller(ADMIN), HOME).call('DescribeRepositories', {}).repositories?.[0]?.imageTagMutability).toBe('MUTABLE');
		expect(caught(() => admin.call('UpdateStackSet', { StackSetName: 'repos', UsePreviousTemplate: true, Accounts: [TARGET], Regions: ['eu-west-1'] })).code).toBe('StackInstanceNotFoundException');
		expect(caught(() => admin.call('UpdateStackSet', { StackSetName: 'repos', UsePreviousTemplate: true, Accounts: [TARGET] })).code).toBe('ValidationError');
		expect(caught(() => admin.call('UpdateStackSet', { StackSetName: 'repos' })).code).toBe('ValidationError');
	});

	it('UpdateStackInstances overrides a parameter for some instances, which later stack set updates keep', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: [HOME] });
		world.advanceBy(HOUR);
		const { OperationId } = admin.call('UpdateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME], ParameterOverrides: [{ ParameterKey: 'Env', ParameterValue: 'test' }] });
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!)).toMatchObject({ Action: 'UPDATE', Status: 'SUCCEEDED' });
		expect(admin.call('DescribeStackInstance', { StackSetName: 'repos', StackInstanceAccount: TARGET, StackInstanceRegion: HOME }).StackInstance?.ParameterOverrides).toEqual([
			{ ParameterKey: 'Env', ParameterValue: 'test' }
		]);
		expect(repositories(world, TARGET)).toEqual(['app-test']);
		expect(repositories(world, ADMIN)).toEqual(['app-dev']);
		admin.call('UpdateStackSet', { StackSetName: 'repos', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] });
		world.advanceBy(HOUR);
		expect(repositories(world, TARGET)).toEqual(['app-test']);
		expect(repositories(world, ADMIN)).toEqual(['app-prod']);
		expect(caught(() => admin.call('UpdateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: ['eu-west-1'] })).code).toBe('StackInstanceNotFoundException');
	});
});

describe('failures and stopping', () => {
	it('an instance whose stack fails shows the failed resource; its stack was deleted (OnFailure DELETE)', async () => {
		const world = await stackSetWorld();
		world.injectResourceFault(TARGET, HOME, { operation: 'create', logicalId: 'Repo', message: 'Repository quota reached' });
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const { OperationId } = admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME] });
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!).Status).toBe('FAILED');
		const instance = admin.call('DescribeStackInstance', { StackSetName: 'repos', StackInstanceAccount: TARGET, StackInstanceRegion: HOME }).StackInstance;
		expect(instance).toMatchObject({ Status: 'OUTDATED', StackInstanceStatus: { DetailedStatus: 'FAILED' } });
		expect(instance?.StatusReason).toMatch(/^ResourceLogicalId:Repo, ResourceType:AWS::ECR::Repository, ResourceStatusReason:Resource handler returned message: "Repository quota reached"/);
		const stack = world.cloudformation(rootCaller(TARGET), HOME).call('DescribeStacks', { StackName: instance!.StackId! }).Stacks?.[0];
		expect(stack?.StackStatus).toBe('DELETE_COMPLETE');
		// Fixed, a stack set update creates a new stack for the instance.
		world.clearResourceFaults(TARGET, HOME);
		admin.call('UpdateStackSet', { StackSetName: 'repos', UsePreviousTemplate: true });
		world.advanceBy(HOUR);
		const retried = instances(world, 'repos')[0];
		expect(retried).toMatchObject({ Status: 'CURRENT' });
		expect(retried?.StackId).not.toBe(instance?.StackId);
	});

	it('StopStackSetOperation: STOPPING, the running target finishes, the rest are CANCELLED, then STOPPED', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const { OperationId } = admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: [HOME, 'us-west-2'] });
		world.advanceBy(6_000);
		expect(admin.call('StopStackSetOperation', { StackSetName: 'repos', OperationId })).toEqual({});
		expect(operation(world, 'repos', OperationId!).Status).toBe('STOPPING');
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!).Status).toBe('STOPPED');
		const results = admin.call('ListStackSetOperationResults', { StackSetName: 'repos', OperationId }).Summaries ?? [];
		expect(results.map((r) => r.Status)).toEqual(['SUCCEEDED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
		expect(instances(world, 'repos').filter((i) => i.Status === 'CURRENT')).toHaveLength(1);
		expect(caught(() => admin.call('StopStackSetOperation', { StackSetName: 'repos', OperationId })).code).toBe('InvalidOperationException');
	});
});
