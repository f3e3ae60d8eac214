import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { fakeImage, manifestFor, pullSteps, pushSteps, runSteps, type LocalImage } from '../../../../src/lib/engines/ecr/docker';
import { sha256Digest } from '../../../../src/lib/engines/sha256';

const NOW = '2026-11-23T10:00:00.000Z';
const setup = (mutability = 'MUTABLE') => {
	const world = World.create({ now: NOW });
	const ecr = world.ecr(rootCaller(), 'us-east-1');
	ecr.call('CreateRepository', { repositoryName: 'web', imageTagMutability: mutability });
	const push = (image: LocalImage, tag?: string) => runSteps(pushSteps(image, 'web', tag), (s) => ecr.callByName(s.operation, s.input));
	return { world, ecr, push };
};
const errorOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		if (e instanceof AwsError) return { code: e.code, message: e.message };
		throw e;
	}
	throw new Error('expected an AwsError');
};

describe('sha256', () => {
	it('matches the published test vectors', () => {
		expect(sha256Digest('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Digest('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256Digest('a'.repeat(1_000_000))).toBe('sha256:cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
	});
});

describe('docker push through the layer API', () => {
	it('uploads each layer once, then puts the manifest; the digest is the SHA-256 of the manifest', () => {
		const { ecr, push } = setup();
		const image = fakeImage('node:18-alpine');
		const steps = push(image, '1.0.0');
		expect(steps.map((s) => s.operation)).toEqual([
			'GetAuthorizationToken',
			'BatchCheckLayerAvailability',
			...Array(3).fill(['InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload']).flat(),
			'PutImage'
		]);
		expect(steps.map((s) => s.action)).toContain('ecr:InitiateLayerUpload');
		const [detail] = ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails ?? [];
		expect(detail).toMatchObject({ imageDigest: sha256Digest(manifestFor(image)), imageTags: ['1.0.0'], imagePushedAt: new Date(NOW), imageStatus: 'ACTIVE' });
		expect(detail?.imageSizeInBytes).toBe(image.layers.reduce((n, l) => n + l.length, 0));
		// A second push of the same layers uploads nothing.
		const again = push(image, '1.0.1');
		expect(again.map((s) => s.operation)).toEqual(['GetAuthorizationToken', 'BatchCheckLayerAvailability', 'PutImage']);
		expect(ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails?.[0]?.imageTags).toEqual(['1.0.0', '1.0.1']);
	});

	it('verifies the uploaded bytes against the claimed digest', () => {
		const { ecr } = setup();
		const { uploadId } = ecr.call('InitiateLayerUpload', { repositoryName: 'web' });
		ecr.call('UploadLayerPart', { repositoryName: 'web', uploadId, partFirstByte: 0, partLastByte: 2, layerPartBlob: new TextEncoder().encode('abc') });
		expect(errorOf(() => ecr.call('CompleteLayerUpload', { repositoryName: 'web', uploadId, layerDigests: [sha256Digest('abd')] })).code).toBe('InvalidLayerException');
		expect(ecr.call('CompleteLayerUpload', { repositoryName: 'web', uploadId, layerDigests: [sha256Digest('abc')] }).layerDigest).toBe(sha256Digest('abc'));
	});

	it('refuses parts that are not consecutive', () => {
		const { ecr } = setup();
		const { uploadId } = ecr.call('InitiateLayerUpload', { repositoryName: 'web' });
		expect(errorOf(() => ecr.call('UploadLayerPart', { repositoryName: 'web', uploadId, partFirstByte: 5, partLastByte: 7, layerPartBlob: 'YWJj' })).code).toBe('InvalidLayerPartException');
	});

	it('refuses a manifest whose layers were never uploaded', () => {
		const { ecr } = setup();
		expect(errorOf(() => ecr.call('PutImage', { repositoryName: 'web', imageManifest: manifestFor(fakeImage('x')), imageTag: 'v1' })).code).toBe('LayersNotFoundException');
	});

	it('issues a 12-hour token for the registry endpoint', () => {
		const { ecr } = setup();
		const [data] = ecr.call('GetAuthorizationToken', {}).authorizationData ?? [];
		expect(data?.proxyEndpoint).toBe('https://123456789012.dkr.ecr.us-east-1.amazonaws.com');
		expect(data?.expiresAt).toEqual(new Date('2026-11-23T22:00:00.000Z'));
		expect(atob(data?.authorizationToken ?? '')).toMatch(/^AWS:.+/);
	});
});

describe('tags', () => {
	it('moving a tag in a mutable repository leaves the old image untagged', () => {
		const { ecr, push } = setup();
		push(fakeImage('app v1'), 'latest');
		push(fakeImage('app v2'), 'latest');
		const details = ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails ?? [];
		expect(details.map((d) => d.imageTags ?? [])).toEqual([[], ['latest']]);
		expect(ecr.call('DescribeImages', { repositoryName: 'web', filter: { tagStatus: 'UNTAGGED' } }).imageDetails).toHaveLength(1);
		expect(ecr.call('ListImages', { repositoryName: 'web' }).imageIds).toEqual([{ imageDigest: details[0]?.imageDigest }, { imageDigest: details[1]?.imageDigest, imageTag: 'latest' }]);
	});

	it('an immutable repository refuses to move a tag, with AWS message', () => {
		const { push } = setup('IMMUTABLE');
		push(fakeImage('app v1'), '1.0.0');
		expect(errorOf(() => push(fakeImage('app v2'), '1.0.0'))).toEqual({
			code: 'ImageTagAlreadyExistsException',
			message: 'The specified image is tagged with a tag that already exists. The repository is configured for tag immutability.'
		});
	});

	it('exclusion filters leave matching tags mutable', () => {
		const world = World.create({ now: NOW });
		const ecr = world.ecr(rootCaller(), 'us-east-1');
		ecr.call('CreateRepository', { repositoryName: 'web', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'dev-*' }] });
		const push = (image: LocalImage, tag: string) => runSteps(pushSteps(image, 'web', tag), (s) => ecr.callByName(s.operation, s.input));
		push(fakeImage('a'), 'dev-latest');
		expect(() => push(fakeImage('b'), 'dev-latest')).not.toThrow();
		push(fakeImage('c'), '2.0.0');
		expect(errorOf(() => push(fakeImage('d'), '2.0.0')).code).toBe('ImageTagAlreadyExistsException');
	});

	it('putting the same manifest with the same tag is ImageAlreadyExistsException', () => {
		const { ecr, push } = setup();
		const image = fakeImage('app');
		push(image, 'v1');
		expect(errorOf(() => ecr.call('PutImage', { repositoryName: 'web', imageManifest: manifestFor(image), imageTag: 'v1' }))).toEqual({
			code: 'ImageAlreadyExistsException',
			message: `Image with digest '${sha256Digest(manifestFor(image))}' and tag 'v1' already exists in the repository with name 'web' in registry with id '123456789012'`
		});
	});
});

