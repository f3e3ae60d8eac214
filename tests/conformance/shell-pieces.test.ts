// The local shell's parts in process: arguments, the directory as files, completion and prompt
// adapters, `exit`, the piped-input loop and the interactive loop over fake terminal streams.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import { parseShellArgs } from '../../scripts/shell/args';
import { DirectoryFiles, relativeKey } from '../../scripts/shell/directory-files';
import { toReadline } from '../../scripts/shell/completer';
import { stylePrompt } from '../../scripts/shell/prompt-style';
import { createLocalShell, type LocalShell } from '../../scripts/shell/local-shell';
import { runLines } from '../../scripts/shell/line-mode';
import { runInteractive } from '../../scripts/shell/interactive';
import type { Program } from '../../src/lib/cli/types';

// The real completer is someone else's work in progress; the loop's use of it is tested here.
vi.mock('../../src/lib/cli/complete', () => ({
	complete: async (line: string, cursor: number) => {
		const word = /[^ ]*$/.exec(line.slice(0, cursor))?.[0] ?? '';
		const words = ['describe-repositories', 'describe-images', 'docker', "'quoted name'"];
		return { from: cursor - word.length, to: cursor, candidates: words.filter((w) => w.startsWith(word) || (word === 'q' && w.startsWith("'q"))) };
	}
}));

const NOW = '2026-05-01T12:00:00Z';
const newShell = (files = new Map<string, string>()): LocalShell => createLocalShell({ clock: 'frozen', now: NOW, files });

async function* linesOf(text: string): AsyncGenerator<string> {
	for (const line of text.split('\n').slice(0, -1)) yield line;
}

describe('arguments', () => {
	it('takes -c, --clock and --now, and refuses nonsense', () => {
		expect(parseShellArgs([])).toEqual({ clock: 'real', help: false });
		expect(parseShellArgs(['-c', 'echo hi', '--clock', 'frozen', '--now', NOW])).toEqual({ command: 'echo hi', clock: 'frozen', now: NOW, help: false });
		expect(parseShellArgs(['--help']).help).toBe(true);
		expect(() => parseShellArgs(['--clock', 'fast'])).toThrow(/--clock/);
		expect(() => parseShellArgs(['--now', 'soon'])).toThrow(/--now/);
		expect(() => parseShellArgs(['echo', 'hi'])).toThrow(/-c/);
		expect(() => parseShellArgs(['--port', '1'])).toThrow();
	});
});

describe('the working directory as files', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'shell-dir-'));
		mkdirSync(join(dir, 'app'));
		mkdirSync(join(dir, 'node_modules'));
		writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.14\nCOPY app/ /app/\n');
		writeFileSync(join(dir, 'app/main.py'), 'print(1)\n');
		writeFileSync(join(dir, 'node_modules/x.js'), 'x');
		writeFileSync(join(tmpdir(), 'shell-outside.txt'), 'secret');
		symlinkSync(join(tmpdir(), 'shell-outside.txt'), join(dir, 'out-link'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('reads files afresh, lists them sorted, and hides what lies outside or in node_modules', () => {
		const files = new DirectoryFiles(dir);
		expect([...files.keys()]).toEqual(['Dockerfile', 'app/main.py']);
		expect(files.get('./app//main.py')).toBe('print(1)\n');
		expect(files.get('/Dockerfile')).toContain('FROM alpine');
		writeFileSync(join(dir, 'app/main.py'), 'print(2)\n');
		expect(files.get('app/main.py')).toBe('print(2)\n');
		for (const hidden of ['../shell-outside.txt', 'out-link', 'node_modules/x.js', 'app', 'missing']) expect(files.get(hidden)).toBeUndefined();
		expect(files.size).toBe(2);
	});

	it('keeps writes in memory, never on disk', () => {
		const files = new DirectoryFiles(dir);
		files.set('new.txt', 'n');
		expect(files.get('new.txt')).toBe('n');
		expect(files.delete('Dockerfile')).toBe(true);
		expect([...files.keys()]).toEqual(['app/main.py', 'new.txt']);
		expect(new DirectoryFiles(dir).has('Dockerfile')).toBe(true);
		expect(new DirectoryFiles(dir).has('new.txt')).toBe(false);
	});

	it('builds an image from the directory with docker build', async () => {
		const shell = newShell(new DirectoryFiles(dir));
		const built = await shell.run('docker build -t app:1 .');
		expect(built.exitCode).toBe(0);
		expect(built.stderr).toContain('COPY app/ /app/');
		expect(built.stderr).toContain('naming to docker.io/library/app:1 done');
	});

	it('never maps a path with .. to a key', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('a', '.', '..', '', 'b.txt', 'node_modules'), { maxLength: 6 }), (segments) => {
				const key = relativeKey(segments.join('/'));
				if (segments.includes('..') || segments.includes('node_modules')) expect(key).toBeUndefined();
				if (key !== undefined) expect(key.split('/').every((s) => s !== '' && s !== '.' && s !== '..')).toBe(true);
			})
		);
	});
});

