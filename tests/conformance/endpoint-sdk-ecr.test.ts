// @aws-sdk/client-ecr against the local endpoint over real HTTP (the SDK's default Node HTTP
// handler, `endpoint: url`, a frozen clock moved through /_sandbox/clock): a docker push of a real
// gzipped tar layer, pull, describe and delete; login tokens; lifecycle policies and their preview;
// repository policies; tags; DescribeRepositories paging; and each ECR exception these calls
// raise, with the name, message and HTTP status the SDK shows. Several answers are compared field
// by field with the engine's answer to the same call on the endpoint's world restored from
// /_sandbox/snapshot (EndpointSession.sameAsEngine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
	BatchCheckLayerAvailabilityCommand,
	BatchDeleteImageCommand,
	BatchGetImageCommand,
	CompleteLayerUploadCommand,
	CreateRepositoryCommand,
	DeleteRepositoryCommand,
	DescribeImagesCommand,
	DescribeRepositoriesCommand,
	GetAuthorizationTokenCommand,
	GetDownloadUrlForLayerCommand,
	GetLifecyclePolicyCommand,
	GetLifecyclePolicyPreviewCommand,
	GetRepositoryPolicyCommand,
	InitiateLayerUploadCommand,
	LayerPartTooSmallException,
	ListTagsForResourceCommand,
	PutImageCommand,
	PutLifecyclePolicyCommand,
	SetRepositoryPolicyCommand,
	TagResourceCommand,
	UntagResourceCommand,
	UploadLayerPartCommand,
	paginateDescribeRepositories,
	type ECRClient
} from '@aws-sdk/client-ecr';
import { EndpointSession, shown, type SdkError } from './endpoint-clients';
import { rejection } from './harness';

