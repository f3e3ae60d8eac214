// Regressions found by the property tests in tests/unit/engines/properties/.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { fakeImage, manifestFor, pushSteps, runSteps } from '../../../../src/lib/engines/ecr/docker';

const setup = () => {
	const world = World.create({ now: '2026-11-23T10:00:00.000Z' });
	const ecr = world.ecr(rootCaller(), 'us-east-1');
	ecr.call('CreateRepository', { repositoryName: 'web' });
	return { world, ecr };
};

describe('PutRegistryScanningConfiguration filter check', () => {
	/** The API model's pattern, as written: fine on short strings, exponential on long bad ones. */
	const MODEL = /^[a-z0-9*](?:[._\-/a-z0-9*]?[a-z0-9*]+)*$/;
	const accepts = (ecr: ReturnType<typeof setup>['ecr'], filter: string) => {
		try {
			ecr.call('PutRegistryScanningConfiguration', { rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter, filterType: 'WILDCARD' }] }] });
			return true;
		} catch (e) {
			if (e instanceof AwsError && e.code === 'InvalidParameterException') return false;
			throw e;
		}
	};

	it('refuses 254 letters and a bad character instead of backtracking for ever', () => {
		const { ecr } = setup();
		expect(accepts(ecr, `${'a'.repeat(254)}!`)).toBe(false);
		expect(accepts(ecr, `${'a1*'.repeat(80)}/`)).toBe(false);
		expect(accepts(ecr, `${'ab/'.repeat(84)}c`)).toBe(true);
	});

	it('accepts exactly the filters the model pattern accepts', () => {
		const { ecr } = setup();
		const alphabet = ['a', '0', '*', '.', '/', '-', '_', 'A'];
		// Every string of up to four characters, then random longer ones.
		let strings = [''];
		for (let length = 1; length <= 4; length++) {
			strings = strings.flatMap((s) => (s.length === length - 1 ? alphabet.map((c) => s + c) : [s]));
			for (const s of strings.filter((x) => x.length === length)) expect(accepts(ecr, s), JSON.stringify(s)).toBe(MODEL.test(s));
		}
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 5, maxLength: 14 }), (s) => {
				expect(accepts(ecr, s)).toBe(MODEL.test(s));
			}),
			{ numRuns: 500 }
		);
	});
});

describe('BatchCheckLayerAvailability', () => {
	it('reports an object without a prototype as a missing digest instead of throwing a TypeError', () => {
		const { ecr } = setup();
		const response = ecr.call('BatchCheckLayerAvailability', { repositoryName: 'web', layerDigests: [Object.create(null), null, 'sha256:00'] });
		expect(response.failures).toEqual([
			{ layerDigest: '[object Object]', failureCode: 'MissingLayerDigest', failureReason: 'The layer digest is missing' },
			{ layerDigest: 'null', failureCode: 'MissingLayerDigest', failureReason: 'The layer digest is missing' }
		]);
		expect(response.layers).toEqual([{ layerDigest: 'sha256:00', layerAvailability: 'UNAVAILABLE' }]);
	});
});

describe('PutImage layer sizes', () => {
	it('refuses a size beyond 2^53 - 1, so an image size can never add up to Infinity', () => {
		const { world, ecr } = setup();
		const image = fakeImage('app');
		runSteps(pushSteps(image, 'web', 'v1'), (s) => ecr.callByName(s.operation, s.input));
		const manifest = JSON.parse(manifestFor(image)) as { layers: { size: number }[] };
		for (const layer of manifest.layers) layer.size = 1e308;
		let error: unknown;
		try {
			ecr.call('PutImage', { repositoryName: 'web', imageManifest: JSON.stringify(manifest), imageTag: 'huge' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(AwsError);
		expect((error as AwsError).message).toBe("Invalid parameter at 'imageManifest' failed to satisfy constraint: 'layers[0] must be a descriptor with a digest and a size'");

		for (const layer of manifest.layers) layer.size = Number.MAX_SAFE_INTEGER;
		ecr.call('PutImage', { repositoryName: 'web', imageManifest: JSON.stringify(manifest), imageTag: 'big' });
		const size = ecr.call('DescribeImages', { repositoryName: 'web', imageIds: [{ imageTag: 'big' }] }).imageDetails?.[0]?.imageSizeInBytes;
		expect(size).toBe(manifest.layers.length * Number.MAX_SAFE_INTEGER);
		// The world saves and restores it unchanged.
		const restored = World.restore(JSON.parse(JSON.stringify(world.snapshot())));
		expect(restored.ecr(rootCaller(), 'us-east-1').call('DescribeImages', { repositoryName: 'web', imageIds: [{ imageTag: 'big' }] }).imageDetails?.[0]?.imageSizeInBytes).toBe(size);
	});
});
