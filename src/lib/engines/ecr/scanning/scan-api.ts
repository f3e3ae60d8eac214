// Image scanning as the API exposes it (ecr-facts.md §6): which images a registry's
// configuration scans, scan on push, StartImageScan with its once-a-day quota, the statuses a
// scan goes through, and DescribeImageScanFindings. What a scan finds comes from findings.ts.
import type { DescribeImageScanFindingsResponse, ImageScanFindingsSummary, ImageScanStatus, StartImageScanResponse } from '@aws-sdk/client-ecr';
import { AwsError } from '../../errors';
import type { JobContexts, JobKind } from '../../jobs/scheduler';
import { findRepository, targetRegistry, type EcrContext } from '../context';
import { ImageNotFoundException, InvalidParameterException, LimitExceededException, UnsupportedImageTypeException, ValidationException } from '../errors';
import { asInput, decodeToken, encodeToken, optionalInteger, optionalObject, optionalString, requiredString } from '../input';
import type { EcrRegistryState, ImageScanState, ImageState, RepositoryState } from '../state';
import { CATALOGUE_UPDATED_AT, basicScan, enhancedScan } from './findings';
import type { RootfsInfo } from './rootfs';
import { compileTagPattern } from '../lifecycle/pattern';

/** Virtual time a basic scan takes (AWS: usually well under a minute; not documented). */
export const BASIC_SCAN_MS = 30_000;
/** Virtual time before Inspector's first enhanced results (AWS: minutes; not documented). */
export const ENHANCED_SCAN_MS = 2 * 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Continuous scanning stops for images neither pushed nor pulled within this (Inspector's ECR re-scan duration; default as we understand it). */
export const RESCAN_DURATION_MS = 14 * DAY_MS;

const DESCRIPTIONS: Partial<Record<ImageScanState['status'], string>> = {
	COMPLETE: 'The scan was completed successfully.',
	UNSUPPORTED_IMAGE: 'UnsupportedImageError: The operating system and/or package manager are not supported.',
	ACTIVE: 'Continuous scan is selected for image.',
	SCAN_ELIGIBILITY_EXPIRED: 'The configured scan duration has lapsed for this image.'
};

type Schedule = <K extends JobKind>(kind: K, context: Omit<JobContexts[K], 'startedAt' | 'dueAt'>, delayMs: number) => void;

/**
 * A registry-scanning WILDCARD filter (ecr-facts.md §6): without `*` it matches any repository
 * name containing it; with `*` the whole name must match, `*` standing for any run of characters.
 * The lifecycle tag matcher has exactly these glob semantics and never backtracks.
 */
function filterMatches(filter: string, name: string): boolean {
	return filter.includes('*') ? compileTagPattern(filter).matches(name) : name.includes(filter);
}

/** How the registry's configuration scans a repository: on push, continuously, or only on request. */
export function scanFrequency(registry: EcrRegistryState, repo: RepositoryState): 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | 'MANUAL' | 'NONE' {
	const matching = registry.scanning.rules.filter((r) => r.repositoryFilters.some((f) => filterMatches(f.filter, repo.repositoryName)));
	if (registry.scanning.scanType === 'ENHANCED') {
		if (matching.some((r) => r.scanFrequency === 'CONTINUOUS_SCAN')) return 'CONTINUOUS_SCAN';
		if (matching.some((r) => r.scanFrequency === 'SCAN_ON_PUSH')) return 'SCAN_ON_PUSH';
		return 'NONE';
	}
	if (repo.scanOnPush || matching.some((r) => r.scanFrequency === 'SCAN_ON_PUSH')) return 'SCAN_ON_PUSH';
	return 'MANUAL';
}

function rootfsOf(repo: RepositoryState, image: ImageState): RootfsInfo[] {
	const digests = image.imageManifest.match(/sha256:[a-f0-9]{64}/g) ?? [];
	return digests.flatMap((d) => {
		const layer = repo.layers.find((l) => l.layerDigest === d);
		return layer?.rootfs ? [layer.rootfs] : [];
	});
}

function start(registry: EcrRegistryState, repo: RepositoryState, image: ImageState, now: Date, schedule: Schedule, type: 'BASIC' | 'ENHANCED', continuous: boolean) {
	const startedAt = now.toISOString();
	image.scan = { type, status: type === 'BASIC' ? 'IN_PROGRESS' : 'PENDING', startedAt, ...(continuous ? { continuous } : {}) };
	schedule('imageScan', { accountId: registry.accountId, region: registry.region, repositoryName: repo.repositoryName, imageDigest: image.imageDigest }, type === 'BASIC' ? BASIC_SCAN_MS : ENHANCED_SCAN_MS);
}

/** Called for every newly stored image (pushed or replicated in). Indexes are not scanned, only their images. */
export function scanOnPush(registry: EcrRegistryState, repo: RepositoryState, image: ImageState, now: Date, schedule: Schedule): void {
	if (image.childDigests.length > 0) return;
	const frequency = scanFrequency(registry, repo);
	if (frequency === 'SCAN_ON_PUSH') start(registry, repo, image, now, schedule, registry.scanning.scanType, false);
	else if (frequency === 'CONTINUOUS_SCAN') start(registry, repo, image, now, schedule, 'ENHANCED', true);
}

/** The scan's job finished: record the outcome, unless a newer scan replaced this one. */
export function completeImageScan(registry: EcrRegistryState, repo: RepositoryState, image: ImageState, startedAt: string, now: Date): string | undefined {
	const scan = image.scan;
	if (!scan || scan.startedAt !== startedAt || (scan.status !== 'IN_PROGRESS' && scan.status !== 'PENDING')) return undefined;
	scan.completedAt = now.toISOString();
	if (scan.type === 'BASIC') {
		scan.status = basicScan(rootfsOf(repo, image), now).status;
	} else {
		const layers = rootfsOf(repo, image);
		scan.status = layers.some((l) => l.os) || layers.some((l) => l.packages.length) ? 'ACTIVE' : 'UNSUPPORTED_IMAGE';
	}
	void registry;
	return scan.status;
}

/** Enhanced scans lapse for images neither pushed nor pulled within the re-scan duration. */
function effectiveStatus(image: ImageState, now: Date): ImageScanState['status'] | undefined {
	const scan = image.scan;
	if (!scan) return undefined;
	if (scan.type === 'ENHANCED' && scan.status === 'ACTIVE') {
		const last = Math.max(Date.parse(image.imagePushedAt), image.lastRecordedPullTime ? Date.parse(image.lastRecordedPullTime) : 0);
		if (now.getTime() - last > RESCAN_DURATION_MS) return 'SCAN_ELIGIBILITY_EXPIRED';
	}
	return scan.status;
}

/** Scans of the other type are hidden once the registry switches scan type (as AWS does). */
const visibleScan = (registry: EcrRegistryState, image: ImageState) => (image.scan && image.scan.type === registry.scanning.scanType ? image.scan : undefined);

function statusView(registry: EcrRegistryState, image: ImageState, now: Date): ImageScanStatus | undefined {
	const scan = visibleScan(registry, image);
	if (!scan) return undefined;
	const status = effectiveStatus(image, now) ?? scan.status;
	const description = DESCRIPTIONS[status];
	return { status, ...(description ? { description } : {}) };
}

/** The instant findings are judged at: when the scan completed, or now for a continuous scan still in its window. */
function findingsInstant(image: ImageState, now: Date): Date | undefined {
	const scan = image.scan;
	if (!scan?.completedAt) return undefined;
	if (scan.type === 'ENHANCED' && scan.continuous && effectiveStatus(image, now) === 'ACTIVE') return now;
	return new Date(scan.completedAt);
}

function findings(registry: EcrRegistryState, repo: RepositoryState, image: ImageState, now: Date) {
	const scan = visibleScan(registry, image);
	const at = findingsInstant(image, now);
	if (!scan || !at || (scan.status !== 'COMPLETE' && scan.status !== 'ACTIVE')) return undefined;
	const layers = rootfsOf(repo, image);
	if (scan.type === 'BASIC') {
		const result = basicScan(layers, at);
		return result.status === 'COMPLETE' ? { basic: result.findings, counts: result.findingSeverityCounts, completedAt: new Date(scan.completedAt as string) } : undefined;
	}
	const enhanced = enhancedScan(layers, at, {
		accountId: registry.accountId,
		region: registry.region,
		repositoryName: repo.repositoryName,
		imageDigest: image.imageDigest,
		imageTags: image.imageTags,
		pushedAt: new Date(image.imagePushedAt),
		firstObservedAt: new Date(scan.completedAt as string)
	});
	const counts: Record<string, number> = {};
	for (const f of enhanced) counts[f.severity ?? 'UNTRIAGED'] = (counts[f.severity ?? 'UNTRIAGED'] ?? 0) + 1;
	return { enhanced, counts, completedAt: at };
}

/** The scan fields of DescribeImages. */
export function scanSummary(registry: EcrRegistryState, repo: RepositoryState, image: ImageState, now: Date): { imageScanStatus?: ImageScanStatus; imageScanFindingsSummary?: ImageScanFindingsSummary } {
	const status = statusView(registry, image, now);
	if (!status) return {};
	const f = findings(registry, repo, image, now);
	return {
		imageScanStatus: status,
		...(f
			? { imageScanFindingsSummary: { imageScanCompletedAt: f.completedAt, vulnerabilitySourceUpdatedAt: new Date(CATALOGUE_UPDATED_AT), findingSeverityCounts: f.counts } }
			: {})
	};
}

function resolveImage(repo: RepositoryState, registryId: string, input: Record<string, unknown>): ImageState {
	const imageId = optionalObject(input, 'imageId');
	if (!imageId) throw InvalidParameterException.at('imageId', 'must not be null');
	const digest = optionalString(imageId, 'imageDigest', 'imageId.imageDigest');
	const tag = optionalString(imageId, 'imageTag', 'imageId.imageTag');
	if (digest === undefined && tag === undefined) throw InvalidParameterException.at('imageId', 'must contain an imageDigest or an imageTag');
	const image = repo.images.find((i) => (digest === undefined || i.imageDigest === digest) && (tag === undefined || i.imageTags.includes(tag)));
	if (!image) throw new ImageNotFoundException({ ...(digest !== undefined ? { imageDigest: digest } : {}), ...(tag !== undefined ? { imageTag: tag } : {}) }, repo.repositoryName, registryId);
	return image;
}

export function startImageScan(ctx: EcrContext, raw: unknown): StartImageScanResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const image = resolveImage(repo, registry.accountId, input);
	if (registry.scanning.scanType === 'ENHANCED') {
		throw new ValidationException('This operation is not supported for enhanced scanning: Amazon Inspector scans images automatically.');
	}
	if (image.storageClass === 'ARCHIVE') throw new AwsError('ImageArchivedException', 'The image is archived. Restore it before you scan it.');
	if (image.childDigests.length > 0) throw new UnsupportedImageTypeException('The image is an image index; scan the images it references.');
	const last = image.scan?.type === 'BASIC' ? Date.parse(image.scan.startedAt) : undefined;
	if (last !== undefined && ctx.clock.nowMs() - last < DAY_MS) throw new LimitExceededException('The scan quota per image has been exceeded. Wait and try again.');
	start(registry, repo, image, ctx.clock.now(), ctx.schedule, 'BASIC', false);
	const tag = optionalString(optionalObject(input, 'imageId') ?? {}, 'imageTag');
	return {
		registryId: registry.accountId,
		repositoryName: repo.repositoryName,
		imageId: { imageDigest: image.imageDigest, ...(tag !== undefined ? { imageTag: tag } : {}) },
		imageScanStatus: { status: 'IN_PROGRESS' }
	};
}

