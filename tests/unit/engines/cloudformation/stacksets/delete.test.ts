// Removing instances and stack sets: DeleteStackInstances deletes the stacks (and so their
// repositories) or, with RetainStacks, leaves them running outside the stack set; DeleteStackSet
// is refused while instances remain (StackSetNotEmptyException "StackSet is not empty").
import { describe, expect, it } from 'vitest';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ADMIN, caught, cfn, HOME, HOUR, instances, operation, stackSetWorld, TARGET, TEMPLATE } from './helpers';

async function deployed() {
	const world = await stackSetWorld();
	const admin = cfn(world);
	admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
	admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: [HOME] });
	world.advanceBy(HOUR);
	const stackOf = (account: string) => instances(world, 'repos').find((i) => i.Account === account)!.StackId!;
	return { world, admin, adminStack: stackOf(ADMIN), targetStack: stackOf(TARGET) };
}

const repositories = (world: Awaited<ReturnType<typeof deployed>>['world'], account: string) =>
	world.ecr(rootCaller(account), HOME).call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName);

describe('DeleteStackInstances', () => {
	it('deletes the stacks and their resources, then forgets the instances', async () => {
		const { world, admin, targetStack } = await deployed();
		const { OperationId } = admin.call('DeleteStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME], RetainStacks: false });
		expect(instances(world, 'repos').find((i) => i.Account === TARGET)?.StackInstanceStatus?.DetailedStatus).toBe('PENDING');
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!)).toMatchObject({ Action: 'DELETE', Status: 'SUCCEEDED', RetainStacks: false });
		expect(instances(world, 'repos').map((i) => i.Account)).toEqual([ADMIN]);
		const target = world.cloudformation(rootCaller(TARGET), HOME);
		expect(target.call('DescribeStacks', { StackName: targetStack }).Stacks?.[0]?.StackStatus).toBe('DELETE_COMPLETE');
		expect(target.call('DescribeStacks', {}).Stacks).toEqual([]);
		expect(repositories(world, TARGET)).toEqual([]);
		expect(repositories(world, ADMIN)).toEqual(['app-dev']);
	});

	it('with RetainStacks keeps the stacks and their resources, outside the stack set', async () => {
		const { world, admin, adminStack } = await deployed();
		const { OperationId } = admin.call('DeleteStackInstances', { StackSetName: 'repos', Accounts: [ADMIN], Regions: [HOME], RetainStacks: true });
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!)).toMatchObject({ Status: 'SUCCEEDED', RetainStacks: true });
		expect(instances(world, 'repos').map((i) => i.Account)).toEqual([TARGET]);
		expect(cfn(world).call('DescribeStacks', { StackName: adminStack }).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
		expect(repositories(world, ADMIN)).toEqual(['app-dev']);
		// The retained stack is the account's own now: deleting the stack set no longer reaches it.
		admin.call('DeleteStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME], RetainStacks: false });
		world.advanceBy(HOUR);
		admin.call('DeleteStackSet', { StackSetName: 'repos' });
		expect(repositories(world, ADMIN)).toEqual(['app-dev']);
	});

	it('with no such instance succeeds at once, and RetainStacks is required', async () => {
		const { world, admin } = await deployed();
		const { OperationId } = admin.call('DeleteStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: ['eu-west-1'], RetainStacks: false });
		expect(operation(world, 'repos', OperationId!).Status).toBe('SUCCEEDED');
		expect(caught(() => admin.call('DeleteStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME] })).code).toBe('ValidationError');
	});

	it('that fails to delete the stack leaves the instance INOPERABLE', async () => {
		const { world, admin } = await deployed();
		world.injectResourceFault(TARGET, HOME, { operation: 'delete', logicalId: 'Repo', message: 'The repository is being replicated' });
		const { OperationId } = admin.call('DeleteStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME], RetainStacks: false });
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!).Status).toBe('FAILED');
		const instance = admin.call('DescribeStackInstance', { StackSetName: 'repos', StackInstanceAccount: TARGET, StackInstanceRegion: HOME }).StackInstance;
		expect(instance).toMatchObject({ Status: 'INOPERABLE', StackInstanceStatus: { DetailedStatus: 'INOPERABLE' } });
		expect(instance?.StatusReason).toMatch(/^ResourceLogicalId:Repo, ResourceType:AWS::ECR::Repository, ResourceStatusReason:Resource handler returned message: "The repository is being replicated"/);
		// An INOPERABLE instance is left out of stack set updates.
		const { OperationId: update } = admin.call('UpdateStackSet', { StackSetName: 'repos', UsePreviousTemplate: true });
		expect(admin.call('ListStackSetOperationResults', { StackSetName: 'repos', OperationId: update }).Summaries?.map((r) => r.Account)).toEqual([ADMIN]);
		world.advanceBy(HOUR);
		// RetainStacks takes it out of the stack set; the stack stays for the account to deal with.
		world.clearResourceFaults(TARGET, HOME);
		admin.call('DeleteStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME], RetainStacks: true });
		world.advanceBy(HOUR);
		expect(instances(world, 'repos').map((i) => i.Account)).toEqual([ADMIN]);
	});
});

describe('DeleteStackSet', () => {
	it('is refused while the stack set has instances', async () => {
		const { world, admin } = await deployed();
		expect(caught(() => admin.call('DeleteStackSet', { StackSetName: 'repos' }))).toEqual({ code: 'StackSetNotEmptyException', message: 'StackSet is not empty' });
		admin.call('DeleteStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: [HOME], RetainStacks: false });
		world.advanceBy(HOUR);
		expect(admin.call('DeleteStackSet', { StackSetName: 'repos' })).toEqual({});
	});

	it('leaves a DELETED stack set that ListStackSets still shows, frees its name, and succeeds again on a name that is gone', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		const { StackSetId } = admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		admin.call('DeleteStackSet', { StackSetName: 'repos' });
		expect(caught(() => admin.call('DescribeStackSet', { StackSetName: 'repos' }))).toEqual({ code: 'StackSetNotFoundException', message: 'StackSet repos not found' });
		expect(admin.call('DescribeStackSet', { StackSetName: StackSetId }).StackSet?.Status).toBe('DELETED');
		expect(admin.call('ListStackSets', { Status: 'DELETED' }).Summaries?.map((s) => s.StackSetId)).toEqual([StackSetId]);
		expect(admin.call('DeleteStackSet', { StackSetName: 'repos' })).toEqual({});
		expect(admin.call('DeleteStackSet', { StackSetName: 'never-was' })).toEqual({});
		const again = admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE }).StackSetId;
		expect(again).not.toBe(StackSetId);
		expect(admin.call('ListStackSets', { Status: 'ACTIVE' }).Summaries?.map((s) => s.StackSetId)).toEqual([again]);
	});
});
