// Replication (ecr-facts.md §8): each push to a repository that a rule matches is copied to the
// rule's destinations a few virtual minutes later. Only what is pushed after the rule exists is
// replicated; lifecycle and repository policies and repository settings are not; a cross-account
// copy needs the destination's registry policy to allow the source account.
import type { DescribeImageReplicationStatusResponse } from '@aws-sdk/client-ecr';
import type { VirtualClock } from '../clock';
import { checkAccess } from '../iam';
import type { ReplicationContext } from '../jobs/replicationMachine';
import type { WorldEvent } from '../world-events';
import { findRepository, targetRegistry, type EcrContext } from './context';
import { ImageNotFoundException } from './errors';
import { tagIsImmutable } from './images';
import { asInput, optionalObject, optionalString, requiredString } from './input';
import { repositoryArn } from './names';
import { registryPolicy } from './policies';
import type { EcrRegistryState, ImageState, RepositoryState } from './state';

/** AWS says most replications finish within 30 minutes; the simulator lands them after 3. */
export const REPLICATION_DELAY_MS = 3 * 60 * 1000;

export interface ReplicationAccess {
	clock: VirtualClock;
	registry(accountId: string, region: string): EcrRegistryState | undefined;
	/** Called for every image that lands, so the destination can scan it on push. */
	landed(registry: EcrRegistryState, repo: RepositoryState, image: ImageState): void;
}

/** Destinations of the rules that match a repository, without duplicates, in rule order. */
export function replicationDestinations(registry: EcrRegistryState, repositoryName: string): { region: string; registryId: string }[] {
	const out: { region: string; registryId: string }[] = [];
	for (const rule of registry.replicationRules) {
		const matches = rule.repositoryFilters.length === 0 || rule.repositoryFilters.some((f) => repositoryName.startsWith(f.filter));
		if (!matches) continue;
		for (const d of rule.destinations) {
			if (d.region === registry.region && d.registryId === registry.accountId) continue;
			if (!out.some((o) => o.region === d.region && o.registryId === d.registryId)) out.push({ region: d.region, registryId: d.registryId });
		}
	}
	return out;
}

/** Starts replicating a just-pushed image to every destination its repository's rules name. */
export function replicateOnPush(ctx: EcrContext, registry: EcrRegistryState, repo: RepositoryState, image: ImageState, tag: string | undefined): void {
	const destinations = replicationDestinations(registry, repo.repositoryName);
	if (!destinations.length) return;
	image.replication = destinations.map((d) => ({ region: d.region, registryId: d.registryId, status: 'IN_PROGRESS' as const }));
	for (const d of destinations) {
		ctx.schedule(
			'replication',
			{
				sourceAccountId: registry.accountId,
				sourceRegion: registry.region,
				repositoryName: repo.repositoryName,
				imageDigest: image.imageDigest,
				...(tag !== undefined ? { imageTag: tag } : {}),
				destinationAccountId: d.registryId,
				destinationRegion: d.region
			},
			REPLICATION_DELAY_MS
		);
	}
}

function setStatus(image: ImageState | undefined, job: ReplicationContext, status: 'COMPLETE' | 'FAILED', failureCode?: string) {
	const entry = image?.replication?.find((r) => r.region === job.destinationRegion && r.registryId === job.destinationAccountId);
	if (!entry) return;
	entry.status = status;
	if (failureCode) entry.failureCode = failureCode;
}

/** Whether the destination's registry policy lets the source account do `action` there. */
function destinationAllows(dest: EcrRegistryState, sourceAccountId: string, action: string, repositoryName: string, now: string): boolean {
	if (dest.accountId === sourceAccountId) return true;
	if (dest.policyText === undefined) return false;
	let policy;
	try {
		policy = registryPolicy(dest.policyText);
	} catch {
		return false;
	}
	return (
		checkAccess(
			{ principalArn: `arn:aws:iam::${sourceAccountId}:root`, principalAccount: sourceAccountId, action, resource: repositoryArn(dest.accountId, dest.region, repositoryName), context: {}, now },
			{ identityPolicies: [], resourcePolicy: { name: 'registry policy', policy }, resourceAccount: dest.accountId }
		).decision === 'Allow'
	);
}

