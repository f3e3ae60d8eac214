// Images: put (the last step of a push), get (the first step of a pull), delete, describe, list.
import type {
	BatchDeleteImageResponse,
	BatchGetImageResponse,
	DescribeImagesResponse,
	ImageDetail,
	ImageFailure,
	ImageIdentifier,
	ListImagesResponse,
	PutImageResponse
} from '@aws-sdk/client-ecr';
import { sha256Digest } from '../sha256';
import { matchesTagPattern } from './lifecycle';
import { findRepository, targetRegistry, type EcrContext } from './context';
import {
	ImageAlreadyExistsException,
	ImageDigestDoesNotMatchException,
	ImageNotFoundException,
	ImageTagAlreadyExistsException,
	InvalidParameterException,
	LayersNotFoundException
} from './errors';
import { asInput, decodeToken, encodeToken, optionalEnum, optionalInteger, optionalList, optionalObject, optionalString, requiredString } from './input';
import { parseManifest } from './manifest';
import { replicateOnPush } from './replication';
import { scanOnPush, scanSummary } from './scanning/scan-api';
import type { EcrRegistryState, ImageState, RepositoryState } from './state';

const DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/;
const TAG_STATUS = ['TAGGED', 'UNTAGGED', 'ANY'] as const;

/** Whether a tag, once set, may point at a different image (tag mutability with exclusions). */
export function tagIsImmutable(repo: RepositoryState, tag: string): boolean {
	const excluded = repo.imageTagMutabilityExclusionFilters.some((f) => matchesTagPattern(f.filter, tag));
	switch (repo.imageTagMutability) {
		case 'IMMUTABLE':
			return true;
		case 'IMMUTABLE_WITH_EXCLUSION':
			return !excluded;
		case 'MUTABLE_WITH_EXCLUSION':
			return excluded;
		default:
			return false;
	}
}

function readImageIds(list: unknown[] | undefined, param = 'imageIds'): ImageIdentifier[] {
	return (list ?? []).map((raw, i) => {
		const id = asInput(raw);
		const imageDigest = optionalString(id, 'imageDigest', `${param}.${i + 1}.member.imageDigest`);
		const imageTag = optionalString(id, 'imageTag', `${param}.${i + 1}.member.imageTag`);
		return { ...(imageDigest !== undefined ? { imageDigest } : {}), ...(imageTag !== undefined ? { imageTag } : {}) };
	});
}

