// A stack set operation persists in the world's JSON: a save taken at any instant of a
// two-account, two-Region deployment with one failing account resumes to the same end, and a save
// whose stack set operations and jobs disagree, or whose stack sets are malformed, is refused.
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../../../src/lib/engines/errors';
import { World, type WorldSnapshot } from '../../../../../src/lib/engines/world';
import { ADMIN, cfn, HOME, HOUR, NOW, stackSetWorld, TARGET, TEMPLATE } from './helpers';

async function busyWorld(): Promise<World> {
	const world = await stackSetWorld([ADMIN]);
	const admin = cfn(world);
	admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
	admin.call('CreateStackInstances', {
		StackSetName: 'repos',
		Accounts: [ADMIN, TARGET],
		Regions: [HOME, 'eu-west-1'],
		OperationPreferences: { FailureToleranceCount: 1, MaxConcurrentCount: 2 }
	});
	return world;
}

const roundTrip = (world: World): World => World.restore(JSON.parse(JSON.stringify(world.snapshot())));

async function run(cut: number | undefined): Promise<WorldSnapshot> {
	let world = await busyWorld();
	if (cut !== undefined) {
		world.advanceBy(cut);
		world = roundTrip(world);
	}
	world.advanceBy(HOUR - (cut ?? 0));
	return world.snapshot();
}

describe('saving a world mid-operation', () => {
	it('resumes from a save taken at any instant and ends exactly as without it', async () => {
		const straight = await run(undefined);
		const stackSet = straight.cloudformation.find((c) => c.accountId === ADMIN && c.region === HOME)?.stackSets?.[0];
		expect(stackSet?.operations[0]?.status).toBe('SUCCEEDED');
		expect(stackSet?.instances.map((i) => i.status)).toEqual(['CURRENT', 'CURRENT', 'OUTDATED', 'OUTDATED']);
		expect(straight.jobs.jobs).toEqual([]);
		// The cuts below cover the whole operation, every target's every step.
		const took = Date.parse(stackSet!.operations[0]!.endTimestamp!) - Date.parse(NOW);
		expect(took).toBeLessThan(40_000);
		for (let cut = 0; cut <= 40_000; cut += 500) expect(await run(cut)).toEqual(straight);
	});

	it('refuses a save whose operation has no job, or whose job names no running operation', async () => {
		const world = await busyWorld();
		world.advanceBy(4_000);
		const snapshot = JSON.parse(JSON.stringify(world.snapshot())) as WorldSnapshot;
		const noJob = structuredClone(snapshot);
		noJob.jobs.jobs = noJob.jobs.jobs.filter((j) => j.kind !== 'stackSetOperation');
		expect(() => World.restore(noJob)).toThrow(/The saved world is damaged: stack set operation .* is RUNNING but has no job/);
		const orphan = structuredClone(snapshot);
		for (const c of orphan.cloudformation) delete c.stackSets;
		expect(() => World.restore(orphan)).toThrow(/The saved world is damaged: a stack set operation job runs/);
		const lost = structuredClone(snapshot);
		const job = lost.jobs.jobs.find((j) => j.kind === 'stackSetOperation');
		(job?.snapshot as { value: string }).value = 'elsewhere';
		expect(() => World.restore(lost)).toThrow(AwsError);
	});

	it('refuses stack sets of the wrong shape', async () => {
		const world = await busyWorld();
		const snapshot = JSON.parse(JSON.stringify(world.snapshot())) as WorldSnapshot;
		const admin = (s: WorldSnapshot) => s.cloudformation.find((c) => c.accountId === ADMIN && c.region === HOME)!;
		const badStatus = structuredClone(snapshot);
		(admin(badStatus).stackSets![0] as { status: string }).status = 'GONE';
		expect(() => World.restore(badStatus)).toThrow(/stackSets\[0\]\.status must be one of ACTIVE, DELETED/);
		const badTarget = structuredClone(snapshot);
		(admin(badTarget).stackSets![0]!.operations[0]!.targets[0] as { status: unknown }).status = 7;
		expect(() => World.restore(badTarget)).toThrow(AwsError);
		const badJob = structuredClone(snapshot);
		const job = badJob.jobs.jobs.find((j) => j.kind === 'stackSetOperation')!;
		(job.snapshot as { context: { finished: unknown } }).context.finished = 'no';
		expect(() => World.restore(badJob)).toThrow(/context\.finished must be a boolean/);
		// A save from before StackSets existed restores with none.
		const old = structuredClone(snapshot);
		for (const c of old.cloudformation) delete c.stackSets;
		old.jobs = { jobs: [], sequence: 0 };
		expect(World.restore(old).cloudformation({ arn: `arn:aws:iam::${ADMIN}:root`, accountId: ADMIN }, HOME).call('ListStackSets', {}).Summaries).toEqual([]);
	});
});