/** The copy lands: the destination gets the image (and the repository, if it had none). */
export function landReplica(job: ReplicationContext, access: ReplicationAccess): WorldEvent {
	const at = access.clock.now().toISOString();
	const source = access.registry(job.sourceAccountId, job.sourceRegion);
	const sourceRepo = source?.repositories.find((r) => r.repositoryName === job.repositoryName);
	const sourceImage = sourceRepo?.images.find((i) => i.imageDigest === job.imageDigest);
	const event = {
		at,
		accountId: job.sourceAccountId,
		region: job.sourceRegion,
		repositoryName: job.repositoryName,
		imageDigest: job.imageDigest,
		destinationAccountId: job.destinationAccountId,
		destinationRegion: job.destinationRegion
	};
	const fail = (reason: string): WorldEvent => {
		setStatus(sourceImage, job, 'FAILED', 'DESTINATION_ACCESS_DENIED');
		return { ...event, kind: 'replication-failed', reason };
	};
	const dest = access.registry(job.destinationAccountId, job.destinationRegion);
	// An image deleted before its copy left is simply not replicated.
	if (!sourceRepo || !sourceImage || !dest) return fail('The source image no longer exists.');
	let repo = dest.repositories.find((r) => r.repositoryName === job.repositoryName);
	if (!repo) {
		if (!destinationAllows(dest, job.sourceAccountId, 'ecr:CreateRepository', job.repositoryName, at)) {
			return fail(`The registry policy of ${dest.accountId} in ${dest.region} does not allow account ${job.sourceAccountId} ecr:CreateRepository.`);
		}
	}
	if (!destinationAllows(dest, job.sourceAccountId, 'ecr:ReplicateImage', job.repositoryName, at)) {
		return fail(`The registry policy of ${dest.accountId} in ${dest.region} does not allow account ${job.sourceAccountId} ecr:ReplicateImage.`);
	}
	if (!repo) {
		// A replica repository gets the defaults: settings and policies are not replicated.
		repo = {
			repositoryName: job.repositoryName,
			createdAt: at,
			imageTagMutability: 'MUTABLE',
			imageTagMutabilityExclusionFilters: [],
			scanOnPush: false,
			encryptionType: 'AES256',
			tags: [],
			images: [],
			layers: [],
			uploads: []
		};
		dest.repositories.push(repo);
	}
	const digests = new Set(sourceImage.imageManifest.match(/sha256:[a-f0-9]{64}/g) ?? []);
	for (const layer of sourceRepo.layers) {
		if (digests.has(layer.layerDigest) && !repo.layers.some((l) => l.layerDigest === layer.layerDigest)) repo.layers.push(structuredClone(layer));
	}
	let image = repo.images.find((i) => i.imageDigest === job.imageDigest);
	const isNew = !image;
	if (!image) {
		image = {
			imageDigest: sourceImage.imageDigest,
			imageManifest: sourceImage.imageManifest,
			imageManifestMediaType: sourceImage.imageManifestMediaType,
			imageTags: [],
			imagePushedAt: at,
			imageSizeInBytes: sourceImage.imageSizeInBytes,
			...(sourceImage.artifactMediaType ? { artifactMediaType: sourceImage.artifactMediaType } : {}),
			childDigests: [...sourceImage.childDigests]
		};
		repo.images.push(image);
	}
	const tag = job.imageTag;
	if (tag !== undefined && !image.imageTags.includes(tag)) {
		const holder = repo.images.find((i) => i.imageTags.includes(tag));
		// An immutable destination keeps its tag; the replica arrives without it (maybe untagged).
		if (!holder || !tagIsImmutable(repo, tag)) {
			if (holder) holder.imageTags = holder.imageTags.filter((t) => t !== tag);
			image.imageTags.push(tag);
		}
	}
	setStatus(sourceImage, job, 'COMPLETE');
	if (isNew) access.landed(dest, repo, image);
	return { ...event, kind: 'replication-complete' };
}

export function describeImageReplicationStatus(ctx: EcrContext, raw: unknown): DescribeImageReplicationStatusResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const imageId = optionalObject(input, 'imageId') ?? {};
	const digest = optionalString(imageId, 'imageDigest', 'imageId.imageDigest');
	const tag = optionalString(imageId, 'imageTag', 'imageId.imageTag');
	const image = repo.images.find((i) => (digest === undefined || i.imageDigest === digest) && (tag === undefined || i.imageTags.includes(tag)) && (digest !== undefined || tag !== undefined));
	if (!image) throw new ImageNotFoundException({ ...(digest !== undefined ? { imageDigest: digest } : {}), ...(tag !== undefined ? { imageTag: tag } : {}) }, repo.repositoryName, registry.accountId);
	return {
		repositoryName: repo.repositoryName,
		imageId: { imageDigest: image.imageDigest, ...(tag !== undefined ? { imageTag: tag } : {}) },
		replicationStatuses: (image.replication ?? []).map((r) => ({ region: r.region, registryId: r.registryId, status: r.status, ...(r.failureCode ? { failureCode: r.failureCode } : {}) }))
	};
}
