// --page-size, --max-items and --starting-token as AWS CLI v2 applies them; every expected text
// below was printed by /usr/bin/aws 2.9.19 against the local endpoint holding the same five
// repositories (ecr describe-repositories, whose pages here are ordered by creation).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ShellSession } from '../../../../src/lib/cli/types';
import { aws } from '../../../../src/lib/cli/aws';
import { decodeToken, encodeToken } from '../../../../src/lib/cli/aws/paging';
import { session } from './helpers';

const run = (s: ShellSession, ...args: string[]) => aws(args, { stdin: '', session: s });

async function fiveRepositories(): Promise<ShellSession> {
	const s = session({ AWS_ACCESS_KEY_ID: 'AKIAROOT123456789012', AWS_SECRET_ACCESS_KEY: 'x' });
	for (let i = 1; i <= 5; i++) expect((await run(s, 'ecr', 'create-repository', '--repository-name', `repo${i}`)).exitCode).toBe(0);
	return s;
}

const NAMES = ['--query', '{names: repositories[].repositoryName, NextToken: NextToken}'];
const json = (names: string[], token?: string) =>
	`{\n    "names": [\n${names.map((n) => `        "${n}"`).join(',\n')}\n    ],\n    "NextToken": ${token === undefined ? 'null' : `"${token}"`}\n}\n`;

const USAGE = '\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';

describe('--max-items, --page-size, --starting-token', () => {
	it('stops after --max-items and ends the output with the CLI token', async () => {
		const s = await fiveRepositories();
		expect((await run(s, 'ecr', 'describe-repositories', '--max-items', '2', ...NAMES)).stdout).toBe(json(['repo1', 'repo2'], 'eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ=='));
		const full = await run(s, 'ecr', 'describe-repositories', '--max-items', '2');
		expect(full.stdout.endsWith('    ],\n    "NextToken": "eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ=="\n}\n')).toBe(true);
		const text = await run(s, 'ecr', 'describe-repositories', '--max-items', '2', '--output', 'text');
		expect(text.stdout.endsWith('IMAGESCANNINGCONFIGURATION\tFalse\nNEXTTOKEN\teyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==\n')).toBe(true);
		expect((await run(s, 'ecr', 'describe-repositories', '--max-items', '5', ...NAMES)).stdout).toBe(json(['repo1', 'repo2', 'repo3', 'repo4', 'repo5']));
	});

	it('follows tokens with --page-size, resuming mid-page or on a page boundary', async () => {
		const s = await fiveRepositories();
		expect((await run(s, 'ecr', 'describe-repositories', '--max-items', '3', '--page-size', '2', ...NAMES)).stdout).toBe(
			json(['repo1', 'repo2', 'repo3'], 'eyJuZXh0VG9rZW4iOiAiZXlKd0lqb3lmUT09IiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMX0=')
		);
		expect((await run(s, 'ecr', 'describe-repositories', '--page-size', '2', '--max-items', '2', ...NAMES)).stdout).toBe(json(['repo1', 'repo2'], 'eyJuZXh0VG9rZW4iOiAiZXlKd0lqb3lmUT09In0='));
		expect((await run(s, 'ecr', 'describe-repositories', '--starting-token', 'eyJuZXh0VG9rZW4iOiAiZXlKd0lqb3lmUT09IiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMX0=', '--max-items', '1', ...NAMES)).stdout).toBe(
			json(['repo4'], 'eyJuZXh0VG9rZW4iOiAiZXlKd0lqb3lmUT09IiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMn0=')
		);
		expect((await run(s, 'ecr', 'describe-repositories', '--starting-token', 'eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==', '--query', 'repositories[].repositoryName', '--output', 'text')).stdout).toBe('repo3\trepo4\trepo5\n');
		expect((await run(s, 'ecr', 'describe-repositories', '--page-size', '2', '--query', 'repositories[].repositoryName', '--output', 'text')).stdout).toBe('repo1\trepo2\nrepo3\trepo4\nrepo5\n');
		expect((await run(s, 'ecr', 'describe-repositories', '--max-items', '3', '--page-size', '2', '--output', 'text', '--query', 'repositories[].repositoryName')).stdout).toBe('repo1\trepo2\nrepo3\nNone\n');
		expect((await run(s, 'ecr', 'describe-repositories', '--max-items', '-1', '--query', 'repositories[].repositoryName', '--output', 'text')).stdout).toBe('repo1\trepo2\trepo3\trepo4\nNone\n');
	});

	it('prints NextToken first in YAML, as the CLI does', async () => {
		const s = await fiveRepositories();
		expect((await run(s, 'ecr', 'describe-repositories', '--max-items', '1', '--output', 'yaml')).stdout.split('\n').slice(0, 2)).toEqual(['NextToken: eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==', 'repositories:']);
	});

	it('rejects bad values as the CLI does', async () => {
		const s = await fiveRepositories();
		expect(await run(s, 'ecr', 'describe-repositories', '--max-items', 'abc')).toEqual({ stdout: '', stderr: `${USAGE}aws: error: argument --max-items: invalid int value: 'abc'\n\n`, exitCode: 252 });
		expect(await run(s, 'ecr', 'describe-repositories', '--page-size', 'abc')).toEqual({ stdout: '', stderr: `${USAGE}aws: error: argument --page-size: invalid int value: 'abc'\n\n`, exitCode: 252 });
		expect(await run(s, 'ecr', 'describe-repositories', '--page-size', '0')).toEqual({ stdout: '', stderr: '\nParameter validation failed:\nInvalid value for parameter maxResults, value: 0, valid min value: 1\n', exitCode: 252 });
		expect(await run(s, 'sts', 'get-caller-identity', '--max-items', '2')).toEqual({ stdout: '', stderr: `${USAGE}Unknown options: --max-items, 2\n\n`, exitCode: 252 });
		expect(await run(s, 'ecr', 'describe-repositories', '--max-items', '2', '--page-size', '1', '--no-paginate')).toEqual({ stdout: '', stderr: '\nCannot specify --no-paginate along with pagination arguments: --page-size, --max-items\n', exitCode: 252 });
		expect(await run(s, 'ecr', 'describe-repositories', '--starting-token', 'eyJwIjoyfQ==')).toEqual({
			stdout: '',
			stderr: '\nParameter validation failed:\nUnknown parameter in input: "p", must be one of: registryId, repositoryNames, nextToken, maxResults\n',
			exitCode: 252
		});
		expect(await run(s, 'ecr', 'describe-repositories', '--starting-token', 'garbage')).toEqual({
			stdout: '',
			stderr: "\nAn error occurred (InvalidParameterException) when calling the DescribeRepositories operation: Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid NextToken'\n",
			exitCode: 254
		});
	});

	it('decodes every token it encodes', () => {
		const pager = { inputToken: 'nextToken', outputToken: 'nextToken', resultKeys: ['repositories'] };
		fc.assert(
			fc.property(fc.option(fc.string(), { nil: null }), fc.integer({ min: -5, max: 1000 }), (token, amount) => {
				const decoded = decodeToken(encodeToken({ nextToken: token, boto_truncate_amount: amount }), pager);
				expect(decoded).toEqual({ params: token === null ? {} : { nextToken: token }, skip: amount });
			})
		);
	});
});