/** Resolves one image id the way BatchGetImage and BatchDeleteImage do, or says why it failed. */
function resolve(repo: RepositoryState, id: ImageIdentifier): ImageState | ImageFailure {
	const { imageDigest, imageTag } = id;
	if (imageDigest === undefined && imageTag === undefined) {
		return { imageId: id, failureCode: 'MissingDigestAndTag', failureReason: 'Invalid request parameters: both tag and digest cannot be null' };
	}
	if (imageDigest !== undefined && !DIGEST.test(imageDigest)) {
		return { imageId: id, failureCode: 'InvalidImageDigest', failureReason: 'Invalid request parameters: image digest should satisfy the regex \'[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+\'' };
	}
	if (imageTag !== undefined && (imageTag.length < 1 || imageTag.length > 300)) {
		return { imageId: id, failureCode: 'InvalidImageTag', failureReason: 'Invalid request parameters: image tag must be between 1 and 300 characters' };
	}
	const byDigest = imageDigest !== undefined ? repo.images.find((i) => i.imageDigest === imageDigest) : undefined;
	const byTag = imageTag !== undefined ? repo.images.find((i) => i.imageTags.includes(imageTag)) : undefined;
	if (imageDigest !== undefined && imageTag !== undefined && byDigest && byTag && byDigest !== byTag) {
		return { imageId: id, failureCode: 'ImageTagDoesNotMatchDigest', failureReason: 'Invalid request parameters: given tag does not map to the given digest' };
	}
	const image = imageDigest !== undefined ? (imageTag !== undefined && !byTag ? undefined : byDigest) : byTag;
	return image ?? { imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' };
}

const isFailure = (x: ImageState | ImageFailure): x is ImageFailure => 'failureCode' in x;

export function putImage(ctx: EcrContext, raw: unknown): PutImageResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const manifestText = requiredString(input, 'imageManifest');
	if (manifestText.length > 4 * 1024 * 1024) throw InvalidParameterException.at('imageManifest', 'must have length less than or equal to 4194304');
	const declared = optionalString(input, 'imageManifestMediaType');
	const tag = optionalString(input, 'imageTag');
	if (tag !== undefined && (tag.length < 1 || tag.length > 300)) throw InvalidParameterException.at('imageTag', 'must have length between 1 and 300');
	const claimedDigest = optionalString(input, 'imageDigest');
	const manifest = parseManifest(manifestText, declared);
	// The digest is the SHA-256 of the exact manifest bytes, so whitespace changes the image.
	const digest = sha256Digest(manifestText);
	if (claimedDigest !== undefined && claimedDigest !== digest) {
		throw new ImageDigestDoesNotMatchException(`The supplied image digest '${claimedDigest}' does not match the digest '${digest}' calculated for the manifest`);
	}
	const missingBlobs = manifest.blobs.filter((b) => !repo.layers.some((l) => l.layerDigest === b.digest)).map((b) => b.digest);
	if (missingBlobs.length) {
		throw new LayersNotFoundException(`Layers with digests '[${missingBlobs.join(', ')}]' required for pushing image into repository with name '${repo.repositoryName}' in the registry with id '${registry.accountId}' do not exist`);
	}
	const missingChildren = manifest.manifests.filter((d) => !repo.images.some((i) => i.imageDigest === d));
	if (missingChildren.length) {
		throw new InvalidParameterException(`The manifests referenced by this index do not exist in the repository: ${missingChildren.join(', ')}`);
	}

	const existing = repo.images.find((i) => i.imageDigest === digest);
	if (existing && (tag === undefined || existing.imageTags.includes(tag))) {
		throw new ImageAlreadyExistsException(digest, tag, repo.repositoryName, registry.accountId);
	}
	const holder = tag !== undefined ? repo.images.find((i) => i.imageTags.includes(tag)) : undefined;
	if (holder && holder !== existing && tag !== undefined && tagIsImmutable(repo, tag)) throw new ImageTagAlreadyExistsException();

	// Validation is over: from here the request succeeds, so state may change.
	if (holder && tag !== undefined) holder.imageTags = holder.imageTags.filter((t) => t !== tag);
	let image = existing;
	if (!image) {
		image = {
			imageDigest: digest,
			imageManifest: manifestText,
			imageManifestMediaType: manifest.mediaType,
			imageTags: [],
			imagePushedAt: ctx.clock.now().toISOString(),
			imageSizeInBytes: manifest.sizeInBytes,
			...(manifest.artifactMediaType ? { artifactMediaType: manifest.artifactMediaType } : {}),
			childDigests: manifest.manifests
		};
		repo.images.push(image);
	}
	if (tag !== undefined) image.imageTags.push(tag);
	if (!existing) scanOnPush(registry, repo, image, ctx.clock.now(), ctx.schedule);
	replicateOnPush(ctx, registry, repo, image, tag);
	return {
		image: {
			registryId: registry.accountId,
			repositoryName: repo.repositoryName,
			imageId: { imageDigest: digest, ...(tag !== undefined ? { imageTag: tag } : {}) },
			imageManifest: manifestText,
			imageManifestMediaType: manifest.mediaType
		}
	};
}

export function batchGetImage(ctx: EcrContext, raw: unknown): BatchGetImageResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const ids = readImageIds(optionalList(input, 'imageIds', 1, 100));
	if (!ids.length) throw InvalidParameterException.at('imageIds', 'must not be null');
	const accepted = optionalList(input, 'acceptedMediaTypes', 1, 100);
	const results = ids.map((id) => ({ id, found: resolve(repo, id) }));
	const now = ctx.clock.now().toISOString();
	const response: Required<Pick<BatchGetImageResponse, 'images' | 'failures'>> = { images: [], failures: [] };
	for (const { id, found } of results) {
		if (isFailure(found)) {
			response.failures.push(found);
			continue;
		}
		if (accepted && !accepted.includes(found.imageManifestMediaType)) {
			response.failures.push({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' });
			continue;
		}
		found.lastRecordedPullTime = now;
		response.images.push({
			registryId: registry.accountId,
			repositoryName: repo.repositoryName,
			imageId: { imageDigest: found.imageDigest, ...(id.imageTag !== undefined ? { imageTag: id.imageTag } : {}) },
			imageManifest: found.imageManifest,
			imageManifestMediaType: found.imageManifestMediaType
		});
	}
	return response;
}

export function batchDeleteImage(ctx: EcrContext, raw: unknown): BatchDeleteImageResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const ids = readImageIds(optionalList(input, 'imageIds', 1, 100));
	if (!ids.length) throw InvalidParameterException.at('imageIds', 'must not be null');
	const response: Required<BatchDeleteImageResponse> = { imageIds: [], failures: [] };
	for (const id of ids) {
		const found = resolve(repo, id);
		if (isFailure(found)) {
			response.failures.push(found);
			continue;
		}
		if (repo.images.some((i) => i.childDigests.includes(found.imageDigest)) && (id.imageTag === undefined || found.imageTags.length <= 1)) {
			response.failures.push({ imageId: id, failureCode: 'ImageReferencedByManifestList', failureReason: 'Requested image is referenced by a manifest list' });
			continue;
		}
		if (id.imageTag !== undefined && id.imageDigest === undefined && found.imageTags.length > 1) {
			// Deleting by one of several tags only removes that tag.
			found.imageTags = found.imageTags.filter((t) => t !== id.imageTag);
			response.imageIds.push({ imageDigest: found.imageDigest, imageTag: id.imageTag });
			continue;
		}
		const tags = found.imageTags;
		repo.images = repo.images.filter((i) => i !== found);
		if (tags.length) for (const t of tags) response.imageIds.push({ imageDigest: found.imageDigest, imageTag: t });
		else response.imageIds.push({ imageDigest: found.imageDigest });
	}
	return response;
}

