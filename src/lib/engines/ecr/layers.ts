// Authentication and layer transfer: the API calls `docker push` and `docker pull` make around
// PutImage and BatchGetImage (ecr-facts.md §4, push and pull call order).
import type {
	BatchCheckLayerAvailabilityResponse,
	CompleteLayerUploadResponse,
	GetAuthorizationTokenResponse,
	GetDownloadUrlForLayerResponse,
	InitiateLayerUploadResponse,
	LayerFailure,
	UploadLayerPartResponse
} from '@aws-sdk/client-ecr';
import { DAY_MS } from '../clock';
import { sha256, sha256Digest, toHex } from '../sha256';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { findRepository, targetRegistry, type EcrContext } from './context';
import {
	EmptyUploadException,
	InvalidLayerException,
	InvalidLayerPartException,
	InvalidParameterException,
	LayerAlreadyExistsException,
	LayerInaccessibleException,
	LayerPartTooSmallException,
	LayersNotFoundException,
	UploadNotFoundException
} from './errors';
import { asInput, optionalInteger, optionalList, optionalString, requiredString, type Input } from './input';
import { registryHost } from './names';
import { issuePassword } from './auth-token';
import { readRootfs } from './scanning/rootfs';
import type { EcrRegistryState, RepositoryState } from './state';

const DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/;
const MIN_PART = 5 * 1024 * 1024;
/** Part size ECR suggests in InitiateLayerUpload (the API documents parts of 5 to 20 MiB). */
const PART_SIZE = 10 * 1024 * 1024;
const TOKEN_LIFETIME_MS = DAY_MS / 2;

/** A deterministic UUID-shaped id: the same world and the same calls give the same ids. */
function nextId(registry: EcrRegistryState, purpose: string): string {
	registry.sequence += 1;
	const hex = toHex(sha256(`${registry.accountId}/${registry.region}/${purpose}/${registry.sequence}`));
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The wire carries blobs as base64; in-process callers pass bytes. */
function blobOf(input: Input, name: string): Uint8Array {
	const v = input[name];
	if (v instanceof Uint8Array) return v;
	if (typeof v === 'string') {
		try {
			return base64ToBytes(v);
		} catch {
			throw InvalidParameterException.at(name, 'must be base64-encoded');
		}
	}
	throw InvalidParameterException.at(name, 'must not be null');
}

export function getAuthorizationToken(ctx: EcrContext, raw: unknown): GetAuthorizationTokenResponse {
	const input = asInput(raw);
	const ids = optionalList(input, 'registryIds', 1, 10) ?? [ctx.caller.accountId];
	const now = ctx.clock.nowMs();
	return {
		authorizationData: ids.map((id, i) => {
			if (typeof id !== 'string') throw InvalidParameterException.at(`registryIds.${i + 1}.member`, 'must be a string');
			const registry = targetRegistry(ctx, id);
			// Opaque to the learner, readable by the simulated registry (auth-token.ts): caller, registry, expiry.
			const password = issuePassword({ caller: ctx.caller, accountId: registry.accountId, region: registry.region, expiresAtMs: now + TOKEN_LIFETIME_MS });
			return {
				authorizationToken: btoa(`AWS:${password}`),
				expiresAt: new Date(now + TOKEN_LIFETIME_MS),
				proxyEndpoint: `https://${registryHost(registry.accountId, registry.region)}`
			};
		})
	};
}

function repoOf(ctx: EcrContext, input: Input): { registry: EcrRegistryState; repo: RepositoryState } {
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	return { registry, repo: findRepository(registry, requiredString(input, 'repositoryName')) };
}

export function initiateLayerUpload(ctx: EcrContext, raw: unknown): InitiateLayerUploadResponse {
	const { registry, repo } = repoOf(ctx, asInput(raw));
	const uploadId = nextId(registry, 'upload');
	repo.uploads.push({ uploadId, parts: [], lastByteReceived: -1 });
	return { uploadId, partSize: PART_SIZE };
}

function findUpload(repo: RepositoryState, registry: EcrRegistryState, uploadId: string) {
	const upload = repo.uploads.find((u) => u.uploadId === uploadId);
	if (!upload) {
		throw new UploadNotFoundException(`The upload with id '${uploadId}' does not exist in the repository with name '${repo.repositoryName}' in the registry with id '${registry.accountId}'`);
	}
	return upload;
}

export function uploadLayerPart(ctx: EcrContext, raw: unknown): UploadLayerPartResponse {
	const input = asInput(raw);
	const { registry, repo } = repoOf(ctx, input);
	const uploadId = requiredString(input, 'uploadId');
	const first = optionalInteger(input, 'partFirstByte', 0, Number.MAX_SAFE_INTEGER);
	const last = optionalInteger(input, 'partLastByte', 0, Number.MAX_SAFE_INTEGER);
	if (first === undefined) throw InvalidParameterException.at('partFirstByte', 'must not be null');
	if (last === undefined) throw InvalidParameterException.at('partLastByte', 'must not be null');
	const blob = blobOf(input, 'layerPartBlob');
	const upload = findUpload(repo, registry, uploadId);
	if (first !== upload.lastByteReceived + 1 || last !== first + blob.length - 1) {
		throw new InvalidLayerPartException(
			`The layer part size is not valid, or the first byte specified is not consecutive to the last byte of a previous layer part upload. Expected first byte ${upload.lastByteReceived + 1}.`
		);
	}
	upload.parts.push(bytesToBase64(blob));
	upload.lastByteReceived = last;
	return { registryId: registry.accountId, repositoryName: repo.repositoryName, uploadId, lastByteReceived: last };
}

export function completeLayerUpload(ctx: EcrContext, raw: unknown): CompleteLayerUploadResponse {
	const input = asInput(raw);
	const { registry, repo } = repoOf(ctx, input);
	const uploadId = requiredString(input, 'uploadId');
	const digests = optionalList(input, 'layerDigests', 1, 100);
	if (!digests) throw InvalidParameterException.at('layerDigests', 'must not be null');
	const claimed = digests[0];
	if (typeof claimed !== 'string' || !DIGEST.test(claimed)) throw InvalidParameterException.at('layerDigests', "must satisfy regular expression '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'");
	const upload = findUpload(repo, registry, uploadId);
	if (!upload.parts.length) throw new EmptyUploadException(`The upload with id '${uploadId}' contains no layer parts`);
	const parts = upload.parts.map(base64ToBytes);
	if (parts.slice(0, -1).some((p) => p.length < MIN_PART)) throw new LayerPartTooSmallException('Layer parts must be at least 5 MiB in size');
	const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const p of parts) {
		bytes.set(p, offset);
		offset += p.length;
	}
	const actual = sha256Digest(bytes);
	if (actual !== claimed) throw new InvalidLayerException(`The layer digest '${claimed}' does not match the digest '${actual}' calculated for the uploaded bytes`);
	if (repo.layers.some((l) => l.layerDigest === actual)) {
		throw new LayerAlreadyExistsException(`The layer with digest '${actual}' already exists in the repository with name '${repo.repositoryName}' in the registry with id '${registry.accountId}'`);
	}
	repo.uploads = repo.uploads.filter((u) => u !== upload);
	const rootfs = readRootfs(bytes);
	repo.layers.push({ layerDigest: actual, layerSize: bytes.length, ...(rootfs ? { rootfs } : {}) });
	return { registryId: registry.accountId, repositoryName: repo.repositoryName, uploadId, layerDigest: actual };
}

