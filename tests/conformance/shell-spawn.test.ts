// `npm run shell` as a learner runs it: a child process over a fresh world, its output and exit
// codes exactly the browser terminal's. The first spawn builds the bundle; the rest reuse it.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const launcher = join(root, 'scripts/shell/run.mjs');
const NOW = '2026-05-01T12:00:00Z';
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

interface Ran {
	stdout: string;
	stderr: string;
	code: number | null;
}

/** The environment without npm's markers, so the launcher reads files from `cwd`. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
	delete env.npm_lifecycle_event;
	delete env.INIT_CWD;
	return env;
}

function run(command: string, args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd ?? root, env: options.env ?? cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ stdout, stderr, code }));
		child.stdin.end(options.input ?? '');
	});
}

const shell = (args: string[], options: { input?: string; cwd?: string } = {}) => run(process.execPath, [launcher, '--clock', 'frozen', '--now', NOW, ...args], options);

beforeAll(async () => {
	// Builds (or checks) the bundle once, so the tests below measure the shell, not the bundler.
	const first = await shell(['-c', 'true']);
	expect(first).toEqual({ stdout: '', stderr: '', code: 0 });
}, 120_000);

describe('npm run shell -- -c LINE', () => {
	it('prints stdout and exits 0', async () => {
		expect(await shell(['-c', 'echo hello; pwd'])).toEqual({ stdout: 'hello\n/home/learner\n', stderr: '', code: 0 });
	});

	it("prints AWS's error on stderr and exits with the CLI's code", async () => {
		expect(await shell(['-c', 'aws ecr describe-repositories --repository-names nope'])).toEqual({
			stdout: '',
			stderr: "\nAn error occurred (RepositoryNotFoundException) when calling the DescribeRepositories operation: The repository with name 'nope' does not exist in the registry with id '123456789012'\n",
			code: 254
		});
	});

	it('exits 127 for an unknown command and 2 for a syntax error', async () => {
		expect(await shell(['-c', 'kubectl get pods'])).toEqual({ stdout: '', stderr: 'bash: kubectl: command not found\n', code: 127 });
		const refused = await shell(['-c', 'echo hi > out.txt']);
		expect(refused.code).toBe(2);
		expect(refused.stdout).toBe('');
	});

	it('runs the world on the --now clock', async () => {
		const created = await shell(['-c', 'aws ecr create-repository --repository-name web --query repository.createdAt --output text']);
		expect(created.stdout).toMatch(/^2026-05-01T12:00:00(\.000)?\+00:00\n$/);
		expect(created.code).toBe(0);
	});

	it('ends with `exit n`, and refuses bad arguments with the usage line', async () => {
		expect(await shell(['-c', 'echo bye; exit 3'])).toEqual({ stdout: 'bye\n', stderr: '', code: 3 });
		const bad = await run(process.execPath, [launcher, '--clock', 'fast']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--clock must be real or frozen[\s\S]*usage: npm run shell/);
		const help = await run(process.execPath, [launcher, '--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/^usage: npm run shell/);
		expect(help.stdout).toMatch(/Files: the working directory/);
	});
});

describe('npm run shell with stdin from a pipe', () => {
	it('runs a line per input line, keeping the world, variables and $? between lines', async () => {
		const input = [
			'aws ecr create-repository --repository-name demo --query repository.repositoryName --output text',
			'aws ecr describe-repositories --query "repositories[].repositoryName" --output text',
			'export NAME=demo',
			'echo "repo $NAME"',
			'false; echo $?',
			'echo $?',
			'aws ecr describe-repositories --repository-names nope',
			'echo after $?',
			''
		].join('\n');
		const ran = await shell([], { input });
		expect(ran.stdout).toBe('demo\ndemo\nrepo demo\n1\n0\nafter 254\n');
		expect(ran.stderr).toContain('(RepositoryNotFoundException)');
		expect(ran.code).toBe(0);
	});

	it("joins a line left open by a quote with the next, and exits with the last line's code", async () => {
		const ran = await shell([], { input: 'echo "one\ntwo"\necho done \\\n  again\nfalse\n' });
		expect(ran).toEqual({ stdout: 'one\ntwo\ndone again\n', stderr: '', code: 1 });
	});

	it("pushes an image the seed notes' way", async () => {
		const input = [
			'aws ecr create-repository --repository-name hello --region us-east-1 --query repository.repositoryUri --output text',
			`aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${REGISTRY}`,
			'docker pull alpine:3.14',
			`docker tag alpine:3.14 ${REGISTRY}/hello:3.14`,
			`docker push ${REGISTRY}/hello:3.14`,
			'aws ecr list-images --repository-name hello --region us-east-1 --query "imageIds[].imageTag" --output text',
			''
		].join('\n');
		const ran = await shell([], { input });
		expect(ran.stdout).toContain(`${REGISTRY}/hello\n`);
		expect(ran.stdout).toContain('Login Succeeded\n');
		expect(ran.stdout).toContain('Status: Downloaded newer image for alpine:3.14\n');
		expect(ran.stdout).toContain(`The push refers to repository [${REGISTRY}/hello]\n`);
		expect(ran.stdout).toMatch(/3\.14: digest: sha256:[0-9a-f]{64} size: \d+\n/);
		expect(ran.stdout.endsWith('3.14\n')).toBe(true);
		expect(ran.code).toBe(0);
	});

	it('stops at exit and prints nothing after it', async () => {
		expect(await shell([], { input: 'echo a\nexit 4\necho b\n' })).toEqual({ stdout: 'a\n', stderr: '', code: 4 });
	});
});

describe('files', () => {
	it("reads the real files of the directory it was started in, through npm's INIT_CWD too", async () => {
		const dir = mkdtempSync(join(tmpdir(), 'shell-files-'));
		try {
			mkdirSync(join(dir, 'app'));
			writeFileSync(join(dir, 'hello.txt'), 'hello from disk\n');
			writeFileSync(join(dir, 'app/main.py'), 'print("hi")\n');
			writeFileSync(join(dir, 'policy.json'), '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}');
			const line = 'cat hello.txt && ls && aws ecr create-repository --repository-name pp --query repository.repositoryName --output text && aws ecr put-lifecycle-policy --repository-name pp --lifecycle-policy-text file://policy.json --query repositoryName --output text';
			const direct = await shell(['-c', line], { cwd: dir });
			expect(direct).toEqual({ stdout: 'hello from disk\napp\nhello.txt\npolicy.json\npp\npp\n', stderr: '', code: 0 });
			// `npm run` moves to the package folder; the shell still sees the learner's folder.
			const viaNpm = await run('npm', ['run', '--silent', '--prefix', root, 'shell', '--', '--clock', 'frozen', '-c', 'cat app/main.py; cat ../x'], { cwd: dir, env: cleanEnv() });
			expect(viaNpm.stdout).toBe('print("hi")\n');
			expect(viaNpm.stderr).toBe('cat: ../x: No such file or directory\n');
			expect(viaNpm.code).toBe(1);
			expect(existsSync(join(dir, 'x'))).toBe(false);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});
