// A save can come back damaged (an old version, a hand edit, a half-written write). Restoring it
// must either refuse it with an AwsError, or give a world whose every operation still answers
// with a result or an AwsError: never a TypeError in the middle of a lab.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { OPERATIONS, PROPERTY_TIMEOUT, REGION, fixtures, runs } from './arbitraries';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { paths, setAt, type Json } from '../json-paths';

const READS: [string, Record<string, unknown>][] = [
	['DescribeRepositories', {}],
	['DescribeImages', { repositoryName: 'web' }],
	['ListImages', { repositoryName: 'web' }],
	['GetLifecyclePolicyPreview', { repositoryName: 'web' }],
	['DescribeRegistry', {}],
	['GetRepositoryPolicy', { repositoryName: 'web' }],
	['DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'v1' } }]
];

describe('restoring a damaged save', () => {
	const base = JSON.parse(JSON.stringify(fixtures().snapshot)) as Json;
	const all = paths(base);

	it(
		'refuses it with an AwsError, or restores a world that only ever answers with results or AwsErrors',
		() => {
			fc.assert(
				fc.property(
					fc.constantFrom(...all),
					fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.constantFrom<Json>(null, '', 0, -1, 'x', [], {}, true)),
					(path, replacement) => {
						const damaged = setAt(base, path, replacement);
						let world: World;
						try {
							world = World.restore(damaged);
						} catch (e) {
							expect(e).toBeInstanceOf(AwsError);
							return;
						}
						const ecr = world.ecr(rootCaller(), REGION);
						const touch = (fn: () => unknown) => {
							try {
								fn();
							} catch (e) {
								if (!(e instanceof AwsError)) throw new Error(`damaged at ${path.join('.')}: ${String(e)}`);
							}
						};
						for (const [op, input] of READS) touch(() => ecr.callByName(op, input));
						touch(() => world.advanceBy(2 * 24 * 3600 * 1000));
						touch(() => world.snapshot());
						expect(OPERATIONS.length).toBeGreaterThan(0);
					}
				),
				{ numRuns: runs(400) }
			);
		},
		PROPERTY_TIMEOUT
	);
});

describe('a damaged job', () => {
	it('that waits past its due instant is woken at the instant it waits for, not forever', () => {
		const snapshot = JSON.parse(JSON.stringify(fixtures().snapshot)) as { jobs: { jobs: { dueAt: string; snapshot: { context: { dueAt: string } } }[] } };
		const job = snapshot.jobs.jobs[0];
		expect(job).toBeDefined();
		if (!job) return;
		job.snapshot.context.dueAt = '2027-06-01T00:00:00.000Z';
		const world = World.restore(snapshot);
		world.advanceBy(24 * 3600 * 1000);
		expect((world.snapshot().jobs.jobs as { dueAt: string }[]).some((j) => j.dueAt === '2027-06-01T00:00:00.000Z')).toBe(true);
	});
});
