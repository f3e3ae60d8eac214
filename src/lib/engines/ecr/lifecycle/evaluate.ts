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
// - Ages: "older than N days" means more than N × 24 h before `now`. sinceImagePushed measures
//   from the push (also for a restored image), sinceImagePulled from the latest of push, last
//   recorded pull and restore, sinceImageTransitioned from lastArchivedAt (an image without one
//   is never old enough).
//
// Ranking uses the push time, or the restore time for an image restored from archive. Ties are
// broken by digest (the larger digest counts as newer) so the result never depends on the
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
const ARCHIVE_MINIMUM_MS = LIFECYCLE_POLICY_LIMITS.archiveMinimumDays * DAY_MS;

export function evaluateLifecyclePolicy(policy: LifecyclePolicy, images: readonly LifecycleImage[], now: Date): LifecycleDecision[] {
	const nowMs = now.getTime();
	if (!Number.isFinite(nowMs)) {
		throw new AwsError('ServerException', 'Lifecycle policy evaluation needs a valid current time.', { fault: 'server' });
	}

	// Everything each rule compares is read from the images once, into flat arrays.
	const count = images.length;
	const pushed = new Float64Array(count);
	const ranked = new Float64Array(count);
	const lastUse = new Float64Array(count);
	const archivedAt = new Float64Array(count);
	const inArchive = new Uint8Array(count);
	const pinned = new Uint8Array(count);
	const tagLists: (readonly string[])[] = new Array<readonly string[]>(count);
	let anyRestored = false;
	for (let i = 0; i < count; i++) {
		const image = images[i] as LifecycleImage;
		const pushedAt = image.imagePushedAt.getTime();
		const restoredAt = image.lastActivatedAt?.getTime() ?? Number.NaN;
		const pulledAt = image.lastRecordedPullTime?.getTime() ?? Number.NaN;
		pushed[i] = pushedAt;
		ranked[i] = restoredAt > pushedAt ? restoredAt : pushedAt;
		if (restoredAt > pushedAt) anyRestored = true;
		// sinceImagePulled: never pulled counts from the push; restored and not pulled since
		// counts from the restore. The latest of the three times is exactly that.
		lastUse[i] = Math.max(pushedAt, Number.isNaN(pulledAt) ? pushedAt : pulledAt, Number.isNaN(restoredAt) ? pushedAt : restoredAt);
		// NaN when never archived: every comparison with it is false, so such an image is never
		// old enough for sinceImageTransitioned nor past the archive minimum.
		archivedAt[i] = image.lastArchivedAt?.getTime() ?? Number.NaN;
		inArchive[i] = image.storageClass === 'ARCHIVE' ? 1 : 0;
		pinned[i] = image.referencedByManifestList ? 1 : 0;
		tagLists[i] = image.imageTags;
	}

	// One sort serves everything: oldest first is the output order, and read backwards it is
	// the newest-first ranking of every imageCountMoreThan rule (unless a restored image ranks by
	// its restore time, which needs a second sort).
	const oldestFirst = sortedIndices(pushed, images);
	const newestFirst = (anyRestored ? sortedIndices(ranked, images) : oldestFirst.slice()).reverse();

	const rules = [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);
	const claimed = new Uint8Array(count);
	const appliedRule = new Int32Array(count).fill(-1);

	for (let r = 0; r < rules.length; r++) {
		const rule = rules[r] as LifecycleRule;
		const selection = compileSelection(rule);
		const { countType, countNumber } = rule.selection;
		const expires = rule.action.type === 'expire';
		const mayAct = (i: number): boolean =>
			pinned[i] === 0 && (!expires || inArchive[i] === 0 || nowMs - (archivedAt[i] as number) >= ARCHIVE_MINIMUM_MS);

		if (countType === 'imageCountMoreThan') {
			let kept = 0;
			for (let k = 0; k < count; k++) {
				const i = newestFirst[k] as number;
				// Once the kept places are filled, a claimed image can neither count nor be acted on.
				if (kept >= countNumber && claimed[i] === 1) continue;
				if (!selects(selection, inArchive[i] as number, tagLists[i] as readonly string[])) continue;
				if (kept < countNumber) kept++;
				else if (claimed[i] === 0 && mayAct(i)) appliedRule[i] = r;
				claimed[i] = 1;
			}
		} else {
			// Strictly more than countNumber days before now: an image exactly N days old is not
			// yet "older than N days" (doc example "all images B": rule 2 spares E, pushed 1 day ago).
			const cutoff = nowMs - countNumber * DAY_MS;
			const since = countType === 'sinceImagePushed' ? pushed : countType === 'sinceImagePulled' ? lastUse : archivedAt;
			for (let i = 0; i < count; i++) {
				// Age rules do not count, so an image an earlier rule claimed is of no interest.
				if (claimed[i] === 1) continue;
				if (!selects(selection, inArchive[i] as number, tagLists[i] as readonly string[])) continue;
				if ((since[i] as number) < cutoff && mayAct(i)) appliedRule[i] = r;
				claimed[i] = 1;
			}
		}
	}

	const byRule: number[][] = rules.map(() => []);
	for (let k = 0; k < count; k++) {
		const i = oldestFirst[k] as number;
		const r = appliedRule[i] as number;
		if (r >= 0) (byRule[r] as number[]).push(i);
	}
	const decisions: LifecycleDecision[] = [];
	byRule.forEach((indices, r) => {
		for (const i of indices) decisions.push(decide(images[i] as LifecycleImage, rules[r] as LifecycleRule));
	});
	return decisions;
}

