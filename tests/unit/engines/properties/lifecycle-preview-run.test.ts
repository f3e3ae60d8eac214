// Property: the daily lifecycle run does what the preview said. For a repository whose images were
// pushed, pulled and deleted over several weeks, and any valid lifecycle policy, the images that
// the 00:00 UTC run expires are exactly the previewed EXPIRE results, and the images it archives
// exactly the previewed TRANSITION results.
//
// The preview is computed when it starts; the run happens later, at midnight. Both evaluate the
// same rules on the same images, so they can only disagree if some image crosses a threshold in
// between. The test is built so that nothing can:
// - imageCountMoreThan does not depend on the time at all.
// - sinceImagePushed / sinceImagePulled N (whole days) select an image once now > t + N × 24 h,
//   where t is its push or pull time. Every push and pull here happens before 23:00 UTC, so every
//   such threshold falls at a time of day before 23:00, never in (23:00, 24:00]. The preview starts
//   at 23:00 and the run is at the following 00:00, so each image is on the same side of its
//   threshold at both instants.
// - Archived images can be expired only after 90 days in the archive (and sinceImageTransitioned
//   is at least 90 days). The whole life here is shorter than 90 days (at most 20 steps of at most
//   3 days, then a day), so no archived image reaches that age at either instant.
// - Nothing else happens between the preview and the run: no push, pull, tag or policy change.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { parseLifecyclePolicy } from '../../../../src/lib/engines/ecr/lifecycle';
import { DAY_MS, LIFECYCLE_START, MINUTE_MS, PROPERTY_TIMEOUT, act, ecrOf, imagesOf, life, moveTo, policySpec, runs, startOfDay } from './arbitraries';

const HOUR_MS = 60 * MINUTE_MS;

interface PreviewResult {
	imageDigest?: string;
	action?: { type?: string };
}

function allPreviewResults(world: World, repositoryName: string): PreviewResult[] {
	const ecr = ecrOf(world);
	const results: PreviewResult[] = [];
	let nextToken: string | undefined;
	do {
		const page = ecr.call('GetLifecyclePolicyPreview', { repositoryName, maxResults: 100, ...(nextToken ? { nextToken } : {}) });
		expect(page.status).toBe('COMPLETE');
		results.push(...(page.previewResults ?? []));
		nextToken = page.nextToken;
	} while (nextToken);
	return results;
}

const digestsWith = (results: PreviewResult[], type: string) =>
	results
		.filter((r) => r.action?.type === type)
		.map((r) => r.imageDigest ?? '')
		.sort();

describe('the daily run does what the preview said', { timeout: PROPERTY_TIMEOUT }, () => {
	it('the 00:00 UTC run expires and archives exactly the images a 23:00 preview listed', () => {
		fc.assert(
			fc.property(life, policySpec, fc.boolean(), (steps, policy, policyFromTheStart) => {
				parseLifecyclePolicy(policy.text); // the generator makes valid policies only
				const world = World.create({ now: LIFECYCLE_START });
				const ecr = ecrOf(world);
				ecr.call('CreateRepository', { repositoryName: 'web' });
				// With the policy in place from the start, earlier daily runs have already expired and
				// archived images by the time of the preview; otherwise the checked run is its first.
				if (policyFromTheStart) ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: policy.text });
				steps.forEach((step, i) => {
					moveTo(world, step.days, step.minute);
					act(world, 'web', step, i);
				});
				if (!policyFromTheStart) ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: policy.text });

				const midnight = startOfDay(world.clock.nowMs()) + DAY_MS;
				world.advanceTo(midnight - HOUR_MS);
				ecr.call('StartLifecyclePolicyPreview', { repositoryName: 'web' });
				world.advanceBy(MINUTE_MS); // a preview takes a moment to complete
				const preview = allPreviewResults(world, 'web');
				const before = imagesOf(world, 'web');

				const events = world.advanceTo(midnight).filter((e) => e.kind === 'lifecycle-run' && e.repositoryName === 'web');
				const after = new Map(imagesOf(world, 'web').map((i) => [i.digest, i]));
				const expired = before.filter((i) => !after.has(i.digest)).map((i) => i.digest).sort();
				const archived = before.filter((i) => i.status === 'ACTIVE' && after.get(i.digest)?.status === 'ARCHIVED').map((i) => i.digest).sort();

				expect(expired).toEqual(digestsWith(preview, 'EXPIRE'));
				expect(archived).toEqual(digestsWith(preview, 'TRANSITION'));
				expect(events).toHaveLength(1);
				const [event] = events;
				if (event?.kind === 'lifecycle-run') {
					expect([...event.expired].sort()).toEqual(expired);
					expect([...event.transitioned].sort()).toEqual(archived);
				}
				// The run leaves alone every image the preview did not name.
				const named = new Set(preview.map((r) => r.imageDigest));
				for (const image of before) if (!named.has(image.digest)) expect(after.get(image.digest)).toEqual(image);
			}),
			{ numRuns: runs(100) }
		);
	});
});
