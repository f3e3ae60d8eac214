import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { search, tokenize } from '../../src/lib/content/search';
import type { SearchDocument } from '../../src/lib/content/types';

const index: SearchDocument[] = [
	{
		slug: 'lifecycle-policies',
		title: 'Lifecycle policies',
		summary: 'Expire old images automatically.',
		module: 'ecr-operations',
		sections: [
			{ id: '', heading: 'Lifecycle policies', text: 'Rules that clean up images.' },
			{ id: 'tagstatus', heading: 'tagStatus', text: 'untagged selects images without tags. Untagged images pile up.' }
		]
	},
	{
		slug: 'push-and-pull',
		title: 'Pushing and pulling images',
		summary: 'docker push to ECR.',
		module: 'ecr-foundations',
		sections: [{ id: 'log-in', heading: 'Log in', text: 'aws ecr get-login-password pipes a token into docker login. Untagged is not here.' }]
	}
];

describe('lesson search', () => {
	it('ranks a title match above a passing mention', () => {
		const hits = search(index, 'lifecycle');
		expect(hits.map((h) => h.slug)).toEqual(['lifecycle-policies']);
		expect(search(index, 'untagged').map((h) => h.slug)).toEqual(['lifecycle-policies', 'push-and-pull']);
	});

	it('requires every word of the query', () => {
		expect(search(index, 'untagged login').map((h) => h.slug)).toEqual(['push-and-pull']);
		expect(search(index, 'lifecycle docker')).toEqual([]);
	});

	it('points at the best section and quotes around the match', () => {
		const [hit] = search(index, 'get-login-password');
		expect(hit?.sectionId).toBe('log-in');
		expect(hit?.snippet).toContain('get-login-password');
	});

	it('matches word prefixes, case-insensitively', () => {
		expect(search(index, 'PUSH').map((h) => h.slug)).toEqual(['push-and-pull']);
		expect(search(index, 'lifecyc').map((h) => h.slug)).toEqual(['lifecycle-policies']);
	});

	it('returns nothing for a query without words', () => {
		expect(search(index, '  !!  ')).toEqual([]);
		expect(tokenize('ecr:GetAuthorizationToken')).toEqual(['ecr', 'getauthorizationtoken']);
	});

	it('never throws on any query', () => {
		fc.assert(fc.property(fc.string(), (q) => Array.isArray(search(index, q))), { numRuns: 1000 });
	});
});
