import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileTagPattern, countWildcards, matchesTagPattern, matchesTagPrefix } from '../../../../../src/lib/engines/ecr/lifecycle';

/** The obvious implementation, trusted on small inputs where backtracking cannot hurt. */
function reference(pattern: string, tag: string): boolean {
	const source = pattern
		.split('*')
		.map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${source}$`, 'su').test(tag);
}

describe('tag patterns', () => {
	it.each([
		['prod*', 'prod', true],
		['prod*', 'prod-1', true],
		['prod*', 'preprod-1', false],
		['*', '', true],
		['*', 'anything at all', true],
		['', '', true],
		['', 'x', false],
		['latest', 'latest', true],
		['latest', 'latest-1', false],
		['a*b*', 'ab', true],
		['a*b*', 'axxbyy', true],
		['a*b*', 'ba', false],
		['a*b', 'ab', true],
		['a*b', 'abab', true],
		['a*b', 'aba', false],
		['a*a', 'a', false],
		['a*a', 'aa', true],
		['*-1', 'prod-1', true],
		['*test*1*2*3', 'xtestA1B2C3', true],
		['test*1*2*3*', 'test123', true],
		['**', 'x', true],
		['*ab*ab*', 'abab', true],
		['*ab*ab*', 'aba', false],
		['v*.*.*', 'v1.2.3', true],
		['v*.*.*', 'v1.2', false],
		['a?b', 'axb', false],
		['a?b', 'a?b', true],
		['a.b', 'axb', false],
		['Prod*', 'prod-1', false],
		['prod*', 'PROD-1', false]
	])('%j against %j is %s', (pattern, tag, expected) => {
		expect(matchesTagPattern(pattern, tag)).toBe(expected);
		expect(reference(pattern, tag)).toBe(expected);
	});

	it('prefixes are plain text: * and case are literal', () => {
		expect(matchesTagPrefix('prod', 'prod-1')).toBe(true);
		expect(matchesTagPrefix('prod', 'Prod-1')).toBe(false);
		expect(matchesTagPrefix('pr*', 'prod')).toBe(false);
		expect(matchesTagPrefix('pr*', 'pr*od')).toBe(true);
		expect(matchesTagPrefix('', 'anything')).toBe(true);
	});

	it('counts wildcards', () => {
		expect(countWildcards('*test*1*2*3')).toBe(4);
		expect(countWildcards('test*1*2*3*4*5*6')).toBe(6);
		expect(countWildcards('plain')).toBe(0);
	});

	it('stays fast on patterns that make a backtracking regex explode', () => {
		const pattern = '*a*a*a*a*a*a*a*a*a*a*a*a*b';
		const tag = 'a'.repeat(5_000);
		const started = performance.now();
		expect(compileTagPattern(pattern).matches(tag)).toBe(false);
		expect(performance.now() - started).toBeLessThan(200);
	});

	it('agrees with a regular expression on random small inputs', () => {
		// A tiny alphabet makes matches and near-misses common.
		const piece = fc.string({ unit: fc.constantFrom('a', 'b', '-', '.'), maxLength: 4 });
		const patternArb = fc.array(piece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join('*'));
		const tagArb = fc.string({ unit: fc.constantFrom('a', 'b', '-', '.'), maxLength: 12 });
		fc.assert(
			fc.property(patternArb, tagArb, (pattern, tag) => {
				expect(matchesTagPattern(pattern, tag)).toBe(reference(pattern, tag));
			}),
			{ numRuns: 3000 }
		);
	});

	it('agrees with a regular expression on arbitrary text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 16 }), (pattern, tag) => {
				expect(matchesTagPattern(pattern, tag)).toBe(reference(pattern, tag));
			}),
			{ numRuns: 2000 }
		);
	});
});