interface CompiledSelection {
	archive: number;
	tagStatus: LifecycleRule['selection']['tagStatus'];
	entries: ((tag: string) => boolean)[];
}

function compileSelection(rule: LifecycleRule): CompiledSelection {
	const { tagStatus, tagPrefixList, tagPatternList, storageClass } = rule.selection;
	const entries = tagPatternList
		? tagPatternList.map((pattern) => compileTagPattern(pattern).matches)
		: (tagPrefixList ?? []).map((prefix) => (tag: string) => matchesTagPrefix(prefix, tag));
	return { archive: storageClass === 'archive' ? 1 : 0, tagStatus, entries };
}

function selects(selection: CompiledSelection, inArchive: number, tags: readonly string[]): boolean {
	if (inArchive !== selection.archive) return false;
	if (selection.tagStatus === 'any') return true;
	if (selection.tagStatus === 'untagged') return tags.length === 0;
	if (tags.length === 0) return false;
	// Every entry must be matched by at least one tag.
	for (const entryMatches of selection.entries) {
		let matched = false;
		for (let t = 0; t < tags.length && !matched; t++) matched = entryMatches(tags[t] as string);
		if (!matched) return false;
	}
	return true;
}

/** Image indices by time, oldest first; equal times by digest. */
function sortedIndices(times: Float64Array, images: readonly LifecycleImage[]): Uint32Array {
	const count = times.length;
	const byDigest = (a: number, b: number) => compareStrings((images[a] as LifecycleImage).imageDigest, (images[b] as LifecycleImage).imageDigest);
	let min = Infinity;
	let max = -Infinity;
	let invalid = false;
	for (let i = 0; i < count; i++) {
		const t = times[i] as number;
		if (t < min) min = t;
		if (t > max) max = t;
		if (Number.isNaN(t)) invalid = true;
	}
	// A comparator sort costs a JS call per comparison; a typed array sorts numbers natively.
	// Packing (time - oldest) * 2^k + index into one exact double lets the native sort order the
	// indices, as long as the product stays below 2^53 (a span of ~17 years for 10,000 images).
	const slots = 2 ** Math.ceil(Math.log2(Math.max(count, 2)));
	if (invalid || (count > 0 && (max - min + 1) * slots > Number.MAX_SAFE_INTEGER)) {
		const order = Uint32Array.from({ length: count }, (_, i) => i);
		return order.sort((a, b) => (times[a] as number) - (times[b] as number) || byDigest(a, b));
	}
	const keys = new Float64Array(count);
	for (let i = 0; i < count; i++) keys[i] = ((times[i] as number) - min) * slots + i;
	keys.sort();
	const order = new Uint32Array(count);
	for (let k = 0; k < count; k++) order[k] = (keys[k] as number) % slots;
	// Equal times came out by index; put each such run in digest order instead.
	for (let start = 0; start < count; ) {
		let end = start + 1;
		while (end < count && times[order[end] as number] === times[order[start] as number]) end++;
		if (end - start > 1) order.subarray(start, end).sort(byDigest);
		start = end;
	}
	return order;
}

function decide(image: LifecycleImage, rule: LifecycleRule): LifecycleDecision {
	return {
		imageDigest: image.imageDigest,
		imageTags: image.imageTags.slice(),
		imagePushedAt: new Date(image.imagePushedAt.getTime()),
		storageClass: image.storageClass,
		action: rule.action.type === 'transition' ? { type: 'TRANSITION', targetStorageClass: 'ARCHIVE' } : { type: 'EXPIRE' },
		appliedRulePriority: rule.rulePriority
	};
}

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
