import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wildcardMatch } from '../../../../src/lib/engines/iam';
import { compileGlob, matchGlob, resolveVariables, tokenize } from '../../../../src/lib/engines/iam/wildcard';
import { compileArnPattern, matchArn, splitArn } from '../../../../src/lib/engines/iam/arn';

// The reference: the obvious regular expression (fine here, inputs are tiny).
const reference = (pattern: string, text: string) =>
	new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')}$`).test(text);

describe('wildcard matching', () => {
	it.each([
		['ecr:*', 'ecr:PutImage', true],
		['ecr:Batch*', 'ecr:BatchGetImage', true],
		['ecr:Batch*', 'ecr:PutImage', false],
		['ecr:Get?uthorizationToken', 'ecr:GetAuthorizationToken', true],
		['*', '', true],
		['', '', true],
		['', 'a', false],
		['a*b*c', 'abc', true],
		['a*b*c', 'acb', false],
		['*a*a*a*b', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', false],
		['??', 'ab', true],
		['??', 'abc', false],
		['a**b', 'ab', true]
	])('%s against %s is %s', (pattern, text, expected) => {
		expect(wildcardMatch(pattern, text)).toBe(expected);
	});

	it('stays fast on a pattern that makes backtracking regular expressions explode', () => {
		const pattern = `${'*a'.repeat(200)}*b`;
		const text = 'a'.repeat(20_000);
		const started = performance.now();
		expect(wildcardMatch(pattern, text)).toBe(false);
		expect(performance.now() - started).toBeLessThan(500);
	});

	it('agrees with a regular-expression reference on small random inputs', () => {
		const alphabet = fc.constantFrom('a', 'b', ':', '/');
		const patternChar = fc.constantFrom('a', 'b', ':', '/', '*', '?');
		fc.assert(
			fc.property(fc.string({ unit: patternChar, maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 10 }), (pattern, text) => {
				expect(wildcardMatch(pattern, text)).toBe(reference(pattern, text));
			}),
			{ numRuns: 3000 }
		);
	});

	it('treats policy-variable escapes as literal characters', () => {
		const tokens = tokenize('a${*}b', { wildcards: true, variables: true });
		const glob = compileGlob(tokens);
		expect(matchGlob(glob, 'a*b')).toBe(true);
		expect(matchGlob(glob, 'axb')).toBe(false);
	});

	it('substitutes variables as literal text, with defaults, and fails on a missing one', () => {
		const tokens = tokenize("home/${aws:username}/*", { wildcards: true, variables: true });
		const lookup = (k: string) => (k === 'aws:username' ? 'al*ce' : undefined);
		const resolved = resolveVariables(tokens, lookup);
		expect(resolved).toBeDefined();
		const glob = compileGlob(resolved ?? []);
		expect(matchGlob(glob, 'home/al*ce/x')).toBe(true);
		expect(matchGlob(glob, 'home/alice/x')).toBe(false);
		expect(resolveVariables(tokenize('${aws:PrincipalTag/team}', { wildcards: false, variables: true }), () => undefined)).toBeUndefined();
		const withDefault = resolveVariables(tokenize("${aws:PrincipalTag/team, 'none'}", { wildcards: false, variables: true }), () => undefined);
		expect(withDefault).toEqual([{ k: 'lit', s: 'none' }]);
	});
});

describe('ARN matching', () => {
	const arn = (pattern: string, text: string) => matchArn(compileArnPattern(tokenize(pattern, { wildcards: true, variables: false })), text, splitArn(text));

	it('matches the six parts separately, so a star does not cross a colon before the resource part', () => {
		// The example on IAM's condition operators page.
		const value = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
		expect(wildcardMatch('arn:aws:someservice:*:111122223333:finance/*', value)).toBe(true);
		expect(arn('arn:aws:someservice:*:111122223333:finance/*', value)).toBe(false);
	});

	it('lets the resource part contain colons, and short patterns cover the rest', () => {
		expect(arn('arn:aws:logs:us-east-1:123456789012:log-group:app:*', 'arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:x')).toBe(true);
		expect(arn('arn:aws:ecr:*', 'arn:aws:ecr:us-east-1:123456789012:repository/web')).toBe(true);
		expect(arn('*', 'anything')).toBe(true);
		expect(arn('arn:aws:ecr:us-east-1:123456789012:repository/*', 'arn:aws:ecr:us-west-2:123456789012:repository/web')).toBe(false);
	});
});
