import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { DAY_MS } from '../../../../src/lib/engines/clock';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { fakeImage, pushSteps, runSteps } from '../../../../src/lib/engines/ecr/docker';
import { PREVIEW_DURATION_MS } from '../../../../src/lib/engines/ecr/lifecycle-api';

const START = '2026-10-01T09:00:00.000Z';
const untaggedOlderThan30 = JSON.stringify({
	rules: [
		{
			rulePriority: 1,
			description: 'Expire untagged images older than 30 days',
			selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 },
			action: { type: 'expire' }
		}
	]
});
const keepThree = JSON.stringify({
	rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 3 }, action: { type: 'expire' } }]
});

function setup() {
	const world = World.create({ now: START });
	const ecr = world.ecr(rootCaller(), 'us-east-1');
	ecr.call('CreateRepository', { repositoryName: 'web' });
	const push = (name: string, tag?: string) => runSteps(pushSteps(fakeImage(name), 'web', tag), (s) => ecr.callByName(s.operation, s.input));
	return { world, ecr, push };
}

describe('lifecycle policy operations', () => {
	it('stores, returns and deletes a policy; a missing one is named the AWS way', () => {
		const { ecr } = setup();
		expect(ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: untaggedOlderThan30 })).toEqual({
			registryId: '123456789012',
			repositoryName: 'web',
			lifecyclePolicyText: untaggedOlderThan30
		});
		expect(ecr.call('GetLifecyclePolicy', { repositoryName: 'web' }).lifecyclePolicyText).toBe(untaggedOlderThan30);
		ecr.call('DeleteLifecyclePolicy', { repositoryName: 'web' });
		expect(() => ecr.call('GetLifecyclePolicy', { repositoryName: 'web' })).toThrow(
			"Lifecycle policy does not exist for the repository with name 'web' in the registry with id '123456789012'"
		);
	});

	it('refuses an invalid policy and keeps the old one', () => {
		const { ecr } = setup();
		ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: keepThree });
		let error: unknown;
		try {
			// Long enough to pass the API's 100-character minimum, but the rule has no countType.
			const missingCountType = JSON.stringify({ rules: [{ rulePriority: 1, description: 'x'.repeat(80), selection: { tagStatus: 'untagged' }, action: { type: 'expire' } }] });
			ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: missingCountType });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(AwsError);
		expect((error as AwsError).code).toBe('InvalidParameterException');
		expect((error as AwsError).message).toMatch(/^Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: /);
		expect(ecr.call('GetLifecyclePolicy', { repositoryName: 'web' }).lifecyclePolicyText).toBe(keepThree);
	});

	it("the notes' example: previews, then expires untagged images older than 30 days at the next daily run", () => {
		const { world, ecr, push } = setup();
		push('build 1', 'latest');
		world.advanceBy(10 * DAY_MS);
		push('build 2', 'latest'); // build 1 is now untagged, pushed 10 days ago
		world.advanceBy(25 * DAY_MS);
		push('build 3', 'latest'); // build 2 untagged, pushed 25 days ago; build 1 is 35 days old
		const [build1, build2] = ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails ?? [];

		ecr.call('StartLifecyclePolicyPreview', { repositoryName: 'web', lifecyclePolicyText: untaggedOlderThan30 });
		world.advanceBy(PREVIEW_DURATION_MS);
		const preview = ecr.call('GetLifecyclePolicyPreview', { repositoryName: 'web' });
		expect(preview.status).toBe('COMPLETE');
		expect(preview.previewResults?.map((r) => r.imageDigest)).toEqual([build1?.imageDigest]);
		expect(preview.previewResults?.[0]).toMatchObject({ action: { type: 'EXPIRE' }, appliedRulePriority: 1, storageClass: 'STANDARD' });
		expect(preview.summary).toEqual({ expiringImageTotalCount: 1 });

		ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: untaggedOlderThan30 });
		const events = world.advanceTo('2026-11-06T00:00:00.000Z');
		expect(events).toEqual([
			{ at: '2026-11-06T00:00:00.000Z', kind: 'lifecycle-run', accountId: '123456789012', region: 'us-east-1', repositoryName: 'web', expired: [build1?.imageDigest], transitioned: [] }
		]);
		expect(ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails?.map((d) => d.imageDigest)).not.toContain(build1?.imageDigest);
		expect(ecr.call('GetLifecyclePolicy', { repositoryName: 'web' }).lastEvaluatedAt).toEqual(new Date('2026-11-06T00:00:00.000Z'));

		// Age counts from the push (2026-10-11 09:00), not from when the image lost its tag: build 2
		// is 30 days old on 2026-11-10 at 09:00 and goes at the first run after that.
		world.advanceTo('2026-11-10T23:59:59.000Z');
		expect(ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails?.map((d) => d.imageDigest)).toContain(build2?.imageDigest);
		world.advanceTo('2026-11-11T00:00:00.000Z');
		expect(ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails?.map((d) => d.imageDigest)).not.toContain(build2?.imageDigest);
	});

	it('time never moves backwards', () => {
		const { world } = setup();
		expect(() => world.advanceTo('2026-01-01T00:00:00Z')).toThrow(/cannot move backwards/);
	});

	it('the daily run expires exactly what the preview said', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ gapDays: fc.integer({ min: 0, max: 20 }), tag: fc.option(fc.constantFrom('latest', 'v1', 'v2', 'dev-1', 'prod-1'), { nil: undefined }) }), { maxLength: 12 }),
				fc.constantFrom(untaggedOlderThan30, keepThree),
				(pushes, policy) => {
					const { world, ecr, push } = setup();
					pushes.forEach((p, i) => {
						world.advanceBy(p.gapDays * DAY_MS);
						push(`image ${i}`, p.tag);
					});
					ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: policy });
					ecr.call('StartLifecyclePolicyPreview', { repositoryName: 'web' });
					world.advanceBy(PREVIEW_DURATION_MS);
					const said = (ecr.call('GetLifecyclePolicyPreview', { repositoryName: 'web' }).previewResults ?? []).map((r) => r.imageDigest).sort();
					const before = (ecr.call('DescribeImages', { repositoryName: 'web', maxResults: 1000 }).imageDetails ?? []).map((d) => d.imageDigest);
					// Run at the next midnight, with no time for anything to age in between.
					const nextMidnight = (Math.floor(world.clock.nowMs() / DAY_MS) + 1) * DAY_MS;
					ecr.call('StartLifecyclePolicyPreview', { repositoryName: 'web' });
					world.advanceTo(nextMidnight);
					const after = new Set((ecr.call('DescribeImages', { repositoryName: 'web', maxResults: 1000 }).imageDetails ?? []).map((d) => d.imageDigest));
					const expired = before.filter((d) => !after.has(d)).sort();
					if (policy === keepThree) expect(expired).toEqual(said);
					else expect(said.every((d) => expired.includes(d))).toBe(true);
				}
			),
			{ numRuns: 150 }
		);
	});
});
