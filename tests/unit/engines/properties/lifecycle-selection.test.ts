// Property: lifecycle never acts on an image no rule selects. Checked two ways against an
// independent reading of the AWS rules (ruleSelects in arbitraries.ts, globs as regular
// expressions rather than the engine's matcher):
// - the evaluator itself, on random images (tags, push and pull times, archived images, images
//   held by a manifest list) and random valid policies: every decision names a rule that selects
//   the image, no earlier rule selects it (the first rule to select an image claims it), the
//   action is the rule's, and the image meets the rule's count or age;
// - a world living through weeks of pushes, pulls and deletes: every image a daily run expires or
//   archives was, at that run, first selected by an expire (or transition) rule.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { evaluateLifecyclePolicy, parseLifecyclePolicy, type LifecycleImage } from '../../../../src/lib/engines/ecr/lifecycle';
import {
	DAY_MS,
	LIFECYCLE_START,
	PROPERTY_TIMEOUT,
	TAG_POOL,
	act,
	ecrOf,
	imagesOf,
	life,
	policySpec,
	ruleSelects,
	runs,
	startOfDay,
	type PolicySpec,
	type RuleSpec
} from './arbitraries';

const NOW = new Date('2026-06-15T00:00:00.000Z');
const NOW_MS = NOW.getTime();
const HOUR_MS = 3_600_000;

const lifecycleImage = (i: number): fc.Arbitrary<LifecycleImage> =>
	fc
		.record({
			tags: fc.uniqueArray(fc.constantFrom(...TAG_POOL), { maxLength: 3 }),
			pushedHoursAgo: fc.integer({ min: 0, max: 40 * 24 }),
			pulledHoursAgo: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: undefined }),
			archivedDaysAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined, freq: 5 }),
			pinned: fc.boolean()
		})
		.map(({ tags, pushedHoursAgo, pulledHoursAgo, archivedDaysAgo, pinned }) => ({
			imageDigest: `sha256:${i.toString(16).padStart(64, '0')}`,
			imageTags: tags,
			imagePushedAt: new Date(NOW_MS - pushedHoursAgo * HOUR_MS),
			...(pulledHoursAgo !== undefined && pulledHoursAgo < pushedHoursAgo ? { lastRecordedPullTime: new Date(NOW_MS - pulledHoursAgo * HOUR_MS) } : {}),
			...(archivedDaysAgo !== undefined ? { storageClass: 'ARCHIVE' as const, lastArchivedAt: new Date(NOW_MS - archivedDaysAgo * DAY_MS) } : { storageClass: 'STANDARD' as const }),
			...(pinned && i % 7 === 0 ? { referencedByManifestList: true } : {})
		}));

const imageSet = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lifecycleImage(i))));

type AnyRule = (RuleSpec & { rulePriority: number }) | { archive: true; rulePriority: number; countNumber: number };

/** The policy's rules in priority order, the archive-expiry rule included. */
function rulesOf(policy: PolicySpec): AnyRule[] {
	const rules: AnyRule[] = [...policy.rules];
	if (policy.archiveExpiryDays !== undefined) rules.push({ archive: true, rulePriority: 1001, countNumber: policy.archiveExpiryDays });
	return rules;
}

function selects(rule: AnyRule, tags: readonly string[], storageClass: 'STANDARD' | 'ARCHIVE'): boolean {
	return 'archive' in rule ? storageClass === 'ARCHIVE' : ruleSelects(rule, tags, storageClass);
}

const actionOf = (rule: AnyRule) => ('archive' in rule || rule.action === 'expire' ? 'EXPIRE' : 'TRANSITION');

/** Push time, ties broken by digest, as the count ranks images. */
const newer = (a: LifecycleImage, b: LifecycleImage) =>
	a.imagePushedAt.getTime() > b.imagePushedAt.getTime() || (a.imagePushedAt.getTime() === b.imagePushedAt.getTime() && a.imageDigest > b.imageDigest);