export function batchCheckLayerAvailability(ctx: EcrContext, raw: unknown): BatchCheckLayerAvailabilityResponse {
	const input = asInput(raw);
	const { repo } = repoOf(ctx, input);
	const digests = optionalList(input, 'layerDigests', 1, 100);
	if (!digests) throw InvalidParameterException.at('layerDigests', 'must not be null');
	const response: Required<Pick<BatchCheckLayerAvailabilityResponse, 'layers' | 'failures'>> = { layers: [], failures: [] };
	for (const d of digests) {
		if (typeof d !== 'string' || d === '') {
			// Object.prototype.toString, not String(): an object without a prototype has no toString.
			const shown = typeof d === 'string' ? d : d !== null && typeof d === 'object' ? Object.prototype.toString.call(d) : String(d);
			response.failures.push({ layerDigest: shown, failureCode: 'MissingLayerDigest', failureReason: 'The layer digest is missing' } satisfies LayerFailure);
		} else if (!DIGEST.test(d)) {
			response.failures.push({ layerDigest: d, failureCode: 'InvalidLayerDigest', failureReason: 'Invalid layer digest' });
		} else {
			const layer = repo.layers.find((l) => l.layerDigest === d);
			response.layers.push(layer ? { layerDigest: d, layerAvailability: 'AVAILABLE', layerSize: layer.layerSize } : { layerDigest: d, layerAvailability: 'UNAVAILABLE' });
		}
	}
	return response;
}

export function getDownloadUrlForLayer(ctx: EcrContext, raw: unknown): GetDownloadUrlForLayerResponse {
	const input = asInput(raw);
	const { registry, repo } = repoOf(ctx, input);
	const digest = requiredString(input, 'layerDigest');
	if (!repo.layers.some((l) => l.layerDigest === digest)) {
		throw new LayersNotFoundException(`The layer with digest '${digest}' does not exist in the repository with name '${repo.repositoryName}' in the registry with id '${registry.accountId}'`);
	}
	const referenced = repo.images.some((i) => i.imageManifest.includes(digest));
	if (!referenced) throw new LayerInaccessibleException(`The layer with digest '${digest}' is not referenced by any image in the repository`);
	// A stand-in for the pre-signed S3 URL AWS returns; nothing ever fetches it.
	return {
		downloadUrl: `https://simulated-ecr-layers.s3.${registry.region}.amazonaws.com/${registry.accountId}/${repo.repositoryName}/${digest}?X-Amz-Expires=3600`,
		layerDigest: digest
	};
}
