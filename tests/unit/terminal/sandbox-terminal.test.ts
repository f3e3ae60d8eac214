// The sandbox's terminal: one world with the panels, saved with the sandbox, renewed on reset.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../../src/routes/sandbox/sandbox.svelte';
import { memoryStore } from '../../../src/routes/sandbox/saved';
import { MAX_HISTORY, restoreTerminal } from '../../../src/routes/sandbox/terminal-save';
import { createSession, runLine } from '../../../src/lib/cli/shell';
import { PROGRAMS } from '../../../src/lib/cli/programs';
import { World } from '../../../src/lib/engines/world';

const START = new Date('2026-11-23T10:00:30.000Z');
const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

function started(store = memoryStore()) {
	const sandbox = new Sandbox(store, { now: () => new Date(START) });
	sandbox.start();
	return { sandbox, store };
}

async function run(sandbox: Sandbox, line: string) {
	const result = await runLine(line, sandbox.openShell(), PROGRAMS);
	sandbox.afterTerminalLine(result.exitCode);
	return result;
}

describe('the sandbox terminal', () => {
	it('runs over the sandbox world in its Region: a repository made in the terminal is listed by the ECR view', async () => {
		const { sandbox } = started();
		sandbox.setView('terminal');
		expect(sandbox.shell?.env.get('AWS_DEFAULT_REGION')).toBe('us-east-1');
		const created = await run(sandbox, 'aws ecr create-repository --repository-name web --query repository.repositoryUri --output text');
		expect(created.stdout).toBe(`${HOST}/web\n`);
		expect(sandbox.repositories.map((r) => r.name)).toEqual(['web']);
		expect(sandbox.announcement.text).toBe('The command finished.');
		await run(sandbox, 'aws ecr delete-repository --repository-name nope');
		expect(sandbox.announcement.text).toBe('The command failed with exit code 254.');
	});

	it('keeps history, exported variables and docker logins and images across a reload, not plain shell variables', async () => {
		const store = memoryStore();
		const first = started(store).sandbox;
		first.setView('terminal');
		await run(first, 'export GREETING=hello');
		await run(first, 'PLAIN=x');
		await run(first, 'aws ecr create-repository --repository-name web');
		await run(first, `aws ecr get-login-password | docker login --username AWS --password-stdin ${HOST}`);
		await run(first, 'docker pull alpine:3.14');

		const second = started(store).sandbox;
		expect(second.view).toBe('terminal');
		const shell = second.shell;
		expect(shell?.history.at(-1)).toBe('docker pull alpine:3.14');
		expect((await run(second, 'echo $GREETING-$PLAIN')).stdout).toBe('hello-\n');
		const pushed = await run(second, `docker tag alpine:3.14 ${HOST}/web:v1 && docker push ${HOST}/web:v1`);
		expect(pushed.stdout).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+/);
		expect(second.repositories[0]?.images[0]?.tags).toEqual(['v1']);
	});

	it('a save from before the terminal still loads, and the terminal starts empty', () => {
		const store = memoryStore();
		started(store);
		const saved = store.load() as Record<string, unknown>;
		delete saved.terminal;
		store.save(saved);
		const { sandbox } = started(store);
		expect(sandbox.openShell().history).toEqual([]);
	});

	it('a reset gives the terminal a new session over the new world, keeping its history', async () => {
		const { sandbox } = started();
		sandbox.setView('terminal');
		await run(sandbox, 'aws ecr create-repository --repository-name web');
		const before = sandbox.shell;
		sandbox.reset();
		expect(sandbox.shell).not.toBe(before);
		expect(sandbox.shell?.history).toEqual(['aws ecr create-repository --repository-name web']);
		expect((await run(sandbox, 'aws ecr describe-repositories --query "length(repositories)"')).stdout).toBe('0\n');
	});

	it('bounds the saved history and ignores saved values of the wrong shape', () => {
		const session = createSession(World.create({ now: START }));
		restoreTerminal(session, { history: [...Array.from({ length: MAX_HISTORY + 20 }, (_, i) => `echo ${i}`), 7], env: { A: 1 }, docker: { auths: 'no' } });
		expect(session.history).toHaveLength(MAX_HISTORY);
		expect(session.history.at(-1)).toBe(`echo ${MAX_HISTORY + 19}`);
		expect(session.env.get('HOME')).toBe('/home/learner');
		expect(session.programs.has('docker')).toBe(false);
	});
});
