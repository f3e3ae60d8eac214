// Properties of stack operations over random small templates (fake providers, random dependency
// graphs, random failures): a world saved and restored at any instant mid-operation ends exactly
// like one that ran straight through; create then delete leaves the world as it was (with the
// fakes, and with the real providers of the simulated services, keeping what DeletionPolicy
// Retain / RetainExceptOnCreate keeps); a failed create rolls back to nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { defaultFakes, events, json, lines, NOW, OTHER, REGION, THING } from './helpers';
import { footprint, realTemplates, templateOf as realTemplateOf, type Kept } from './real-templates';

beforeAll(async () => {
	await loadResourceSchemas();
});

interface Spec {
	type: string;
	deps: number[];
	refs: number[];
	fail: boolean;
	value: string;
}

/** Resources R0..Rn; each may depend on (DependsOn) and refer to (Ref) earlier ones only, so the graph has no cycle. */
const specs = fc.integer({ min: 1, max: 7 }).chain((n) =>
	fc.tuple(
		...Array.from({ length: n }, (_, i) =>
			fc.record({
				type: fc.constantFrom(THING, OTHER),
				deps: fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, i - 1) }), { maxLength: i === 0 ? 0 : 2 }),
				refs: fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, i - 1) }), { maxLength: i === 0 ? 0 : 2 }),
				fail: fc.boolean(),
				value: fc.string({ maxLength: 6 })
			})
		)
	)
);

function templateOf(resources: readonly Spec[], failures: boolean): string {
	return json({
		Resources: Object.fromEntries(
			resources.map((r, i) => [
				`R${i}`,
				{
					Type: r.type,
					...(r.deps.length ? { DependsOn: r.deps.map((d) => `R${d}`) } : {}),
					Properties: {
						Value: r.value,
						...Object.fromEntries(r.refs.map((d) => [`To${d}`, { Ref: `R${d}` }])),
						...(failures && r.fail ? { FailCreate: `R${i} cannot be made` } : {})
					}
				}
			])
		)
	});
}

/** The parts of the world that hold resources (not CloudFormation's own bookkeeping). */
function resourcesOf(world: World) {
	const s = world.snapshot();
	return { ecr: s.ecr, ecrPublic: s.ecrPublic, iam: s.iam, light: s.lightResources.map((l) => l.resources), global: s.globalResources.resources };
}

const newWorld = () => World.create({ now: NOW, providers: defaultFakes() });
const cfnOf = (w: World) => w.cloudformation(rootCaller(), REGION);

