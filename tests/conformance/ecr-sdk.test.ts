// @aws-sdk/client-ecr against the protocol in process: every operation the ECR engine supports
// answers through the real SDK exactly what the engine answers when called directly (twin
// worlds), and each ECR exception the engine raises reaches the SDK with its name, message and
// HTTP status.
import { afterAll, describe, expect, it } from 'vitest';
import { ecrOperations } from '../../src/lib/engines/ecr/operations';
import { fakeImage, manifestFor, pushSteps } from '../../src/lib/engines/ecr/docker';
import { MEDIA_TYPES } from '../../src/lib/engines/ecr/manifest';
import { sha256Digest } from '../../src/lib/engines/sha256';
import { BASIC_SCAN_MS } from '../../src/lib/engines/ecr/scanning/scan-api';
import { LEARNER_ACCOUNT, SECOND_ACCOUNT } from '../../src/lib/engines/world-constants';
import {
	BatchGetImageCommand,
	CompleteLayerUploadCommand,
	CreateRepositoryCommand,
	DescribeImagesCommand,
	InitiateLayerUploadCommand,
	PutImageCommand,
	UploadLayerPartCommand
} from '@aws-sdk/client-ecr';
import { clients, freshWorld, REGION, Twins } from './harness';

const twins = new Twins();
const repositoryPolicy = JSON.stringify({
	Version: '2012-10-17',
	Statement: [{ Sid: 'Pull', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SECOND_ACCOUNT}:root` }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }]
});
const registryPolicy = JSON.stringify({
	Version: '2012-10-17',
	Statement: [
		{
			Sid: 'Replication',
			Effect: 'Allow',
			Principal: { AWS: `arn:aws:iam::${SECOND_ACCOUNT}:root` },
			Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
			Resource: `arn:aws:ecr:${REGION}:${LEARNER_ACCOUNT}:repository/*`
		}
	]
});
const lifecyclePolicy = JSON.stringify({
	rules: [{ rulePriority: 1, description: 'keep one untagged', selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }]
});

/** A docker push of `image` as `tag`, each API step through both worlds. */
async function push(repositoryName: string, image: string, tag: string) {
	const steps = pushSteps(fakeImage(image), repositoryName, tag);
	let next = steps.next();
	while (!next.done) {
		const out = await twins.call('ecr', next.value.operation, next.value.input);
		next = steps.next(out);
	}
}

describe('ECR through @aws-sdk/client-ecr', () => {
	it('repositories, tags and mutability', async () => {
		await twins.call('ecr', 'CreateRepository', {
			repositoryName: 'web',
			imageScanningConfiguration: { scanOnPush: true },
			tags: [{ Key: 'team', Value: 'blue' }]
		});
		await twins.call('ecr', 'CreateRepository', { repositoryName: 'api', imageTagMutability: 'IMMUTABLE' });
		await twins.call('ecr', 'DescribeRepositories', {});
		await twins.call('ecr', 'DescribeRepositories', { repositoryNames: ['api'] });
		await twins.call('ecr', 'PutImageTagMutability', { repositoryName: 'web', imageTagMutability: 'MUTABLE' });
		const arn = `arn:aws:ecr:${REGION}:${LEARNER_ACCOUNT}:repository/web`;
		await twins.call('ecr', 'TagResource', { resourceArn: arn, tags: [{ Key: 'env', Value: 'prod' }] });
		await twins.call('ecr', 'ListTagsForResource', { resourceArn: arn });
		await twins.call('ecr', 'UntagResource', { resourceArn: arn, tagKeys: ['env'] });
		await twins.call('ecr', 'GetAuthorizationToken', {});
	});

	it('push, pull, describe and list images', async () => {
		await push('web', 'alpine:3.14', 'v1');
		await push('web', 'node:18-alpine', 'v2');
		await push('api', 'alpine:3.20', '1.0.0');
		const manifest = JSON.parse(manifestFor(fakeImage('alpine:3.14'))) as { layers: { digest: string }[] };
		await twins.call('ecr', 'BatchCheckLayerAvailability', { repositoryName: 'web', layerDigests: manifest.layers.map((l) => l.digest) });
		await twins.call('ecr', 'BatchGetImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v1' }, { imageTag: 'nope' }] });
		await twins.call('ecr', 'GetDownloadUrlForLayer', { repositoryName: 'web', layerDigest: manifest.layers[0]?.digest });
		await twins.call('ecr', 'DescribeImages', { repositoryName: 'web' });
		await twins.call('ecr', 'ListImages', { repositoryName: 'web' });
		await twins.call('ecr', 'ListImages', { repositoryName: 'web', filter: { tagStatus: 'TAGGED' }, maxResults: 1 });
	});

	it('scanning: on push, manual scans, registry settings', async () => {
		await twins.call('ecr', 'DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'v1' } });
		twins.advanceBy(BASIC_SCAN_MS);
		await twins.call('ecr', 'DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'v1' } });
		await twins.call('ecr', 'StartImageScan', { repositoryName: 'api', imageId: { imageTag: '1.0.0' } });
		await twins.call('ecr', 'PutImageScanningConfiguration', { repositoryName: 'api', imageScanningConfiguration: { scanOnPush: true } });
		await twins.call('ecr', 'PutRegistryScanningConfiguration', { scanType: 'BASIC', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] });
		await twins.call('ecr', 'GetRegistryScanningConfiguration', {});
		twins.advanceBy(BASIC_SCAN_MS);
		await twins.call('ecr', 'DescribeImages', { repositoryName: 'api' });
	});

	it('lifecycle policies and previews', async () => {
		await twins.call('ecr', 'PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: lifecyclePolicy });
		await twins.call('ecr', 'GetLifecyclePolicy', { repositoryName: 'web' });
		await twins.call('ecr', 'StartLifecyclePolicyPreview', { repositoryName: 'web' });
		await twins.call('ecr', 'GetLifecyclePolicyPreview', { repositoryName: 'web' });
		twins.advanceBy(60_000);
		await twins.call('ecr', 'GetLifecyclePolicyPreview', { repositoryName: 'web' });
		await twins.call('ecr', 'DeleteLifecyclePolicy', { repositoryName: 'web' });
	});

	it('repository and registry policies, replication, registry', async () => {
		await twins.call('ecr', 'SetRepositoryPolicy', { repositoryName: 'web', policyText: repositoryPolicy });
		await twins.call('ecr', 'GetRepositoryPolicy', { repositoryName: 'web' });
		await twins.call('ecr', 'DeleteRepositoryPolicy', { repositoryName: 'web' });
		await twins.call('ecr', 'PutRegistryPolicy', { policyText: registryPolicy });
		await twins.call('ecr', 'GetRegistryPolicy', {});
		await twins.call('ecr', 'DeleteRegistryPolicy', {});
		await twins.call('ecr', 'PutReplicationConfiguration', {
			replicationConfiguration: { rules: [{ destinations: [{ region: 'eu-west-1', registryId: LEARNER_ACCOUNT }], repositoryFilters: [{ filter: 'web', filterType: 'PREFIX_MATCH' }] }] }
		});
		await twins.call('ecr', 'DescribeRegistry', {});
		await push('web', 'alpine:3.20', 'v3');
		await twins.call('ecr', 'DescribeImageReplicationStatus', { repositoryName: 'web', imageId: { imageTag: 'v3' } });
	});

	it('deleting images and repositories', async () => {
		await twins.call('ecr', 'BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v2' }, { imageTag: 'gone' }] });
		await twins.call('ecr', 'DeleteRepository', { repositoryName: 'api', force: true });
	});

	it('each ECR exception the engine raises reaches the SDK with its name, message and status', async () => {
		const fail = (op: string, input: object, code: string) => twins.fail('ecr', op, input, code);
		await fail('DescribeRepositories', { repositoryNames: ['missing'] }, 'RepositoryNotFoundException');
		await fail('CreateRepository', { repositoryName: 'web' }, 'RepositoryAlreadyExistsException');
		await fail('CreateRepository', { repositoryName: 'Bad Name' }, 'InvalidParameterException');
		await fail('DeleteRepository', { repositoryName: 'web' }, 'RepositoryNotEmptyException');
		await fail('CreateRepository', { repositoryName: 'tagged', tags: [{ Key: 'aws:reserved', Value: 'x' }] }, 'InvalidTagParameterException');
		await fail('CreateRepository', { repositoryName: 'many', tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }, 'TooManyTagsException');
		await fail('BatchDeleteImage', { repositoryName: 'missing', imageIds: [{ imageTag: 'x' }] }, 'RepositoryNotFoundException');
		await fail('DescribeImages', { repositoryName: 'web', imageIds: [{ imageTag: 'nope' }] }, 'ImageNotFoundException');
		await fail('GetLifecyclePolicy', { repositoryName: 'web' }, 'LifecyclePolicyNotFoundException');
		await fail('GetRepositoryPolicy', { repositoryName: 'web' }, 'RepositoryPolicyNotFoundException');
		await fail('GetRegistryPolicy', {}, 'RegistryPolicyNotFoundException');
		await fail('GetDownloadUrlForLayer', { repositoryName: 'web', layerDigest: sha256Digest('never pushed') }, 'LayersNotFoundException');
		await fail('UploadLayerPart', { repositoryName: 'web', uploadId: 'not-an-upload', partFirstByte: 0, partLastByte: 0, layerPartBlob: new Uint8Array([1]) }, 'UploadNotFoundException');
		await fail('CompleteLayerUpload', { repositoryName: 'web', uploadId: 'not-an-upload', layerDigests: [sha256Digest('x')] }, 'UploadNotFoundException');
		// An upload with bytes that do not match the digest claimed for them.
		const { uploadId } = await twins.call('ecr', 'InitiateLayerUpload', { repositoryName: 'web' });
		await twins.call('ecr', 'UploadLayerPart', { repositoryName: 'web', uploadId, partFirstByte: 0, partLastByte: 2, layerPartBlob: new TextEncoder().encode('abc') });
		await fail('UploadLayerPart', { repositoryName: 'web', uploadId, partFirstByte: 10, partLastByte: 12, layerPartBlob: new TextEncoder().encode('abc') }, 'InvalidLayerPartException');
		await fail('CompleteLayerUpload', { repositoryName: 'web', uploadId, layerDigests: [sha256Digest('abd')] }, 'InvalidLayerException');
		const empty = await twins.call('ecr', 'InitiateLayerUpload', { repositoryName: 'web' });
		await fail('CompleteLayerUpload', { repositoryName: 'web', uploadId: empty.uploadId, layerDigests: [sha256Digest('')] }, 'EmptyUploadException');
		// Manifests: layers never uploaded, a digest that does not match, an existing image, an immutable tag.
		const unknownLayers = manifestFor(fakeImage('never-uploaded'));
		await fail('PutImage', { repositoryName: 'web', imageManifest: unknownLayers, imageManifestMediaType: MEDIA_TYPES.dockerManifest, imageTag: 'x' }, 'LayersNotFoundException');
		const v1 = manifestFor(fakeImage('alpine:3.14'));
		await fail('PutImage', { repositoryName: 'web', imageManifest: v1, imageDigest: sha256Digest('other'), imageTag: 'x' }, 'ImageDigestDoesNotMatchException');
		await fail('PutImage', { repositoryName: 'web', imageManifest: v1, imageTag: 'v1' }, 'ImageAlreadyExistsException');
		// No scan on push from here on, so 'frozen' has no scan to describe.
		await twins.call('ecr', 'PutRegistryScanningConfiguration', { scanType: 'BASIC', rules: [] });
		await twins.call('ecr', 'CreateRepository', { repositoryName: 'frozen', imageTagMutability: 'IMMUTABLE' });
		await push('frozen', 'alpine:3.14', 'v1');
		await push('frozen', 'alpine:3.20', 'v2');
		await fail('PutImage', { repositoryName: 'frozen', imageManifest: manifestFor(fakeImage('alpine:3.20')), imageTag: 'v1' }, 'ImageTagAlreadyExistsException');
		// A part after a first part smaller than 5 MiB.
		const small = await twins.call('ecr', 'InitiateLayerUpload', { repositoryName: 'web' });
		await twins.call('ecr', 'UploadLayerPart', { repositoryName: 'web', uploadId: small.uploadId, partFirstByte: 0, partLastByte: 2, layerPartBlob: new TextEncoder().encode('abc') });
		await twins.call('ecr', 'UploadLayerPart', { repositoryName: 'web', uploadId: small.uploadId, partFirstByte: 3, partLastByte: 5, layerPartBlob: new TextEncoder().encode('def') });
		await fail('CompleteLayerUpload', { repositoryName: 'web', uploadId: small.uploadId, layerDigests: [sha256Digest('abcdef')] }, 'LayerPartTooSmallException');
		await fail('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: '{"rules": []}' }, 'InvalidParameterException');
		await fail('GetLifecyclePolicyPreview', { repositoryName: 'frozen' }, 'LifecyclePolicyPreviewNotFoundException');
		await fail('DescribeImageScanFindings', { repositoryName: 'frozen', imageId: { imageTag: 'v1' } }, 'ScanNotFoundException');
	});

	it('a whole docker push through the SDK: InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload, PutImage, BatchGetImage', async () => {
		const world = freshWorld();
		const { ecr } = clients(world);
		await ecr.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
		const image = fakeImage('node:18-alpine', 3);
		for (const blob of [image.config, ...image.layers]) {
			const { uploadId } = await ecr.send(new InitiateLayerUploadCommand({ repositoryName: 'app' }));
			// partFirstByte/partLastByte travel as longs, the blob as base64 (the model's blob type).
			const part = await ecr.send(new UploadLayerPartCommand({ repositoryName: 'app', uploadId, partFirstByte: 0, partLastByte: blob.length - 1, layerPartBlob: blob }));
			expect(part).toMatchObject({ uploadId, lastByteReceived: blob.length - 1 });
			const done = await ecr.send(new CompleteLayerUploadCommand({ repositoryName: 'app', uploadId, layerDigests: [sha256Digest(blob)] }));
			expect(done.layerDigest).toBe(sha256Digest(blob));
		}
		const manifest = manifestFor(image);
		const put = await ecr.send(new PutImageCommand({ repositoryName: 'app', imageManifest: manifest, imageManifestMediaType: MEDIA_TYPES.dockerManifest, imageTag: 'v1' }));
		expect(put.image?.imageId).toEqual({ imageDigest: sha256Digest(manifest), imageTag: 'v1' });
		const got = await ecr.send(new BatchGetImageCommand({ repositoryName: 'app', imageIds: [{ imageTag: 'v1' }] }));
		expect(got.images?.[0]?.imageManifest).toBe(manifest);
		expect(got.failures).toEqual([]);
		const [detail] = (await ecr.send(new DescribeImagesCommand({ repositoryName: 'app' }))).imageDetails ?? [];
		expect(detail?.imageSizeInBytes).toBe(image.layers.reduce((n, l) => n + l.length, 0));
		expect(detail?.imagePushedAt).toEqual(new Date(world.clock.now()));
	});

	afterAll(() => {
		// Every operation the engine supports answered at least once through the SDK.
		expect([...(twins.succeeded.get('ecr') ?? [])].sort()).toEqual(Object.keys(ecrOperations).sort());
	});
});