function tagFilter(input: ReturnType<typeof asInput>) {
	const filter = optionalObject(input, 'filter');
	const status = (filter && optionalEnum(filter, 'tagStatus', TAG_STATUS, 'filter.tagStatus')) ?? 'ANY';
	return (i: ImageState) => status === 'ANY' || (status === 'TAGGED') === i.imageTags.length > 0;
}

export function imageDetail(registry: EcrRegistryState, repo: RepositoryState, i: ImageState, now: Date): ImageDetail {
	return {
		registryId: registry.accountId,
		repositoryName: repo.repositoryName,
		imageDigest: i.imageDigest,
		...(i.imageTags.length ? { imageTags: [...i.imageTags] } : {}),
		imageSizeInBytes: i.imageSizeInBytes,
		imagePushedAt: new Date(i.imagePushedAt),
		imageManifestMediaType: i.imageManifestMediaType,
		...(i.artifactMediaType ? { artifactMediaType: i.artifactMediaType } : {}),
		...(i.lastRecordedPullTime ? { lastRecordedPullTime: new Date(i.lastRecordedPullTime) } : {}),
		imageStatus: i.storageClass === 'ARCHIVE' ? 'ARCHIVED' : 'ACTIVE',
		...(i.lastArchivedAt ? { lastArchivedAt: new Date(i.lastArchivedAt) } : {}),
		...scanSummary(registry, repo, i, now)
	};
}

export function describeImages(ctx: EcrContext, raw: unknown): DescribeImagesResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const ids = optionalList(input, 'imageIds', 1, 100);
	const maxResults = optionalInteger(input, 'maxResults', 1, 1000);
	const nextToken = optionalString(input, 'nextToken');
	const keep = tagFilter(input);
	if (ids) {
		if (maxResults !== undefined || nextToken !== undefined) throw new InvalidParameterException('maxResults and nextToken cannot be used together with imageIds');
		const details = readImageIds(ids).map((id) => {
			const found = resolve(repo, id);
			if (isFailure(found)) throw new ImageNotFoundException(id, repo.repositoryName, registry.accountId);
			return imageDetail(registry, repo, found, ctx.clock.now());
		});
		return { imageDetails: details };
	}
	const all = repo.images.filter(keep);
	const start = decodeToken(nextToken);
	const size = maxResults ?? 100;
	return {
		imageDetails: all.slice(start, start + size).map((i) => imageDetail(registry, repo, i, ctx.clock.now())),
		...(start + size < all.length ? { nextToken: encodeToken(start + size) } : {})
	};
}

export function listImages(ctx: EcrContext, raw: unknown): ListImagesResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const maxResults = optionalInteger(input, 'maxResults', 1, 1000);
	const start = decodeToken(optionalString(input, 'nextToken'));
	const keep = tagFilter(input);
	// One entry per tag; an untagged image appears once, by digest alone.
	const entries: ImageIdentifier[] = repo.images
		.filter(keep)
		.flatMap((i) => (i.imageTags.length ? i.imageTags.map((t) => ({ imageDigest: i.imageDigest, imageTag: t })) : [{ imageDigest: i.imageDigest }]));
	const size = maxResults ?? 100;
	return {
		imageIds: entries.slice(start, start + size),
		...(start + size < entries.length ? { nextToken: encodeToken(start + size) } : {})
	};
}
