// Whatever a learner does with stack sets, in any order and with the clock moving in between, the
// engine answers with results or AwsErrors only, a save of the world restores to the same world,
// and every operation it started ends: none is left RUNNING to block the stack set forever.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { AwsError } from '../../../../../src/lib/engines/errors';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ADMIN, cfn, createAdministrationRole, createExecutionRole, EXEC_ROLE, HOUR, NOW, TARGET, TEMPLATE } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas();
});

const FAULTY = JSON.stringify({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Metadata: { 'Simulator::Fault': { OnCreate: 'Repository quota reached' } } } } });
const NEEDS_VALUE = JSON.stringify({ Parameters: { Name: { Type: 'String' } }, Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: { Ref: 'Name' } } } } });
const BROKEN = '{"Resources": {}}';

type Step =
	| { kind: 'createSet'; name: string; template: string }
	| { kind: 'createInstances'; name: string; accounts: string[]; regions: string[]; preferences: Record<string, unknown>; operationId?: string }
	| { kind: 'updateSet'; name: string; env?: string; template?: string }
	| { kind: 'updateInstances'; name: string; accounts: string[]; regions: string[]; env: string }
	| { kind: 'deleteInstances'; name: string; accounts: string[]; regions: string[]; retain?: boolean }
	| { kind: 'deleteSet'; name: string }
	| { kind: 'stop'; name: string }
	| { kind: 'read'; name: string }
	| { kind: 'breakRole'; account: string }
	| { kind: 'advance'; ms: number }
	| { kind: 'restore' };

const name = fc.constantFrom('alpha', 'beta');
const accountList = fc.subarray([ADMIN, TARGET, '111122223333'], { minLength: 1 });
const regionList = fc.subarray(['us-east-1', 'us-west-2', 'eu-west-1'], { minLength: 1 });
const preferences = fc.record(
	{
		RegionConcurrencyType: fc.constantFrom('SEQUENTIAL', 'PARALLEL'),
		FailureToleranceCount: fc.integer({ min: 0, max: 3 }),
		MaxConcurrentCount: fc.integer({ min: 1, max: 3 }),
		RegionOrder: regionList
	},
	{ requiredKeys: [] }
);

const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

const step: fc.Arbitrary<Step> = fc.oneof(
	weighted(1, fc.record({ kind: fc.constant('createSet' as const), name, template: fc.constantFrom(TEMPLATE, FAULTY, NEEDS_VALUE, BROKEN) })),
	weighted(
		5,
		fc.record(
			{ kind: fc.constant('createInstances' as const), name, accounts: accountList, regions: regionList, preferences, operationId: fc.constantFrom('op-1', 'op-2') },
			{ requiredKeys: ['kind', 'name', 'accounts', 'regions', 'preferences'] }
		)
	),
	weighted(2, fc.record({ kind: fc.constant('updateSet' as const), name, env: fc.constantFrom('dev', 'prod'), template: fc.constantFrom(TEMPLATE, FAULTY) }, { requiredKeys: ['kind', 'name'] })),
	weighted(2, fc.record({ kind: fc.constant('updateInstances' as const), name, accounts: accountList, regions: regionList, env: fc.constantFrom('a', 'b') })),
	weighted(2, fc.record({ kind: fc.constant('deleteInstances' as const), name, accounts: accountList, regions: regionList, retain: fc.boolean() }, { requiredKeys: ['kind', 'name', 'accounts', 'regions'] })),
	weighted(1, fc.record({ kind: fc.constant('deleteSet' as const), name })),
	weighted(1, fc.record({ kind: fc.constant('stop' as const), name })),
	weighted(1, fc.record({ kind: fc.constant('read' as const), name })),
	weighted(1, fc.record({ kind: fc.constant('breakRole' as const), account: fc.constantFrom(ADMIN, TARGET) })),
	weighted(6, fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(0, 1_000, 2_500, 5_000, 15_000, 60_000, 120_000) })),
	weighted(1, fc.constant({ kind: 'restore' as const }))
);

/** Both roles in both accounts, and two stack sets to work on (`beta`'s template varies). */
function freshWorld(betaTemplate: string): World {
	const world = World.create({ now: NOW });
	createAdministrationRole(world);
	createExecutionRole(world, ADMIN);
	createExecutionRole(world, TARGET);
	cfn(world).call('CreateStackSet', { StackSetName: 'alpha', TemplateBody: TEMPLATE });
	cfn(world).call('CreateStackSet', { StackSetName: 'beta', TemplateBody: betaTemplate });
	return world;
}