const T0 = '2026-11-23T10:00:00.000Z';
const ACCOUNT = '123456789012';
const REPO = 'team/app';
const REPO_ARN = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${REPO}`;
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const MiB = 1024 * 1024;

/** The digest Docker computes, with Node's own SHA-256 (not the engine's). */
const digestOf = (bytes: Uint8Array | string): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A POSIX ustar archive, the layer format Docker pushes (before gzip). */
function tarOf(files: { name: string; content: Uint8Array }[]): Uint8Array {
	const blocks: Buffer[] = [];
	for (const f of files) {
		const header = Buffer.alloc(512);
		header.write(f.name, 0, 100, 'utf8');
		header.write('0000644\0', 100);
		header.write('0000000\0', 108);
		header.write('0000000\0', 116);
		header.write(`${f.content.length.toString(8).padStart(11, '0')}\0`, 124);
		header.write('00000000000\0', 136);
		header.write('        ', 148);
		header.write('0', 156);
		header.write('ustar\0', 257);
		header.write('00', 263);
		const sum = header.reduce((n, b) => n + b, 0);
		header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
		blocks.push(header, Buffer.from(f.content), Buffer.alloc((512 - (f.content.length % 512)) % 512));
	}
	blocks.push(Buffer.alloc(1024));
	return new Uint8Array(Buffer.concat(blocks));
}

interface Image {
	config: Uint8Array;
	layers: Uint8Array[];
	manifest: string;
}

/** A real image: a gzipped tar layer holding every byte value, its config, and its schema 2 manifest. */
function realImage(label: string, layers?: Uint8Array[]): Image {
	const everyByte = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7 + 3) % 256);
	const tar = tarOf([
		{ name: 'app/blob.bin', content: everyByte },
		{ name: 'app/hello.txt', content: new TextEncoder().encode('hello from the endpoint test\n') }
	]);
	const layerBytes = layers ?? [new Uint8Array(gzipSync(tar, { level: 9 }))];
	const config = new TextEncoder().encode(
		JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Cmd: ['/app/blob.bin'], Labels: { label } }, rootfs: { type: 'layers', diff_ids: [digestOf(tar)] } })
	);
	const manifest = JSON.stringify({
		schemaVersion: 2,
		mediaType: DOCKER_MANIFEST,
		config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: digestOf(config) },
		layers: layerBytes.map((l) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: l.length, digest: digestOf(l) }))
	});
	return { config, layers: layerBytes, manifest };
}

/** Uploads one blob in one part, as docker push does for a small layer. */
async function uploadBlob(ecr: ECRClient, repositoryName: string, blob: Uint8Array): Promise<string | undefined> {
	const { uploadId, partSize } = await ecr.send(new InitiateLayerUploadCommand({ repositoryName }));
	expect(uploadId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
	expect(partSize).toBe(10 * MiB);
	const part = await ecr.send(new UploadLayerPartCommand({ repositoryName, uploadId, partFirstByte: 0, partLastByte: blob.length - 1, layerPartBlob: blob }));
	expect(part).toMatchObject({ registryId: ACCOUNT, repositoryName, uploadId, lastByteReceived: blob.length - 1 });
	const done = await ecr.send(new CompleteLayerUploadCommand({ repositoryName, uploadId, layerDigests: [digestOf(blob)] }));
	expect(done).toMatchObject({ registryId: ACCOUNT, repositoryName, uploadId, layerDigest: digestOf(blob) });
	return uploadId;
}

const lifecyclePolicy = JSON.stringify({
	rules: [
		{
			rulePriority: 1,
			description: 'expire untagged images after a day',
			selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 },
			action: { type: 'expire' }
		}
	]
});
const repositoryPolicy = JSON.stringify({
	Version: '2012-10-17',
	Statement: [{ Sid: 'Pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }]
});

describe('ECR over HTTP: @aws-sdk/client-ecr against the local endpoint', () => {
	let s: EndpointSession;
	const first = realImage('first');
	// The same layer, another config: a second image that takes the tag `v1` from the first.
	const second = realImage('second', first.layers);

	beforeAll(async () => {
		s = await EndpointSession.start(T0);
	});
	afterAll(async () => {
		await s?.close();
	});

	it('creates a repository and hands out a login token that decodes to AWS:<password>', async () => {
		const created = await s.ecr.send(new CreateRepositoryCommand({ repositoryName: REPO, tags: [{ Key: 'team', Value: 'blue' }] }));
		expect(created.$metadata.httpStatusCode).toBe(200);
		expect(created.repository).toMatchObject({
			repositoryName: REPO,
			registryId: ACCOUNT,
			repositoryArn: REPO_ARN,
			repositoryUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${REPO}`,
			imageTagMutability: 'MUTABLE',
			createdAt: new Date(T0)
		});
		const login = await s.sameAsEngine('ecr', 'GetAuthorizationToken', {});
		const [data] = login.authorizationData as { authorizationToken: string; expiresAt: Date; proxyEndpoint: string }[];
		const decoded = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8');
		expect(decoded).toMatch(/^AWS:[A-Za-z0-9+/=]{20,}$/);
		expect(data?.proxyEndpoint).toBe(`https://${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`);
		expect(data?.expiresAt).toEqual(new Date(Date.parse(T0) + 12 * 3600_000));
		// The typed command reads the same answer.
		const typed = await s.ecr.send(new GetAuthorizationTokenCommand({}));
		expect(typed.authorizationData?.[0]?.authorizationToken).toBe(data?.authorizationToken);
	});

	it('pushes a real image: each blob uploaded as binary, completed with its sha256, then the manifest', async () => {
		const blobs = [first.config, ...first.layers];
		const before = await s.ecr.send(new BatchCheckLayerAvailabilityCommand({ repositoryName: REPO, layerDigests: blobs.map(digestOf) }));
		expect(before.layers?.map((l) => l.layerAvailability)).toEqual(['UNAVAILABLE', 'UNAVAILABLE']);
		for (const blob of blobs) await uploadBlob(s.ecr, REPO, blob);
		const after = await s.ecr.send(new BatchCheckLayerAvailabilityCommand({ repositoryName: REPO, layerDigests: blobs.map(digestOf) }));
		expect(after.layers).toEqual(blobs.map((b) => ({ layerDigest: digestOf(b), layerAvailability: 'AVAILABLE', layerSize: b.length })));

		const put = await s.sameAsEngine('ecr', 'PutImage', { repositoryName: REPO, imageManifest: first.manifest, imageManifestMediaType: DOCKER_MANIFEST, imageTag: 'v1' });
		expect(put.image).toEqual({
			registryId: ACCOUNT,
			repositoryName: REPO,
			imageId: { imageDigest: digestOf(first.manifest), imageTag: 'v1' },
			imageManifest: first.manifest,
			imageManifestMediaType: DOCKER_MANIFEST
		});
	});

	it('pulls it back: BatchGetImage, GetDownloadUrlForLayer, DescribeImages', async () => {
		const got = await s.ecr.send(new BatchGetImageCommand({ repositoryName: REPO, imageIds: [{ imageTag: 'v1' }, { imageTag: 'nope' }], acceptedMediaTypes: [DOCKER_MANIFEST] }));
		expect(got.images?.map((i) => [i.imageId?.imageDigest, i.imageManifest, i.imageManifestMediaType])).toEqual([[digestOf(first.manifest), first.manifest, DOCKER_MANIFEST]]);
		expect(got.failures).toEqual([{ imageId: { imageTag: 'nope' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }]);
		const layerDigest = digestOf(first.layers[0] ?? new Uint8Array());
		const url = await s.sameAsEngine('ecr', 'GetDownloadUrlForLayer', { repositoryName: REPO, layerDigest });
		expect(url.layerDigest).toBe(layerDigest);
		expect(url.downloadUrl).toMatch(/^https:\/\//);
		const typedUrl = await s.ecr.send(new GetDownloadUrlForLayerCommand({ repositoryName: REPO, layerDigest }));
		expect(typedUrl.downloadUrl).toBe(url.downloadUrl);

		const described = await s.sameAsEngine('ecr', 'DescribeImages', { repositoryName: REPO });
		const details = (await s.ecr.send(new DescribeImagesCommand({ repositoryName: REPO }))).imageDetails ?? [];
		expect(described.imageDetails).toEqual(details);
		expect(details).toHaveLength(1);
		expect(details[0]).toMatchObject({
			registryId: ACCOUNT,
			repositoryName: REPO,
			imageDigest: digestOf(first.manifest),
			imageTags: ['v1'],
			imageSizeInBytes: first.layers[0]?.length,
			imagePushedAt: new Date(T0),
			imageManifestMediaType: DOCKER_MANIFEST
		});
	});

	it('completes a two-part upload whose first part is 5 MiB, and refuses one whose first part is smaller', async () => {
		const big = Uint8Array.from({ length: 5 * MiB + 1000 }, (_, i) => (i * 31 + (i >> 11)) % 256);
		const { uploadId } = await s.ecr.send(new InitiateLayerUploadCommand({ repositoryName: REPO }));
		const cut = 5 * MiB;
		await s.ecr.send(new UploadLayerPartCommand({ repositoryName: REPO, uploadId, partFirstByte: 0, partLastByte: cut - 1, layerPartBlob: big.subarray(0, cut) }));
		const last = await s.ecr.send(new UploadLayerPartCommand({ repositoryName: REPO, uploadId, partFirstByte: cut, partLastByte: big.length - 1, layerPartBlob: big.subarray(cut) }));
		expect(last.lastByteReceived).toBe(big.length - 1);
		const done = await s.ecr.send(new CompleteLayerUploadCommand({ repositoryName: REPO, uploadId, layerDigests: [digestOf(big)] }));
		expect(done.layerDigest).toBe(digestOf(big));
		const check = await s.ecr.send(new BatchCheckLayerAvailabilityCommand({ repositoryName: REPO, layerDigests: [digestOf(big)] }));
		expect(check.layers).toEqual([{ layerDigest: digestOf(big), layerAvailability: 'AVAILABLE', layerSize: big.length }]);

		const small = await s.ecr.send(new InitiateLayerUploadCommand({ repositoryName: REPO }));
		const bytes = new TextEncoder().encode('abcdef');
		await s.ecr.send(new UploadLayerPartCommand({ repositoryName: REPO, uploadId: small.uploadId, partFirstByte: 0, partLastByte: 2, layerPartBlob: bytes.subarray(0, 3) }));
		await s.ecr.send(new UploadLayerPartCommand({ repositoryName: REPO, uploadId: small.uploadId, partFirstByte: 3, partLastByte: 5, layerPartBlob: bytes.subarray(3) }));
		const err = (await rejection(s.ecr.send(new CompleteLayerUploadCommand({ repositoryName: REPO, uploadId: small.uploadId, layerDigests: [digestOf(bytes)] })))) as SdkError;
		expect(err).toBeInstanceOf(LayerPartTooSmallException);
		expect(shown(err)).toEqual({ name: 'LayerPartTooSmallException', message: 'Layer parts must be at least 5 MiB in size', status: 400 });
	});

	it('lifecycle policy: put, get, preview after the clock moves, then the daily run expires what the preview named', async () => {
		// A second image takes the tag v1; the first is left untagged.
		await uploadBlob(s.ecr, REPO, second.config);
		await s.ecr.send(new PutImageCommand({ repositoryName: REPO, imageManifest: second.manifest, imageManifestMediaType: DOCKER_MANIFEST, imageTag: 'v1' }));
		// No policy yet: two midnights pass and nothing is expired.
		expect(await s.advance(2 * 86_400)).toEqual({ now: '2026-11-25T10:00:00.000Z', events: [] });

		const put = await s.ecr.send(new PutLifecyclePolicyCommand({ repositoryName: REPO, lifecyclePolicyText: lifecyclePolicy }));
		expect(put).toMatchObject({ registryId: ACCOUNT, repositoryName: REPO, lifecyclePolicyText: lifecyclePolicy });
		const got = await s.ecr.send(new GetLifecyclePolicyCommand({ repositoryName: REPO }));
		expect(got).toMatchObject({ registryId: ACCOUNT, repositoryName: REPO, lifecyclePolicyText: lifecyclePolicy });
		expect(got.lastEvaluatedAt).toBeUndefined();

		const started = await s.sameAsEngine('ecr', 'StartLifecyclePolicyPreview', { repositoryName: REPO });
		expect(started).toMatchObject({ repositoryName: REPO, lifecyclePolicyText: lifecyclePolicy, status: 'IN_PROGRESS' });
		const pending = await s.ecr.send(new GetLifecyclePolicyPreviewCommand({ repositoryName: REPO }));
		expect({ status: pending.status, results: pending.previewResults }).toEqual({ status: 'IN_PROGRESS', results: [] });

		expect((await s.advance(5)).events).toEqual([{ at: '2026-11-25T10:00:03.000Z', kind: 'lifecycle-preview-complete', accountId: ACCOUNT, region: 'us-east-1', repositoryName: REPO }]);
		const preview = await s.sameAsEngine('ecr', 'GetLifecyclePolicyPreview', { repositoryName: REPO });
		expect(preview).toMatchObject({
			status: 'COMPLETE',
			previewResults: [{ imageDigest: digestOf(first.manifest), imagePushedAt: new Date(T0), action: { type: 'EXPIRE' }, appliedRulePriority: 1 }],
			summary: { expiringImageTotalCount: 1 }
		});

		// Past midnight the daily lifecycle run does what the preview said.
		const run = await s.advance(86_400);
		expect(run.events).toEqual([
			{ at: '2026-11-26T00:00:00.000Z', kind: 'lifecycle-run', accountId: ACCOUNT, region: 'us-east-1', repositoryName: REPO, expired: [digestOf(first.manifest)], transitioned: [] }
		]);
		const left = (await s.ecr.send(new DescribeImagesCommand({ repositoryName: REPO }))).imageDetails ?? [];
		expect(left.map((d) => [d.imageDigest, d.imageTags])).toEqual([[digestOf(second.manifest), ['v1']]]);
		const evaluated = await s.ecr.send(new GetLifecyclePolicyCommand({ repositoryName: REPO }));
		expect(evaluated.lastEvaluatedAt).toEqual(new Date('2026-11-26T00:00:00.000Z'));
	});

	it('repository policy: set, then get the same text back', async () => {
		const set = await s.ecr.send(new SetRepositoryPolicyCommand({ repositoryName: REPO, policyText: repositoryPolicy }));
		expect(set).toMatchObject({ registryId: ACCOUNT, repositoryName: REPO });
		expect(JSON.parse(set.policyText ?? '')).toEqual(JSON.parse(repositoryPolicy));
		const got = await s.sameAsEngine('ecr', 'GetRepositoryPolicy', { repositoryName: REPO });
		expect(JSON.parse(String(got.policyText))).toEqual(JSON.parse(repositoryPolicy));
		expect((await s.ecr.send(new GetRepositoryPolicyCommand({ repositoryName: REPO }))).policyText).toBe(got.policyText);
	});

	it('tags: tag, list, untag by the repository ARN', async () => {
		const odd = 'é & <b> + 100% "q" \\ 😀';
		await s.ecr.send(new TagResourceCommand({ resourceArn: REPO_ARN, tags: [{ Key: 'env', Value: 'prod' }, { Key: 'note', Value: odd }] }));
		const listed = await s.sameAsEngine('ecr', 'ListTagsForResource', { resourceArn: REPO_ARN });
		expect(listed.tags).toEqual([
			{ Key: 'team', Value: 'blue' },
			{ Key: 'env', Value: 'prod' },
			{ Key: 'note', Value: odd }
		]);
		await s.ecr.send(new UntagResourceCommand({ resourceArn: REPO_ARN, tagKeys: ['team', 'note'] }));
		expect((await s.ecr.send(new ListTagsForResourceCommand({ resourceArn: REPO_ARN }))).tags).toEqual([{ Key: 'env', Value: 'prod' }]);
	});

	it('pages DescribeRepositories with maxResults and nextToken, by hand and with the SDK paginator', async () => {
		for (const n of ['a', 'b', 'c', 'd', 'e']) await s.ecr.send(new CreateRepositoryCommand({ repositoryName: `page/${n}` }));
		const all = [REPO, 'page/a', 'page/b', 'page/c', 'page/d', 'page/e'];
		const one = await s.sameAsEngine('ecr', 'DescribeRepositories', { maxResults: 4 });
		const names = (out: Record<string, unknown>) => ((out.repositories as { repositoryName?: string }[] | undefined) ?? []).map((r) => r.repositoryName);
		expect(names(one)).toEqual(all.slice(0, 4));
		expect(one.nextToken).toEqual(expect.any(String));
		const two = await s.sameAsEngine('ecr', 'DescribeRepositories', { maxResults: 4, nextToken: one.nextToken });
		expect(names(two)).toEqual(all.slice(4));
		expect(two.nextToken).toBeUndefined();
		const pages: string[][] = [];
		for await (const page of paginateDescribeRepositories({ client: s.ecr, pageSize: 2 }, {})) pages.push((page.repositories ?? []).map((r) => r.repositoryName ?? ''));
		expect(pages).toEqual([all.slice(0, 2), all.slice(2, 4), all.slice(4)]);
		expect((await s.ecr.send(new DescribeRepositoriesCommand({}))).repositories?.map((r) => r.repositoryName)).toEqual(all);
	});

	it('each ECR exception reaches the SDK with its name, message and HTTP status, as the engine raises it', async () => {
		const fail = async (op: string, input: object, name: string, message: string | RegExp) => {
			const e = await s.sameErrorAsEngine('ecr', op, input);
			expect(e.name, op).toBe(name);
			expect(e.status, op).toBe(400);
			if (typeof message === 'string') expect(e.message, op).toBe(message);
			else expect(e.message, op).toMatch(message);
		};
		const never = digestOf('never pushed');
		await fail('DescribeRepositories', { repositoryNames: ['missing'] }, 'RepositoryNotFoundException', `The repository with name 'missing' does not exist in the registry with id '${ACCOUNT}'`);
		await fail('CreateRepository', { repositoryName: REPO }, 'RepositoryAlreadyExistsException', `The repository with name '${REPO}' already exists in the registry with id '${ACCOUNT}'`);
		await fail('CreateRepository', { repositoryName: 'Bad Name' }, 'InvalidParameterException', /^Invalid parameter at 'repositoryName' failed to satisfy constraint: /);
		await fail('DescribeRepositories', { repositoryNames: [REPO], maxResults: 2 }, 'InvalidParameterException', 'maxResults and nextToken cannot be used together with repositoryNames');
		await fail('DescribeRepositories', { nextToken: 'not-a-token' }, 'InvalidParameterException', "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid NextToken'");
		await fail('DeleteRepository', { repositoryName: REPO }, 'RepositoryNotEmptyException', `The repository with name '${REPO}' in registry with id '${ACCOUNT}' cannot be deleted because it still contains images`);
		await fail(
			'DescribeImages',
			{ repositoryName: REPO, imageIds: [{ imageTag: 'nope' }] },
			'ImageNotFoundException',
			`The image with imageId {imageDigest:'null', imageTag:'nope'} does not exist within the repository with name '${REPO}' in the registry with id '${ACCOUNT}'`
		);
		await fail('GetDownloadUrlForLayer', { repositoryName: REPO, layerDigest: never }, 'LayersNotFoundException', `The layer with digest '${never}' does not exist in the repository with name '${REPO}' in the registry with id '${ACCOUNT}'`);
		const orphan = realImage('orphan', [new TextEncoder().encode('a layer nobody uploaded')]);
		await fail('PutImage', { repositoryName: REPO, imageManifest: orphan.manifest, imageManifestMediaType: DOCKER_MANIFEST, imageTag: 'x' }, 'LayersNotFoundException', /^Layers with digests '\[sha256:[0-9a-f]{64}, sha256:[0-9a-f]{64}\]' required for pushing image/);
		await fail('PutImage', { repositoryName: REPO, imageManifest: second.manifest, imageTag: 'v1' }, 'ImageAlreadyExistsException', new RegExp(`^Image with digest '${digestOf(second.manifest)}' and tag 'v1' already exists`));
		await fail('UploadLayerPart', { repositoryName: REPO, uploadId: 'not-an-upload', partFirstByte: 0, partLastByte: 0, layerPartBlob: new Uint8Array([0xff]) }, 'UploadNotFoundException', /^The upload with id 'not-an-upload' does not exist/);

		// Parts must follow on from the last byte received; the digest must be the bytes'.
		const { uploadId } = await s.ecr.send(new InitiateLayerUploadCommand({ repositoryName: REPO }));
		await fail('CompleteLayerUpload', { repositoryName: REPO, uploadId, layerDigests: [digestOf('')] }, 'EmptyUploadException', `The upload with id '${uploadId}' contains no layer parts`);
		await s.ecr.send(new UploadLayerPartCommand({ repositoryName: REPO, uploadId, partFirstByte: 0, partLastByte: 2, layerPartBlob: new Uint8Array([0, 0x80, 0xff]) }));
		await fail(
			'UploadLayerPart',
			{ repositoryName: REPO, uploadId, partFirstByte: 10, partLastByte: 12, layerPartBlob: new Uint8Array([1, 2, 3]) },
			'InvalidLayerPartException',
			/not consecutive to the last byte of a previous layer part upload\. Expected first byte 3\.$/
		);
		await fail('CompleteLayerUpload', { repositoryName: REPO, uploadId, layerDigests: [never] }, 'InvalidLayerException', `The layer digest '${never}' does not match the digest '${digestOf(new Uint8Array([0, 0x80, 0xff]))}' calculated for the uploaded bytes`);

		await fail('GetLifecyclePolicy', { repositoryName: 'page/a' }, 'LifecyclePolicyNotFoundException', `Lifecycle policy does not exist for the repository with name 'page/a' in the registry with id '${ACCOUNT}'`);
		await fail('GetLifecyclePolicyPreview', { repositoryName: 'page/a' }, 'LifecyclePolicyPreviewNotFoundException', `There is no lifecycle policy preview for the repository with name 'page/a' in the registry with id '${ACCOUNT}'`);
		await fail('PutLifecyclePolicy', { repositoryName: 'page/a', lifecyclePolicyText: '{"rules": []}' }, 'InvalidParameterException', /./);
		await fail('GetRepositoryPolicy', { repositoryName: 'page/a' }, 'RepositoryPolicyNotFoundException', `Repository policy does not exist for the repository with name 'page/a' in the registry with id '${ACCOUNT}'`);
	});

	it('deletes images (reporting the ones it could not find) and then the repository', async () => {
		const deleted = await s.sameAsEngine('ecr', 'BatchDeleteImage', { repositoryName: REPO, imageIds: [{ imageTag: 'v1' }, { imageTag: 'gone' }] });
		expect(deleted).toEqual({
			imageIds: [{ imageDigest: digestOf(second.manifest), imageTag: 'v1' }],
			failures: [{ imageId: { imageTag: 'gone' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }],
			$metadata: expect.anything()
		});
		expect((await s.ecr.send(new DescribeImagesCommand({ repositoryName: REPO }))).imageDetails).toEqual([]);
		const gone = await s.ecr.send(new BatchDeleteImageCommand({ repositoryName: REPO, imageIds: [{ imageDigest: digestOf(second.manifest) }] }));
		expect(gone.failures?.map((f) => f.failureCode)).toEqual(['ImageNotFound']);
		const repo = await s.ecr.send(new DeleteRepositoryCommand({ repositoryName: REPO }));
		expect(repo.repository?.repositoryName).toBe(REPO);
		const err = (await rejection(s.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [REPO] })))) as SdkError;
		expect(shown(err)).toEqual({ name: 'RepositoryNotFoundException', message: `The repository with name '${REPO}' does not exist in the registry with id '${ACCOUNT}'`, status: 400 });
	});
});
