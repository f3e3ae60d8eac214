// The command word: built-ins and programs, wherever a new command starts.
import { describe, expect, it } from 'vitest';
import { builtins } from '../../../../src/lib/cli/shell';
import { PROGRAMS } from '../../../../src/lib/cli/programs';
import { session, tab, words } from './helpers';

describe('completing the command word', () => {
	it('offers every built-in and program on an empty line, sorted', async () => {
		const all = [...builtins.keys(), ...Object.keys(PROGRAMS)].sort();
		expect(await words(session(), '')).toEqual(all);
		expect(all).toEqual(expect.arrayContaining(['aws', 'docker', 'echo', 'export', 'cat', 'ls', 'unset']));
	});

	it('keeps only names with the typed prefix and replaces just that word', async () => {
		const s = session();
		expect(await tab(s, 'e')).toEqual({ from: 0, to: 1, candidates: ['echo', 'env', 'exit', 'export'] });
		expect(await words(s, 'exp')).toEqual(['export']);
		expect(await words(s, '  do')).toEqual(['docker']);
		expect(await words(s, 'zz')).toEqual([]);
	});

	it.each([
		['echo hi | d', 10],
		['echo hi|d', 8],
		['true && d', 8],
		['false || d', 9],
		['echo a; d', 8],
		['echo $(d', 7],
		['echo "$(d', 8],
		['echo x\nd', 7],
		['FOO=1 d', 6]
	])('starts a new command after an operator: %j', async (line, from) => {
		expect(await tab(session(), line)).toEqual({ from, to: line.length, candidates: ['docker'] });
	});

	it('goes back to the outer command after a closed $( )', async () => {
		expect(await words(session(), 'aws $(echo ecr) --outp')).toEqual(['--output']);
	});

	it('completes at a cursor in the middle of the line, replacing up to the cursor only', async () => {
		const s = session();
		expect(await tab(s, 'aw¦ ecr describe-repositories')).toEqual({ from: 0, to: 2, candidates: ['aws'] });
		expect(await tab(s, 'echo hi | do¦cker images')).toEqual({ from: 10, to: 12, candidates: ['docker'] });
	});

	it('offers nothing inside a comment, after a dangling backslash or for an assignment', async () => {
		const s = session();
		expect(await words(s, 'echo hi # d')).toEqual([]);
		expect(await words(s, 'd\\')).toEqual([]);
		expect(await words(s, 'FOO=d')).toEqual([]);
	});
});