const roundTrip = (world: World): World => World.restore(JSON.parse(JSON.stringify(world.snapshot())));

function apply(world: World, s: Step): World {
	const admin = cfn(world);
	switch (s.kind) {
		case 'createSet':
			admin.call('CreateStackSet', { StackSetName: s.name, TemplateBody: s.template, Parameters: [{ ParameterKey: 'Env', ParameterValue: 'dev' }] });
			return world;
		case 'createInstances':
			admin.call('CreateStackInstances', { StackSetName: s.name, Accounts: s.accounts, Regions: s.regions, OperationPreferences: s.preferences, ...(s.operationId ? { OperationId: s.operationId } : {}) });
			return world;
		case 'updateSet':
			admin.call('UpdateStackSet', {
				StackSetName: s.name,
				...(s.template ? { TemplateBody: s.template } : { UsePreviousTemplate: true }),
				...(s.env ? { Parameters: [{ ParameterKey: 'Env', ParameterValue: s.env }] } : {})
			});
			return world;
		case 'updateInstances':
			admin.call('UpdateStackInstances', { StackSetName: s.name, Accounts: s.accounts, Regions: s.regions, ParameterOverrides: [{ ParameterKey: 'Env', ParameterValue: s.env }] });
			return world;
		case 'deleteInstances':
			admin.call('DeleteStackInstances', { StackSetName: s.name, Accounts: s.accounts, Regions: s.regions, ...(s.retain === undefined ? {} : { RetainStacks: s.retain }) });
			return world;
		case 'deleteSet':
			admin.call('DeleteStackSet', { StackSetName: s.name });
			return world;
		case 'stop': {
			const ops = admin.call('ListStackSetOperations', { StackSetName: s.name }).Summaries ?? [];
			admin.call('StopStackSetOperation', { StackSetName: s.name, OperationId: ops[0]?.OperationId ?? 'none' });
			return world;
		}
		case 'read': {
			admin.call('DescribeStackSet', { StackSetName: s.name });
			admin.call('ListStackSets', {});
			for (const i of admin.call('ListStackInstances', { StackSetName: s.name }).Summaries ?? []) {
				admin.call('DescribeStackInstance', { StackSetName: s.name, StackInstanceAccount: i.Account, StackInstanceRegion: i.Region });
			}
			for (const op of admin.call('ListStackSetOperations', { StackSetName: s.name }).Summaries ?? []) {
				admin.call('DescribeStackSetOperation', { StackSetName: s.name, OperationId: op.OperationId });
				admin.call('ListStackSetOperationResults', { StackSetName: s.name, OperationId: op.OperationId });
			}
			return world;
		}
		case 'breakRole':
			world.iam(rootCaller(s.account)).call('DeleteRolePolicy', { RoleName: EXEC_ROLE, PolicyName: 'AdministratorAccess' });
			return world;
		case 'advance':
			world.advanceBy(s.ms);
			return world;
		case 'restore':
			return roundTrip(world);
	}
}

const running = (world: World) =>
	world.snapshot().cloudformation.flatMap((c) => (c.stackSets ?? []).flatMap((set) => set.operations.filter((o) => o.status === 'RUNNING' || o.status === 'STOPPING')));

describe('random sequences of StackSets calls', () => {
	it('answer only with results or AwsErrors, restore to the same world, and every operation ends', () => {
		fc.assert(
			fc.property(fc.constantFrom(TEMPLATE, FAULTY, NEEDS_VALUE), fc.array(step, { minLength: 1, maxLength: 20 }), (betaTemplate, steps) => {
				let world = freshWorld(betaTemplate);
				for (const s of steps) {
					try {
						world = apply(world, s);
					} catch (e) {
						if (!(e instanceof AwsError)) throw e;
					}
				}
				const saved = world.snapshot();
				expect(roundTrip(world).snapshot()).toEqual(saved);
				world.advanceBy(6 * HOUR);
				expect(running(world)).toEqual([]);
				expect(world.snapshot().jobs.jobs.filter((j) => j.kind === 'stackSetOperation')).toEqual([]);
				// No instance is left mid-deployment (PENDING may stay: AWS leaves instances an update skipped PENDING).
				const left = world.snapshot().cloudformation.flatMap((c) => (c.stackSets ?? []).flatMap((set) => set.instances));
				expect(left.filter((i) => i.detailedStatus === 'RUNNING')).toEqual([]);
			}),
			{ numRuns: 80 }
		);
	});
});