describe('lifecycle never acts on an image no rule selects', { timeout: PROPERTY_TIMEOUT }, () => {
	it('each evaluator decision is made by the first rule that selects the image, and the image qualifies', () => {
		fc.assert(
			fc.property(imageSet, policySpec, (images, spec) => {
				const decisions = evaluateLifecyclePolicy(parseLifecyclePolicy(spec.text), images, NOW);
				const rules = rulesOf(spec);
				const byDigest = new Map(images.map((i) => [i.imageDigest, i]));
				expect(new Set(decisions.map((d) => d.imageDigest)).size).toBe(decisions.length);
				for (const d of decisions) {
					const image = byDigest.get(d.imageDigest);
					if (!image) return expect.fail(`decision for an unknown image ${d.imageDigest}`);
					const first = rules.find((r) => selects(r, image.imageTags, image.storageClass));
					expect(first, `no rule selects ${d.imageDigest} (${image.imageTags.join(',') || 'untagged'}, ${image.storageClass})`).toBeDefined();
					if (!first) return;
					expect(d.appliedRulePriority, 'the first rule to select an image claims it').toBe(first.rulePriority);
					expect(d.action.type).toBe(actionOf(first));
					expect(image.referencedByManifestList ?? false, 'an image in a manifest list is never acted on').toBe(false);
					if (image.storageClass === 'ARCHIVE') expect(NOW_MS - (image.lastArchivedAt?.getTime() ?? NOW_MS)).toBeGreaterThanOrEqual(90 * DAY_MS);
					const cutoff = NOW_MS - first.countNumber * DAY_MS;
					if ('archive' in first) expect(image.lastArchivedAt?.getTime() ?? NOW_MS).toBeLessThan(cutoff);
					else if (first.countType === 'sinceImagePushed') expect(image.imagePushedAt.getTime()).toBeLessThan(cutoff);
					else if (first.countType === 'sinceImagePulled') expect(Math.max(image.imagePushedAt.getTime(), image.lastRecordedPullTime?.getTime() ?? 0)).toBeLessThan(cutoff);
					else {
						const kept = images.filter((other) => selects(first, other.imageTags, other.storageClass) && newer(other, image));
						expect(kept.length, 'an image is counted out only behind countNumber newer selected images').toBeGreaterThanOrEqual(first.countNumber);
					}
				}
			}),
			{ numRuns: runs(400) }
		);
	});

	it('every image a daily run expires or archives was first selected by a rule with that action', () => {
		fc.assert(
			fc.property(life, policySpec, (steps, spec) => {
				const world = World.create({ now: LIFECYCLE_START });
				const ecr = ecrOf(world);
				ecr.call('CreateRepository', { repositoryName: 'web' });
				ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: spec.text });
				const rules = rulesOf(spec);

				/** Moves to `target` one midnight at a time, checking each run against the images it saw. */
				const advanceChecking = (target: number) => {
					for (let midnight = startOfDay(world.clock.nowMs()) + DAY_MS; midnight <= target; midnight += DAY_MS) {
						const seen = new Map(imagesOf(world, 'web').map((i) => [i.digest, i]));
						for (const event of world.advanceTo(midnight)) {
							if (event.kind !== 'lifecycle-run' || event.repositoryName !== 'web') continue;
							for (const [digest, action] of [...event.expired.map((d) => [d, 'EXPIRE'] as const), ...event.transitioned.map((d) => [d, 'TRANSITION'] as const)]) {
								const image = seen.get(digest);
								if (!image) return expect.fail(`the run acted on ${digest}, which was not in the repository`);
								const storageClass = image.status === 'ARCHIVED' ? 'ARCHIVE' : 'STANDARD';
								const first = rules.find((r) => selects(r, image.tags, storageClass));
								expect(first, `the run ${action === 'EXPIRE' ? 'expired' : 'archived'} ${image.tags.join(',') || 'an untagged image'}, which no rule selects`).toBeDefined();
								if (first) expect(actionOf(first)).toBe(action);
							}
						}
					}
					world.advanceTo(target);
				};

				steps.forEach((step, i) => {
					const now = world.clock.nowMs();
					let target = startOfDay(now) + step.days * DAY_MS + step.minute * 60_000;
					if (target < now) target += DAY_MS;
					advanceChecking(target);
					act(world, 'web', step, i);
				});
				advanceChecking(world.clock.nowMs() + 10 * DAY_MS);
			}),
			{ numRuns: runs(60) }
		);
	});
});