describe('completion and prompt adapters', () => {
	it("turns complete()'s range into readline's terms", () => {
		expect(toReadline('aws ecr desc', { from: 8, to: 12, candidates: ['describe-images', 'describe-repositories'] })).toEqual({ candidates: ['describe-images', 'describe-repositories'], replaced: 'desc' });
		expect(toReadline('dock', { from: 0, to: 4, candidates: ['docker'] })).toEqual({ candidates: ['docker '], replaced: 'dock' });
		expect(toReadline('cat ap', { from: 4, to: 6, candidates: ['app/'] })).toEqual({ candidates: ['app/'], replaced: 'ap' });
		expect(toReadline('x q', { from: 2, to: 3, candidates: ["'quoted name'"] })).toEqual({ candidates: [], replaced: 'q', edit: { erase: 1, insert: "'quoted name' " } });
	});

	it('colours who and where, keeps the sign plain, and strips colour when asked', () => {
		expect(stylePrompt('$ ', true)).toBe('$ ');
		expect(stylePrompt('learner us-east-1 $ ', true)).toBe('\x1b[1;34mlearner us-east-1\x1b[0m $ ');
		expect(stylePrompt('\x1b[32muser\x1b[0m $ ', false)).toBe('user $ ');
		expect(stylePrompt('user $ ', false)).toBe('user $ ');
	});
});

describe('exit', () => {
	it("ends with bash's codes", async () => {
		for (const [line, code, stderr] of [
			['exit', 0, ''],
			['false; exit', 1, ''],
			['exit 256', 0, ''],
			['exit -1', 255, ''],
			['exit abc', 2, 'bash: exit: abc: numeric argument required\n']
		] as const) {
			const shell = newShell();
			const result = await shell.run(line);
			expect([shell.exit.code, result.stderr], line).toEqual([code, stderr]);
		}
		const shell = newShell();
		expect((await shell.run('exit 1 2')).stderr).toBe('bash: exit: too many arguments\n');
		expect(shell.exit.code).toBeUndefined();
	});
});

