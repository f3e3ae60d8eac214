// Property: a call that throws leaves the world exactly as it was. Operations validate the whole
// request before they change state; a failure half-way through (an upload counter bumped, a tag
// moved, a pull time recorded before a later item is rejected) would make a refused request
// visible to the learner.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AwsError } from '../../../../src/lib/engines/errors';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { OPERATIONS, PROPERTY_TIMEOUT, REGION, fixtureWorld, requestArbitrary, runs, sweep } from './arbitraries';

describe('a failed call changes nothing', { timeout: PROPERTY_TIMEOUT }, () => {
	it.each(OPERATIONS)('%s: any request that fails', (operation) => {
		fc.assert(
			fc.property(requestArbitrary(operation), (input) => {
				const world = fixtureWorld();
				const ecr = world.ecr(rootCaller(), REGION);
				const before = world.snapshot();
				try {
					ecr.callByName(operation, input);
				} catch (e) {
					if (!(e instanceof AwsError)) throw e;
					const after = world.snapshot();
					// isDeepStrictEqual first: expect's diff of a whole world is slow, so only on failure.
					if (!isDeepStrictEqual(after, before)) expect(after, `${operation} failed with ${e.code} but changed the world`).toStrictEqual(before);
				}
			}),
			{ numRuns: runs(40) }
		);
	});

	it.each(OPERATIONS)('%s: each field of each valid request, replaced by each value that fails late', (operation) => {
		let world = fixtureWorld();
		// Taken once per fresh world: while calls fail the world must stay equal to it.
		let before = world.snapshot();
		for (const { label, input } of sweep(operation, 'small')) {
			try {
				world.ecr(rootCaller(), REGION).callByName(operation, input);
			} catch (e) {
				if (!(e instanceof AwsError)) throw e;
				const after = world.snapshot();
				if (!isDeepStrictEqual(after, before)) expect(after, `${operation} with ${label} failed with ${e.code} but changed the world`).toStrictEqual(before);
				continue;
			}
			world = fixtureWorld();
			before = world.snapshot();
		}
	});
});
