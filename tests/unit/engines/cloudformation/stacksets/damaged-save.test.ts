// A save taken mid-operation can come back damaged anywhere in its stack sets or jobs. Restoring
// it must refuse it with an AwsError, or give a world whose StackSets calls and clock answer only
// with results or AwsErrors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { AwsError } from '../../../../../src/lib/engines/errors';
import { World } from '../../../../../src/lib/engines/world';
import { paths, setAt, type Json } from '../../json-paths';
import { ADMIN, cfn, createAdministrationRole, createExecutionRole, HOME, HOUR, NOW, TARGET, TEMPLATE } from './helpers';

// The busy world is built while the suite is collected, so the schema it needs is loaded first.
await loadResourceSchemas(['AWS::ECR::Repository']);

/** One target done, one failed, some running (role check and stack) and some pending. */
function busyWorld(): Json {
	const world = World.create({ now: NOW });
	createAdministrationRole(world);
	createExecutionRole(world, ADMIN);
	const admin = cfn(world);
	admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
	admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: [HOME], OperationPreferences: { FailureToleranceCount: 1 } });
	world.advanceBy(HOUR);
	admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: ['us-west-2', 'eu-west-1'], OperationPreferences: { FailureToleranceCount: 2, MaxConcurrentCount: 2 } });
	world.advanceBy(8_000);
	return JSON.parse(JSON.stringify(world.snapshot())) as Json;
}

const READS: [string, Record<string, unknown>][] = [
	['ListStackSets', {}],
	['DescribeStackSet', { StackSetName: 'repos' }],
	['ListStackInstances', { StackSetName: 'repos' }],
	['DescribeStackInstance', { StackSetName: 'repos', StackInstanceAccount: ADMIN, StackInstanceRegion: HOME }],
	['ListStackSetOperations', { StackSetName: 'repos' }]
];

describe('restoring a damaged save taken mid stack set operation', () => {
	const base = busyWorld();
	const all = paths(base).filter((p) => (p[0] === 'cloudformation' && p.includes('stackSets')) || (p[0] === 'jobs' && p.length > 2));

	it('refuses it with an AwsError, or restores a world that answers with results or AwsErrors', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...all),
				fc.oneof(
					fc.constant(undefined),
					fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
					fc.constantFrom<Json>(null, '', 0, -1, 1.5, 'x', [], {}, true, 'RUNNING', 'STOPPING', 'stack', 'access', 'DELETE', 'us-west-2', 'mars-1', TARGET, '999999999999', NOW)
				),
				(path, replacement) => {
					const damaged = setAt(base, path, replacement);
					let world: World;
					try {
						world = World.restore(damaged);
					} catch (e) {
						expect(e).toBeInstanceOf(AwsError);
						return;
					}
					const touch = (fn: () => unknown) => {
						try {
							fn();
						} catch (e) {
							if (!(e instanceof AwsError)) throw new Error(`damaged at ${path.join('.')}: ${String((e as Error).stack ?? e)}`);
						}
					};
					const admin = cfn(world);
					for (const [op, input] of READS) touch(() => admin.callByName(op, input));
					touch(() => world.advanceBy(HOUR));
					for (const [op, input] of READS) touch(() => admin.callByName(op, input));
					touch(() => admin.callByName('DeleteStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: [HOME, 'us-west-2'], RetainStacks: false }));
					touch(() => world.advanceBy(HOUR));
					// Whatever the engine made of the damage, its own save restores: no operation was left
					// RUNNING by a tick that failed without saying so.
					const saved = JSON.parse(JSON.stringify(world.snapshot())) as unknown;
					expect(() => World.restore(saved), `damaged at ${path.join('.')}`).not.toThrow();
				}
			),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('refuses a save whose running operation has a job marked finished (found by the property above)', () => {
		const damaged = setAt(base, ['jobs', 'jobs', 0, 'snapshot', 'context', 'finished'], true);
		expect(() => World.restore(damaged)).toThrow(/marked finished while the operation runs/);
	});

	it('restores the undamaged save to a world that finishes the operation', () => {
		const world = World.restore(base);
		world.advanceBy(HOUR);
		const ops = cfn(world).call('ListStackSetOperations', { StackSetName: 'repos' }).Summaries ?? [];
		expect(ops.map((o) => o.Status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
	});
});