describe('stack operation properties', () => {
	it('create then delete leaves the world as it was', () => {
		fc.assert(
			fc.property(specs, (resources) => {
				const world = newWorld();
				const before = resourcesOf(world);
				const cfn = cfnOf(world);
				cfn.call('CreateStack', { StackName: 'p', TemplateBody: templateOf(resources, false) });
				world.advanceBy(3_600_000);
				expect(cfn.call('DescribeStacks', { StackName: 'p' }).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
				expect(resourcesOf(world)).not.toEqual(before);
				cfn.call('DeleteStack', { StackName: 'p' });
				world.advanceBy(3_600_000);
				expect(resourcesOf(world)).toEqual(before);
				expect(world.snapshot().jobs.jobs).toEqual([]);
			}),
			{ numRuns: 60 }
		);
	});

	it('a failed create rolls back to nothing, deleting in reverse dependency order', () => {
		fc.assert(
			fc.property(
				specs.filter((rs) => rs.some((r) => r.fail)),
				(resources) => {
					const world = newWorld();
					const before = resourcesOf(world);
					const cfn = cfnOf(world);
					cfn.call('CreateStack', { StackName: 'p', TemplateBody: templateOf(resources, true) });
					world.advanceBy(3_600_000);
					expect(cfn.call('DescribeStacks', { StackName: 'p' }).Stacks?.[0]?.StackStatus).toBe('ROLLBACK_COMPLETE');
					expect(resourcesOf(world)).toEqual(before);
					// A resource is deleted only after everything that depends on it.
					const all = events(cfn, 'p');
					const deletedAt = (id: string) => all.findIndex((e) => e.LogicalResourceId === id && e.ResourceStatus === 'DELETE_COMPLETE');
					resources.forEach((r, i) => {
						for (const d of [...r.deps, ...r.refs]) if (deletedAt(`R${i}`) >= 0 && deletedAt(`R${d}`) >= 0) expect(deletedAt(`R${i}`)).toBeLessThan(deletedAt(`R${d}`));
					});
				}
			),
			{ numRuns: 60 }
		);
	});

	it('a world saved and restored at any instant mid-operation finishes identically', () => {
		fc.assert(
			fc.property(specs, fc.boolean(), fc.integer({ min: 0, max: 40_000 }), (resources, failures, cut) => {
				const script = (world: World, pause?: () => World): World => {
					let w = world;
					cfnOf(w).call('CreateStack', { StackName: 'p', TemplateBody: templateOf(resources, failures) });
					w.advanceBy(cut);
					if (pause) w = pause();
					w.advanceBy(3_600_000);
					return w;
				};
				const straight = script(newWorld());
				let saved: World | undefined;
				const resumed = script((saved = newWorld()), () => World.restore(JSON.parse(JSON.stringify(saved?.snapshot())), { providers: defaultFakes() }));
				expect(resumed.snapshot()).toEqual(straight.snapshot());
				expect(lines(events(cfnOf(resumed), 'p'))).toEqual(lines(events(cfnOf(straight), 'p')));
			}),
			{ numRuns: 60 }
		);
	});
});

describe('create then delete with the real providers', () => {
	const statusOf = (cfn: ReturnType<typeof cfnOf>, name: string) => cfn.call('DescribeStacks', { StackName: name }).Stacks?.[0]?.StackStatus;

	it('leaves the world as it was, except what DeletionPolicy Retain or RetainExceptOnCreate keeps', () => {
		fc.assert(
			fc.property(realTemplates, (t) => {
				const world = World.create({ now: NOW });
				const before = footprint(world.snapshot());
				const cfn = cfnOf(world);
				const body = realTemplateOf(t);
				const { StackId } = cfn.call('CreateStack', { StackName: 'p', TemplateBody: body, Capabilities: ['CAPABILITY_IAM'] });
				world.advanceBy(3_600_000);
				expect(statusOf(cfn, 'p'), lines(events(cfn, 'p')).join('\n')).toBe('CREATE_COMPLETE');
				const template = JSON.parse(body) as { Resources: Record<string, { Type: string; DeletionPolicy?: string }> };
				const kept: Kept[] = (cfn.call('DescribeStackResources', { StackName: 'p' }).StackResources ?? [])
					.filter((r) => ['Retain', 'RetainExceptOnCreate'].includes(template.Resources[r.LogicalResourceId ?? '']?.DeletionPolicy ?? ''))
					.map((r) => ({ type: r.ResourceType ?? '', physicalId: r.PhysicalResourceId ?? '' }));
				cfn.call('DeleteStack', { StackName: 'p' });
				world.advanceBy(3_600_000);
				expect(statusOf(cfn, StackId ?? ''), lines(events(cfn, StackId ?? '')).join('\n')).toBe('DELETE_COMPLETE');
				const after = world.snapshot();
				expect(footprint(after, kept)).toEqual(before);
				// What was kept is still there, untouched by the delete (an AWS::IAM::Policy only as its
				// shadow record, keyed `<account>/<id>`, beside the inline policy on its principal).
				for (const k of kept) expect(JSON.stringify(footprint(after)), `${k.type} ${k.physicalId} was kept`).toContain(`${k.physicalId}"`);
				expect(after.jobs.jobs).toEqual([]);
			}),
			{ numRuns: 40 }
		);
	});

	// Once pinned as a known gap (IAM had no DeleteUser): a stack's IAM user is gone from IAM after the stack is.
	it('IAM principals are removed too', () => {
		const world = World.create({ now: NOW });
		const before = footprint(world.snapshot());
		const cfn = cfnOf(world);
		cfn.call('CreateStack', { StackName: 'p', TemplateBody: json({ Resources: { U: { Type: 'AWS::IAM::User', Properties: {} } } }), Capabilities: ['CAPABILITY_IAM'] });
		world.advanceBy(3_600_000);
		cfn.call('DeleteStack', { StackName: 'p' });
		world.advanceBy(3_600_000);
		expect(footprint(world.snapshot())).toEqual(before);
	});
});