describe('pull, delete', () => {
	it('pulls by tag and by digest, recording the pull time', () => {
		const { world, ecr, push } = setup();
		const image = fakeImage('app');
		push(image, 'v1');
		world.clock.advance(3_600_000);
		const steps = runSteps(pullSteps('web', { imageTag: 'v1' }), (s) => ecr.callByName(s.operation, s.input));
		expect(steps.map((s) => s.operation)).toEqual(['GetAuthorizationToken', 'BatchGetImage', 'GetDownloadUrlForLayer', 'GetDownloadUrlForLayer', 'GetDownloadUrlForLayer']);
		expect(ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails?.[0]?.lastRecordedPullTime).toEqual(new Date('2026-11-23T11:00:00.000Z'));
		const byDigest = ecr.call('BatchGetImage', { repositoryName: 'web', imageIds: [{ imageDigest: sha256Digest(manifestFor(image)) }] });
		expect(byDigest.images?.[0]?.imageManifest).toBe(manifestFor(image));
	});

	it('reports missing images as failures, not exceptions', () => {
		const { ecr } = setup();
		expect(ecr.call('BatchGetImage', { repositoryName: 'web', imageIds: [{ imageTag: 'nope' }] })).toEqual({
			images: [],
			failures: [{ imageId: { imageTag: 'nope' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }]
		});
		expect(ecr.call('BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageTag: 'nope' }] }).failures?.[0]?.failureCode).toBe('ImageNotFound');
	});

	it('deleting by its last tag deletes the image; by one of several tags only untags it', () => {
		const { ecr, push } = setup();
		push(fakeImage('app'), 'v1');
		push(fakeImage('app'), 'stable');
		ecr.call('BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageTag: 'stable' }] });
		expect(ecr.call('ListImages', { repositoryName: 'web' }).imageIds?.map((i) => i.imageTag)).toEqual(['v1']);
		ecr.call('BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v1' }] });
		expect(ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails).toEqual([]);
	});

	it('a repository with images is deleted only with force', () => {
		const { ecr, push } = setup();
		push(fakeImage('app'), 'v1');
		expect(errorOf(() => ecr.call('DeleteRepository', { repositoryName: 'web' }))).toEqual({
			code: 'RepositoryNotEmptyException',
			message: "The repository with name 'web' in registry with id '123456789012' cannot be deleted because it still contains images"
		});
		expect(ecr.call('DeleteRepository', { repositoryName: 'web', force: true }).repository?.repositoryName).toBe('web');
	});

	it('describing an image that does not exist names it the way AWS does', () => {
		const { ecr } = setup();
		expect(errorOf(() => ecr.call('DescribeImages', { repositoryName: 'web', imageIds: [{ imageTag: 'v9' }] })).message).toBe(
			"The image with imageId {imageDigest:'null', imageTag:'v9'} does not exist within the repository with name 'web' in the registry with id '123456789012'"
		);
	});
});

describe('robustness', () => {
	it('any input to an image operation gives an AWS error and changes nothing', () => {
		const { world, ecr, push } = setup();
		push(fakeImage('app'), 'v1');
		const ops = ['PutImage', 'BatchGetImage', 'BatchDeleteImage', 'DescribeImages', 'ListImages', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'BatchCheckLayerAvailability', 'GetDownloadUrlForLayer', 'GetAuthorizationToken'];
		const input = fc.oneof(
			fc.anything(),
			fc.record({ repositoryName: fc.constantFrom('web', 'nope', 'X'), imageIds: fc.anything(), imageTag: fc.anything(), imageManifest: fc.oneof(fc.string(), fc.json()), uploadId: fc.string(), layerDigests: fc.anything() }, { requiredKeys: [] })
		);
		fc.assert(
			fc.property(fc.constantFrom(...ops), input, (op, value) => {
				const before = JSON.stringify(world.snapshot());
				try {
					ecr.callByName(op, value);
				} catch (e) {
					expect(e).toBeInstanceOf(AwsError);
					expect(JSON.stringify(world.snapshot())).toBe(before);
				}
			}),
			{ numRuns: 2000 }
		);
	});
});
