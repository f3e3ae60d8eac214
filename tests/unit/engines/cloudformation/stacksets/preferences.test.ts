// OperationPreferences decide order and pace (User Guide, "StackSet operation options"; API
// Reference, StackSetOperationPreferences): Region by Region in RegionOrder unless PARALLEL, at
// most MaxConcurrent accounts at once, held to FailureToleranceCount + 1 in the default
// STRICT_FAILURE_TOLERANCE mode. When each instance's stack was created shows the order.
import { describe, expect, it } from 'vitest';
import type { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ADMIN, caught, cfn, HOME, HOUR, instances, operation, stackSetWorld, TARGET, TEMPLATE } from './helpers';

/** When the stack of each instance was created, by `account/region`. */
function createdAt(world: World): Record<string, number> {
	const out: Record<string, number> = {};
	for (const i of instances(world, 'repos')) {
		const stack = world.cloudformation(rootCaller(i.Account!), i.Region!).call('DescribeStacks', { StackName: i.StackId! }).Stacks?.[0];
		out[`${i.Account}/${i.Region}`] = stack!.CreationTime!.getTime();
	}
	return out;
}

async function deploy(regions: string[], preferences: Record<string, unknown>) {
	const world = await stackSetWorld();
	const admin = cfn(world);
	admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
	const { OperationId } = admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: regions, OperationPreferences: preferences });
	world.advanceBy(HOUR);
	expect(operation(world, 'repos', OperationId!).Status).toBe('SUCCEEDED');
	return { world, at: createdAt(world), op: operation(world, 'repos', OperationId!) };
}

describe('OperationPreferences', () => {
	it('SEQUENTIAL goes Region by Region in RegionOrder, one account at a time by default', async () => {
		const { at, op } = await deploy(['us-east-1', 'eu-west-1'], { RegionOrder: ['eu-west-1', 'us-east-1'] });
		const order = Object.entries(at).sort((a, b) => a[1] - b[1]).map(([k]) => k);
		expect(order).toEqual([`${ADMIN}/eu-west-1`, `${TARGET}/eu-west-1`, `${ADMIN}/us-east-1`, `${TARGET}/us-east-1`]);
		expect(new Set(Object.values(at)).size).toBe(4);
		expect(op.OperationPreferences).toEqual({ RegionOrder: ['eu-west-1', 'us-east-1'] });
	});

	it('keeps MaxConcurrentCount to FailureToleranceCount + 1 (STRICT_FAILURE_TOLERANCE), not with SOFT_FAILURE_TOLERANCE', async () => {
		const strict = await deploy([HOME], { MaxConcurrentCount: 2 });
		expect(strict.at[`${ADMIN}/${HOME}`]).toBeLessThan(strict.at[`${TARGET}/${HOME}`]!);
		const tolerant = await deploy([HOME], { MaxConcurrentCount: 2, FailureToleranceCount: 1 });
		expect(tolerant.at[`${ADMIN}/${HOME}`]).toBe(tolerant.at[`${TARGET}/${HOME}`]);
		const soft = await deploy([HOME], { MaxConcurrentCount: 2, ConcurrencyMode: 'SOFT_FAILURE_TOLERANCE' });
		expect(soft.at[`${ADMIN}/${HOME}`]).toBe(soft.at[`${TARGET}/${HOME}`]);
		expect(soft.op.OperationPreferences).toEqual({ RegionOrder: [], MaxConcurrentCount: 2, ConcurrencyMode: 'SOFT_FAILURE_TOLERANCE' });
	});

	it('rounds percentages down, but never below one account at a time', async () => {
		const { at } = await deploy([HOME], { MaxConcurrentPercentage: 50, FailureTolerancePercentage: 99 });
		// 50% of 2 accounts is 1 at a time.
		expect(at[`${ADMIN}/${HOME}`]).toBeLessThan(at[`${TARGET}/${HOME}`]!);
		const all = await deploy([HOME], { MaxConcurrentPercentage: 100, FailureTolerancePercentage: 50 });
		expect(all.at[`${ADMIN}/${HOME}`]).toBe(all.at[`${TARGET}/${HOME}`]);
	});

	it('PARALLEL starts every Region at once', async () => {
		const { at } = await deploy(['us-east-1', 'us-west-2', 'eu-west-1'], { RegionConcurrencyType: 'PARALLEL' });
		expect(at[`${ADMIN}/us-east-1`]).toBe(at[`${ADMIN}/us-west-2`]);
		expect(at[`${ADMIN}/us-west-2`]).toBe(at[`${ADMIN}/eu-west-1`]);
		expect(at[`${ADMIN}/us-east-1`]).toBeLessThan(at[`${TARGET}/us-east-1`]!);
	});

	it('refuses preferences AWS refuses, before anything starts', async () => {
		const world = await stackSetWorld();
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const start = (p: Record<string, unknown>) => caught(() => admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME], OperationPreferences: p }));
		expect(start({ FailureToleranceCount: 1, FailureTolerancePercentage: 10 })).toEqual({
			code: 'ValidationError',
			message: 'Exactly one of FailureTolerancePercentage and FailureToleranceCount must be specified since both parameters are present'
		});
		expect(start({ MaxConcurrentCount: 1, MaxConcurrentPercentage: 10 }).code).toBe('ValidationError');
		expect(start({ MaxConcurrentCount: 0 }).code).toBe('ValidationError');
		expect(start({ FailureTolerancePercentage: 101 }).code).toBe('ValidationError');
		expect(start({ RegionConcurrencyType: 'ALL_AT_ONCE' }).code).toBe('ValidationError');
		expect(start({ RegionOrder: ['moon-1'] }).code).toBe('ValidationError');
		expect(admin.call('ListStackSetOperations', { StackSetName: 'repos' }).Summaries).toEqual([]);
		expect(instances(world, 'repos')).toEqual([]);
	});
});
