// Which images a lifecycle policy expires or archives at a given instant: the lifecycle run and
// the lifecycle preview both ask this, and both get GetLifecyclePolicyPreview's previewResults.
//
// AWS's evaluation rules, as implemented here:
// - All rules are evaluated against the repository as it is, then applied in ascending
//   rulePriority. Rules act on images (digests), never on single tags.
// - An image is acted on by at most one rule.
// - Claiming: once an image matches a rule's selection (tag status, lists, storage class), no
//   later rule can act on it, even if that rule did not act on it (too young, within its count).
// - Counting: an imageCountMoreThan rule still counts claimed and already-acted-on images. It
//   ranks every image its selection matches, newest first, keeps the first countNumber and may act
//   only on unclaimed images after them ("Filtering on all images, example B": rule 3 expires D
//   because E, claimed by rule 2, holds the one kept place).
// - Every tagPrefixList / tagPatternList entry must be matched by at least one of the image's
//   tags (AND); a rule with tagStatus "tagged" never selects an untagged image.
// - A rule selects only images in its storage class ("standard" unless it says "archive").
// - Images referenced by a manifest list are counted and claimed but never acted on.
// - Archived images are never expired before 90 days in archive.
//
// Ranking uses the push time, or the restore time for an image restored from archive. Ties are
// broken by digest (the smaller digest counts as newer) so the result never depends on the
// order the images were given in.
//
// Output order: by appliedRulePriority, then oldest push first, then digest.
import type {
	ImageActionType,
	LifecyclePolicyPreviewResult,
	LifecyclePolicyStorageClass,
	LifecyclePolicyTargetStorageClass
} from '@aws-sdk/client-ecr';
import { AwsError } from '../../errors';
import { compileTagPattern, matchesTagPrefix } from './pattern';
import { LIFECYCLE_POLICY_LIMITS, type LifecyclePolicy, type LifecycleRule } from './policy';

export type ImageStorageClass = LifecyclePolicyStorageClass;

export interface LifecycleImage {
	imageDigest: string;
	imageTags: string[];
	imagePushedAt: Date;
	lastRecordedPullTime?: Date;
	/** When the image was last restored from archive. */
	lastActivatedAt?: Date;
	lastArchivedAt?: Date;
	storageClass: ImageStorageClass;
	/** True while a manifest list (image index) in the repository refers to this image. */
	referencedByManifestList?: boolean;
}

export interface LifecycleDecision {
	imageDigest: string;
	imageTags: string[];
	imagePushedAt: Date;
	storageClass: ImageStorageClass;
	action: { type: ImageActionType; targetStorageClass?: LifecyclePolicyTargetStorageClass };
	appliedRulePriority: number;
}

// The decisions are GetLifecyclePolicyPreview's previewResults; keep the compiler checking it.
type PreviewResultShape<T extends LifecyclePolicyPreviewResult> = T;
export type LifecyclePreviewResult = PreviewResultShape<LifecycleDecision>;

const DAY_MS = 86_400_000;

export function evaluateLifecyclePolicy(policy: LifecyclePolicy, images: readonly LifecycleImage[], now: Date): LifecycleDecision[] {
	const nowMs = now.getTime();
	if (!Number.isFinite(nowMs)) {
		throw new AwsError('ServerException', 'Lifecycle policy evaluation needs a valid current time.', { fault: 'server' });
	}

	const count = images.length;
	const rankTime = new Float64Array(count);
	for (let i = 0; i < count; i++) rankTime[i] = rankTimeOf(images[i] as LifecycleImage);
	// One newest-first ranking serves every imageCountMoreThan rule: each walks it and skips
	// the images its selection does not match, so no rule sorts again.
	const newestFirst = Array.from({ length: count }, (_, i) => i).sort((a, b) => {
		const byTime = (rankTime[b] as number) - (rankTime[a] as number);
		if (byTime !== 0) return byTime;
		return compareStrings((images[a] as LifecycleImage).imageDigest, (images[b] as LifecycleImage).imageDigest);
	});

	const claimed = new Uint8Array(count);
	const appliedBy: (LifecycleRule | undefined)[] = new Array<LifecycleRule | undefined>(count);
	const rules = [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);

	for (const rule of rules) {
		const selects = selector(rule);
		const { countType, countNumber } = rule.selection;
		const act = (i: number, image: LifecycleImage): void => {
			if (claimed[i] || image.referencedByManifestList || !archiveMinimumMet(rule, image, nowMs)) return;
			appliedBy[i] = rule;
		};

		if (countType === 'imageCountMoreThan') {
			let kept = 0;
			for (const i of newestFirst) {
				const image = images[i] as LifecycleImage;
				if (!selects(image)) continue;
				if (kept < countNumber) kept++;
				else act(i, image);
				claimed[i] = 1;
			}
		} else {
			// Strictly more than countNumber days before now: an image exactly N days old is not
			// yet "older than N days" (doc example "all images B": rule 2 spares E, pushed 1 day ago).
			const cutoff = nowMs - countNumber * DAY_MS;
			for (let i = 0; i < count; i++) {
				const image = images[i] as LifecycleImage;
				if (!selects(image)) continue;
				const since = ageReference(countType, image);
				if (since !== undefined && since < cutoff) act(i, image);
				claimed[i] = 1;
			}
		}
	}

	const decisions: LifecycleDecision[] = [];
	for (let i = 0; i < count; i++) {
		const rule = appliedBy[i];
		if (rule) decisions.push(decide(images[i] as LifecycleImage, rule));
	}
	return decisions.sort(
		(a, b) =>
			a.appliedRulePriority - b.appliedRulePriority ||
			a.imagePushedAt.getTime() - b.imagePushedAt.getTime() ||
			compareStrings(a.imageDigest, b.imageDigest)
	);
}

