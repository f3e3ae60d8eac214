// `npm run shell` on a real terminal: a pseudo-terminal from util-linux's `script`, typed into
// only after the shell has shown what the previous keys should have produced.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasScript = (() => {
	try {
		execFileSync('script', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();

describe.skipIf(!hasScript)('npm run shell on a terminal', () => {
	it('prompts, runs lines, abandons one on Ctrl+C with $? 130, and ends on Ctrl+D with $?', async () => {
		const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'scripts/shell/run.mjs'))} --clock frozen --now 2026-05-01T12:00:00Z`;
		const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TERM: 'xterm' };
		delete env.npm_lifecycle_event;
		const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
		let screen = '';
		let waiter: (() => void) | undefined;
		const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
		child.stdout.on('data', (d: Buffer) => {
			screen += stripVTControlCharacters(d.toString()).replace(/\r/g, '');
			waiter?.();
		});
		const until = (pattern: RegExp, start: number): Promise<string> =>
			new Promise((resolve, reject) => {
				waiter = () => {
					if (pattern.test(screen.slice(start))) resolve(screen.slice(start));
				};
				void exited.then(() => reject(new Error(`the shell ended while waiting for ${pattern}:\n${screen}`)));
				waiter();
			});
		const type = (keys: string, pattern: RegExp): Promise<string> => {
			const start = screen.length;
			child.stdin.write(keys);
			return until(pattern, start);
		};
		try {
			await until(/\$ $/, 0);
			expect(await type('echo hi; false\r', /\$ $/)).toContain('\nhi\n');
			expect(await type('echo $?\r', /\$ $/)).toContain('\n1\n');
			await type('echo abandoned', /abandoned$/);
			expect(await type('\x03', /\$ $/)).toContain('^C\n');
			expect(await type('echo $?\r', /\$ $/)).toContain('\n130\n');
			await type('false\r', /\$ $/);
			await type('\x04', /exit\n/);
			expect(await exited).toBe(1);
		} finally {
			child.kill();
		}
	}, 60_000);
});
