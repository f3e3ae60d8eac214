// `~` as bash expands it at the start of a word, the home directory being the editor's files,
// and `exit` in a page that has nothing to leave.
import { describe, expect, it } from 'vitest';
import { session, sh } from './helpers';

describe('tilde expansion', () => {
	it('expands an unquoted ~ and ~/path at the start of a word only', async () => {
		expect((await sh('args ~ ~/x a~ "~" \'~/y\' \\~ ~user')).stdout).toBe('[/home/learner][/home/learner/x][a~][~][~/y][~][~user]\n');
	});

	it('follows HOME when the learner changes it', async () => {
		expect((await sh('HOME=/tmp; args ~/z')).stdout).toBe('[/tmp/z]\n');
	});

	it('reads the editor files through ~ and $HOME, since the working directory is home', async () => {
		const s = session({ 'policy.json': '{}\n', 'app/main.py': 'print(1)\n' });
		expect((await sh('cat ~/policy.json', s)).stdout).toBe('{}\n');
		expect((await sh('cat $HOME/app/main.py', s)).stdout).toBe('print(1)\n');
		expect((await sh('ls ~', s)).stdout).toContain('policy.json');
	});
});

describe('exit in the browser', () => {
	it('explains that the terminal stays open, and the line goes on', async () => {
		const r = await sh('exit; args after');
		expect(r.stderr).toMatch(/^exit: this terminal stays open/);
		expect(r.stdout).toBe('[after]\n');
		expect(r.exitCode).toBe(0);
	});
});