function selector(rule: LifecycleRule): (image: LifecycleImage) => boolean {
	const { tagStatus, tagPrefixList, tagPatternList, storageClass } = rule.selection;
	const wanted: ImageStorageClass = storageClass === 'archive' ? 'ARCHIVE' : 'STANDARD';
	if (tagStatus === 'any') return (image) => image.storageClass === wanted;
	if (tagStatus === 'untagged') return (image) => image.storageClass === wanted && image.imageTags.length === 0;

	const entries: ((tag: string) => boolean)[] = tagPatternList
		? tagPatternList.map((pattern) => compileTagPattern(pattern).matches)
		: (tagPrefixList ?? []).map((prefix) => (tag: string) => matchesTagPrefix(prefix, tag));
	return (image) =>
		image.storageClass === wanted &&
		image.imageTags.length > 0 &&
		entries.every((entryMatches) => image.imageTags.some(entryMatches));
}

/** The instant a since* rule measures age from, or undefined when the image has none. */
function ageReference(countType: LifecycleRule['selection']['countType'], image: LifecycleImage): number | undefined {
	switch (countType) {
		case 'sinceImagePushed':
			return image.imagePushedAt.getTime();
		case 'sinceImagePulled':
			// Never pulled counts from the push; restored and not pulled since counts from the
			// restore. The latest of the three is exactly that, whichever of them exist.
			return Math.max(image.imagePushedAt.getTime(), image.lastRecordedPullTime?.getTime() ?? -Infinity, image.lastActivatedAt?.getTime() ?? -Infinity);
		case 'sinceImageTransitioned':
			// An archived image always has an archive time; without one there is no proof it
			// has served the minimum, so it is left alone.
			return image.lastArchivedAt?.getTime();
		default:
			return undefined;
	}
}

function rankTimeOf(image: LifecycleImage): number {
	const pushed = image.imagePushedAt.getTime();
	const restored = image.lastActivatedAt?.getTime();
	return restored !== undefined && restored > pushed ? restored : pushed;
}

/** Validation already keeps sinceImageTransitioned at ≥ 90 days; this guards hand-built policies. */
function archiveMinimumMet(rule: LifecycleRule, image: LifecycleImage, nowMs: number): boolean {
	if (rule.action.type !== 'expire' || image.storageClass !== 'ARCHIVE') return true;
	const archivedAt = image.lastArchivedAt?.getTime();
	return archivedAt !== undefined && nowMs - archivedAt >= LIFECYCLE_POLICY_LIMITS.archiveMinimumDays * DAY_MS;
}

function decide(image: LifecycleImage, rule: LifecycleRule): LifecycleDecision {
	return {
		imageDigest: image.imageDigest,
		imageTags: [...image.imageTags],
		imagePushedAt: new Date(image.imagePushedAt.getTime()),
		storageClass: image.storageClass,
		action: rule.action.type === 'transition' ? { type: 'TRANSITION', targetStorageClass: 'ARCHIVE' } : { type: 'EXPIRE' },
		appliedRulePriority: rule.rulePriority
	};
}

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
