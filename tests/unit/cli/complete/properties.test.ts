// For any line and cursor: completion resolves (never throws), leaves the world, the history and
// the session's state as they were, and every candidate starts with the text it replaces.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { complete } from '../../../../src/lib/cli/complete';
import { PROGRAMS } from '../../../../src/lib/cli/programs';
import { given, session } from './helpers';

const TOKENS = [
	'aws', 'docker', 'echo', 'cat', 'ls', 'export', 'unset', 'ecr', 'cloudformation', 'sts', 'iam', 'wait', 'deploy', 'help',
	'describe-repositories', 'create-repository', 'delete-repository', 'batch-delete-image', 'describe-stacks', 'describe-change-set',
	'describe-stack-set', 'stack-create-complete', 'get-login-password', 'login', 'logout', 'tag', 'push', 'pull', 'rmi', 'image', 'build',
	'--repository-name', '--repository-names', '--stack-name', '--change-set-name', '--stack-set-name', '--image-ids', 'imageTag=',
	'--region', 'us-west-2', 'mars-1', '--output', '--query', '--profile', '--registry-id', '--capabilities', '--template-file', '-f', '-t',
	'--username', 'file://', 'fileb://', 'web', 'app', 'alpine:3.14', '$', '${', '$HO', '$(', ')', '"', "'", '\\', '|', '||', '&&', ';',
	'#', '=', '\n', ' ', ' ', ' ', 'FOO=1', '--no-', '-'
];

const lineArb = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 12 }).map((parts) => parts.join(''));

async function busySession() {
	const s = session({ 't.yaml': 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n', 'my notes.txt': 'n', 'app/Dockerfile': 'FROM alpine' });
	await given(
		s,
		'aws ecr create-repository --repository-name web',
		'aws cloudformation create-stack --stack-name app --template-body file://t.yaml',
		'docker pull alpine:3.14',
		'export REGION=us-west-2'
	);
	return s;
}

describe('completion properties', () => {
	it('never throws, changes nothing, and only offers words that extend what was typed', async () => {
		const s = await busySession();
		const before = JSON.stringify(s.world.snapshot());
		const state = JSON.stringify({ env: [...s.env], history: s.history, docker: s.programs.get('docker'), programs: [...s.programs.keys()], code: s.lastExitCode });
		await fc.assert(
			fc.asyncProperty(lineArb, fc.option(fc.integer({ min: -2, max: 80 }), { nil: undefined }), async (line, at) => {
				const cursor = at ?? line.length;
				const r = await complete(line, cursor, s, PROGRAMS);
				const clamped = Math.min(Math.max(cursor, 0), line.length);
				expect(r.to).toBe(clamped);
				expect(r.from).toBeGreaterThanOrEqual(0);
				expect(r.from).toBeLessThanOrEqual(r.to);
				const typed = line.slice(r.from, r.to);
				for (const c of r.candidates) expect(c.startsWith(typed)).toBe(true);
				expect(r.candidates).toEqual([...new Set(r.candidates)].sort());
			}),
			{ numRuns: 400 }
		);
		expect(JSON.stringify(s.world.snapshot())).toBe(before);
		expect(JSON.stringify({ env: [...s.env], history: s.history, docker: s.programs.get('docker'), programs: [...s.programs.keys()], code: s.lastExitCode })).toBe(state);
	});

	it('gives no candidates, rather than an error, when the session is broken', async () => {
		const s = await busySession();
		s.programs.set('docker', { images: 'not a list', auths: null });
		s.programs.set('aws', { profiles: 42 });
		for (const line of ['docker push ', 'docker logout ', 'aws --profile ', 'docker tag a']) {
			expect((await complete(line, line.length, s, PROGRAMS)).candidates).toEqual([]);
		}
		const broken = { ...s, world: null } as unknown as typeof s;
		const line = 'aws ecr describe-repositories --repository-names ';
		expect(await complete(line, line.length, broken, PROGRAMS)).toEqual({ from: line.length, to: line.length, candidates: [] });
	});
});
