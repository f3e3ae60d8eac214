// Stack operations persist in the world's JSON: a save taken at any instant of an update (with a
// replacement, a removal and a failure that rolls it back) resumes to the same end, a damaged save
// is refused, and a world waits for the resource schemas it needs instead of guessing.
import { describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { World, type WorldSnapshot } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { AwsError } from '../../../../../src/lib/engines/errors';
import { fakeProvider, fakeRegistry, json, NOW, REGION, THING } from './helpers';

const REPO = 'AWS::ECR::Repository';
const providers = () => fakeRegistry(fakeProvider(REPO), fakeProvider(THING, { create: 2_000, update: 2_000, delete: 2_000 }));

const v1 = json({ Resources: { Repo: { Type: REPO, Properties: { EncryptionConfiguration: { EncryptionType: 'AES256' } } }, User: { Type: THING, Properties: { Arn: { 'Fn::GetAtt': ['Repo', 'Arn'] } } }, Gone: { Type: THING, Properties: {} } } });
const v2 = json({ Resources: { Repo: { Type: REPO, Properties: { EncryptionConfiguration: { EncryptionType: 'KMS' } } }, User: { Type: THING, Properties: { Arn: { 'Fn::GetAtt': ['Repo', 'Arn'] } } } } });
const v3 = json({ Resources: { Repo: { Type: REPO, Properties: { EncryptionConfiguration: { EncryptionType: 'AES256' } } }, User: { Type: THING, Properties: { Arn: { 'Fn::GetAtt': ['Repo', 'Arn'] }, FailUpdate: 'no' } } } });

function run(cut: number | undefined): WorldSnapshot {
	let world = World.create({ now: NOW, providers: providers() });
	const cfn = () => world.cloudformation(rootCaller(), REGION);
	cfn().call('CreateStack', { StackName: 's', TemplateBody: v1 });
	world.advanceBy(60_000);
	cfn().call('UpdateStack', { StackName: 's', TemplateBody: v2 });
	world.advanceBy(60_000);
	cfn().call('UpdateStack', { StackName: 's', TemplateBody: v3 });
	if (cut !== undefined) {
		world.advanceBy(cut);
		world = World.restore(JSON.parse(JSON.stringify(world.snapshot())), { providers: providers() });
	}
	world.advanceBy(120_000 - (cut ?? 0));
	return world.snapshot();
}

describe('saving mid-operation', () => {
	it('resumes a failing update and its rollback from a save taken at any instant', async () => {
		await loadResourceSchemas([REPO]);
		const straight = run(undefined);
		const stack = straight.cloudformation.find((c) => c.region === REGION && c.accountId === '123456789012')?.stacks[0];
		expect(stack?.status).toBe('UPDATE_ROLLBACK_COMPLETE');
		for (let cut = 0; cut <= 30_000; cut += 500) expect(run(cut)).toEqual(straight);
	});

	it('refuses a save whose running operation belongs to no stack, or whose machine state is unknown', async () => {
		await loadResourceSchemas([REPO]);
		const world = World.create({ now: NOW, providers: providers() });
		world.cloudformation(rootCaller(), REGION).call('CreateStack', { StackName: 's', TemplateBody: v1 });
		const snapshot = world.snapshot();
		const orphan = structuredClone(snapshot);
		for (const c of orphan.cloudformation) c.stacks = [];
		expect(() => World.restore(orphan)).toThrow(AwsError);
		const lost = structuredClone(snapshot);
		(lost.jobs.jobs[0]?.snapshot as { value: string }).value = 'somewhere';
		expect(() => World.restore(lost)).toThrow('The saved world is damaged: jobs.jobs[0].snapshot.value must be one of');
		const odd = structuredClone(snapshot);
		(odd.cloudformation[0]?.stacks[0] as { status: unknown }).status = 5;
		expect(() => World.restore(odd)).toThrow('The saved world is damaged: cloudformation[0].stacks[0].status must be a string.');
		// A save from before CloudFormation existed restores with empty stacks.
		const old = structuredClone(snapshot) as Partial<WorldSnapshot>;
		delete old.cloudformation;
		delete old.lightResources;
		delete old.globalResources;
		old.jobs = { jobs: [], sequence: 0 };
		expect(World.restore(old).cloudformation(rootCaller(), REGION).call('ListStacks', {}).StackSummaries).toEqual([]);
	});
});