export function describeImageScanFindings(ctx: EcrContext, raw: unknown): DescribeImageScanFindingsResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const image = resolveImage(repo, registry.accountId, input);
	const maxResults = optionalInteger(input, 'maxResults', 1, 1000) ?? 100;
	const startAt = decodeToken(optionalString(input, 'nextToken'));
	const now = ctx.clock.now();
	const status = statusView(registry, image, now);
	const tag = optionalString(optionalObject(input, 'imageId') ?? {}, 'imageTag');
	const imageId = { imageDigest: image.imageDigest, ...(tag !== undefined ? { imageTag: tag } : {}) };
	if (!status) {
		throw new AwsError(
			'ScanNotFoundException',
			`Image scan does not exist for the image with '{imageDigest:'${image.imageDigest}', imageTag:'${tag ?? 'null'}'}' in the repository with name '${repo.repositoryName}' in the registry with id '${registry.accountId}'`
		);
	}
	const base = { registryId: registry.accountId, repositoryName: repo.repositoryName, imageId, imageScanStatus: status };
	const f = findings(registry, repo, image, now);
	if (!f) return base;
	const all = f.basic ?? f.enhanced ?? [];
	const page = all.slice(startAt, startAt + maxResults);
	return {
		...base,
		imageScanFindings: {
			imageScanCompletedAt: f.completedAt,
			vulnerabilitySourceUpdatedAt: new Date(CATALOGUE_UPDATED_AT),
			findingSeverityCounts: f.counts,
			...(f.basic ? { findings: page as NonNullable<typeof f.basic> } : { enhancedFindings: page as NonNullable<typeof f.enhanced> })
		},
		...(startAt + maxResults < all.length ? { nextToken: encodeToken(startAt + maxResults) } : {})
	};
}
