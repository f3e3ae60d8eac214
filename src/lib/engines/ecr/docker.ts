// `docker push` and `docker pull` as the ECR API calls they make, one step at a time, each with
// the IAM action it needs. A caller runs each step (so it can authorize it, show progress, or stop
// at the denied one) and hands the output back to get the next step.
import { sha256Digest } from '../sha256';
import { MEDIA_TYPES } from './manifest';
import { BASE_IMAGE_REFERENCES, baseImageRootfs } from './scanning/base-images';
import { encodeRootfs, type RootfsPackage } from './scanning/rootfs';

export interface LocalImage {
	/** Bytes of the image config (a JSON document). */
	config: Uint8Array;
	/** Compressed layer bytes, base layer first. */
	layers: Uint8Array[];
}

export interface ApiStep {
	operation: string;
	/** The IAM action that must allow this call (ecr-facts.md §5). */
	action: string;
	input: Record<string, unknown>;
	/** What the step is for, in Docker's terms, for progress displays. */
	purpose: string;
}

export const manifestFor = (image: LocalImage): string =>
	JSON.stringify(
		{
			schemaVersion: 2,
			mediaType: MEDIA_TYPES.dockerManifest,
			config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: image.config.length, digest: sha256Digest(image.config) },
			layers: image.layers.map((l) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: l.length, digest: sha256Digest(l) }))
		},
		null,
		3
	);

export interface FakeImageOptions {
	/** A base image reference (see BASE_IMAGE_REFERENCES) whose filesystem becomes the first layer; defaults to the one `name` starts with. */
	base?: string;
	/** Application packages (npm, PyPI, or OS packages installed on top), written as the last layer. */
	packages?: readonly RootfsPackage[];
}

// The longest known reference the name starts with, so "alpine:3.14-app" picks alpine:3.14.
const baseFromName = (name: string): string | undefined =>
	BASE_IMAGE_REFERENCES.filter((r) => name === r || name.startsWith(r)).sort((a, b) => b.length - a.length)[0];

/**
 * A small deterministic image, so labs and tests can push "node:18-alpine"-like images by name.
 * When the name starts with a known base image, its first layer is that base's simulated
 * filesystem, so scanners find the base's packages in it; other layers are opaque filler.
 */
export function fakeImage(name: string, layerCount = 2, options: FakeImageOptions = {}): LocalImage {
	const enc = new TextEncoder();
	const baseReference = options.base ?? baseFromName(name);
	const base = baseReference === undefined ? undefined : baseImageRootfs(baseReference);
	if (baseReference !== undefined && options.base !== undefined && !base) throw new TypeError(`Unknown base image ${JSON.stringify(baseReference)}`);
	const appPackages = options.packages?.length ? [...options.packages] : undefined;
	const total = Math.max(layerCount, (base ? 1 : 0) + (appPackages ? 1 : 0));
	const layers = Array.from({ length: total }, (_, i) => {
		if (i === 0 && base) return encodeRootfs(base);
		if (i === total - 1 && appPackages) return encodeRootfs({ packages: appPackages });
		return enc.encode(`layer ${i} of ${name}\n`.repeat(64));
	});
	return {
		config: enc.encode(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: { 'simulated.image': name } } })),
		layers
	};
}

type Output = Record<string, unknown> | undefined;

export function* pushSteps(image: LocalImage, repositoryName: string, tag: string | undefined, registryId?: string): Generator<ApiStep, void, Output> {
	const base = { repositoryName, ...(registryId ? { registryId } : {}) };
	yield { operation: 'GetAuthorizationToken', action: 'ecr:GetAuthorizationToken', input: {}, purpose: 'log in' };
	const blobs = [image.config, ...image.layers];
	const digests = blobs.map((b) => sha256Digest(b));
	const check = yield { operation: 'BatchCheckLayerAvailability', action: 'ecr:BatchCheckLayerAvailability', input: { ...base, layerDigests: digests }, purpose: 'check which layers the repository already has' };
	const available = new Set(
		((check?.layers as { layerDigest?: string; layerAvailability?: string }[] | undefined) ?? []).filter((l) => l.layerAvailability === 'AVAILABLE').map((l) => l.layerDigest)
	);
	for (const [i, blob] of blobs.entries()) {
		const digest = digests[i] ?? '';
		if (available.has(digest)) continue;
		const started = yield { operation: 'InitiateLayerUpload', action: 'ecr:InitiateLayerUpload', input: base, purpose: `upload ${digest.slice(7, 19)}` };
		const uploadId = String(started?.uploadId ?? '');
		yield {
			operation: 'UploadLayerPart',
			action: 'ecr:UploadLayerPart',
			input: { ...base, uploadId, partFirstByte: 0, partLastByte: blob.length - 1, layerPartBlob: blob },
			purpose: `upload ${digest.slice(7, 19)}`
		};
		yield { operation: 'CompleteLayerUpload', action: 'ecr:CompleteLayerUpload', input: { ...base, uploadId, layerDigests: [digest] }, purpose: `upload ${digest.slice(7, 19)}` };
	}
	yield {
		operation: 'PutImage',
		action: 'ecr:PutImage',
		input: { ...base, imageManifest: manifestFor(image), imageManifestMediaType: MEDIA_TYPES.dockerManifest, ...(tag !== undefined ? { imageTag: tag } : {}) },
		purpose: 'write the manifest'
	};
}

export function* pullSteps(repositoryName: string, reference: { imageTag?: string; imageDigest?: string }, registryId?: string): Generator<ApiStep, void, Output> {
	const base = { repositoryName, ...(registryId ? { registryId } : {}) };
	yield { operation: 'GetAuthorizationToken', action: 'ecr:GetAuthorizationToken', input: {}, purpose: 'log in' };
	const got = yield { operation: 'BatchGetImage', action: 'ecr:BatchGetImage', input: { ...base, imageIds: [reference] }, purpose: 'fetch the manifest' };
	const manifestText = (got?.images as { imageManifest?: string }[] | undefined)?.[0]?.imageManifest;
	if (!manifestText) return;
	const manifest = JSON.parse(manifestText) as { config?: { digest: string }; layers?: { digest: string }[] };
	for (const d of [manifest.config?.digest, ...(manifest.layers ?? []).map((l) => l.digest)]) {
		if (!d) continue;
		yield { operation: 'GetDownloadUrlForLayer', action: 'ecr:GetDownloadUrlForLayer', input: { ...base, layerDigest: d }, purpose: `download ${d.slice(7, 19)}` };
	}
}

/** Runs steps against a caller-supplied executor until they end or one throws. */
export function runSteps(steps: Generator<ApiStep, void, Output>, execute: (step: ApiStep) => unknown): ApiStep[] {
	const done: ApiStep[] = [];
	let next = steps.next();
	while (!next.done) {
		const output = execute(next.value) as Output;
		done.push(next.value);
		next = steps.next(output);
	}
	return done;
}