describe('piped input', () => {
	it('answers questions with the next input lines, printing each question', async () => {
		const shell = newShell();
		const asker: Program = async (_args, io) => {
			const name = (await io.terminal?.ask('Name [None]: ')) ?? '(no terminal)';
			const key = (await io.terminal?.ask('Key: ', { secret: true })) ?? '';
			return { stdout: `${name}/${key}\n`, stderr: '', exitCode: 0 };
		};
		shell.programs.asker = asker;
		let stdout = '';
		let stderr = '';
		const code = await runLines(linesOf('echo before\nasker\nana\ns3cret\necho $?\nfalse\n'), shell, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
		expect(stdout).toBe('before\nName [None]: Key: ana/s3cret\n0\n');
		expect(stderr).toBe('');
		expect(code).toBe(1);
	});

	it("reports a quote left open at the end of input as bash does, with bash's code", async () => {
		let stderr = '';
		const code = await runLines(linesOf('echo "open\n'), newShell(), { stdout: () => undefined, stderr: (t) => (stderr += t) });
		expect(stderr).toBe("bash: unexpected EOF while looking for matching `\"'\n");
		expect(code).toBe(2);
	});
});

describe('the interactive loop', { timeout: 10_000 }, () => {
	/** A fake terminal: type into `input`, read the screen from `screen`. */
	function terminal(shell: LocalShell) {
		const input = new PassThrough();
		const output = new PassThrough();
		let screen = '';
		let waiters: (() => void)[] = [];
		output.on('data', (d: Buffer) => {
			// What a person would read: readline's cursor moves and carriage returns left out.
			screen += stripVTControlCharacters(d.toString()).replace(/\r/g, '');
			for (const w of waiters) w();
		});
		const errors = new PassThrough();
		errors.on('data', (d: Buffer) => output.write(d));
		const done = runInteractive(shell, { input, output, errors, colour: false });
		/** Resolves once the screen, from `start` on, matches. */
		const until = (pattern: RegExp, start = 0): Promise<string> =>
			new Promise((resolve) => {
				const check = () => {
					if (pattern.test(screen.slice(start))) {
						waiters = waiters.filter((w) => w !== check);
						resolve(screen.slice(start));
					}
				};
				waiters.push(check);
				check();
			});
		const type = async (keys: string, expect: RegExp): Promise<string> => {
			const start = screen.length;
			input.write(keys);
			return until(expect, start);
		};
		return { type, until, done, input };
	}

	it('runs lines, continues open quotes, abandons a line on Ctrl+C and leaves on Ctrl+D', async () => {
		const shell = newShell();
		const t = terminal(shell);
		await t.until(/\$ $/);
		expect(await t.type('echo hi\r', /hi\r?\n[^]*\$ $/)).toContain('hi\n');
		expect(await t.type('echo "a\r', /> $/)).toContain('> ');
		expect(await t.type('b"\r', /\$ $/)).toContain('a\nb\n');
		await t.type('echo never', /never$/);
		expect(await t.type('\x03', /\$ $/)).toContain('^C\n');
		expect(await t.type('echo $?\r', /\$ $/)).toContain('130\n');
		expect(await t.type('aws ecr describe-repositories --repository-names nope\r', /\$ $/)).toContain('(RepositoryNotFoundException)');
		await t.type('\x04', /exit\n$/);
		expect(await t.done).toBe(254);
	});

	it('completes with Tab through complete(), and recalls lines with Up', async () => {
		const t = terminal(newShell());
		await t.until(/\$ $/);
		await t.type('dock\t', /docker $/);
		await t.type('\x15echo x q\t', /'quoted name' $/);
		expect(await t.type('\r', /\$ $/)).toContain('x quoted name\n');
		await t.type('\x1b[A', /echo x 'quoted name' $/);
		await t.type('\x15exit 5\r', /exit\n$/);
		expect(await t.done).toBe(5);
	});

	it('asks questions on the terminal, without echoing secrets or keeping answers in history', async () => {
		const shell = newShell();
		shell.programs.asker = async (_args, io) => {
			const name = (await io.terminal?.ask('Name: ')) ?? '';
			const key = (await io.terminal?.ask('Key: ', { secret: true })) ?? '';
			return { stdout: `got ${name} and ${key.length} characters\n`, stderr: '', exitCode: 0 };
		};
		const t = terminal(shell);
		await t.until(/\$ $/);
		await t.type('echo first; asker\r', /Name: $/);
		await t.type('ana\r', /Key: $/);
		const after = await t.type('hunter2\r', /\$ $/);
		expect(after).not.toContain('hunter2');
		expect(after).toContain('got ana and 7 characters\n');
		await t.type('\x1b[A', /asker$/);
		await t.type('\x15asker\r', /Name: $/);
		expect(await t.type('\x03', /\$ $/)).toContain('^C\n');
		expect(await t.type('echo $?\r', /\$ $/)).toContain('130\n');
		await t.type('false\r', /\$ $/);
		await t.type('exit\r', /exit\n$/);
		expect(await t.done).toBe(1);
	});
});
