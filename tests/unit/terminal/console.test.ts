import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { listInColumns, commonPrefix } from '../../../src/lib/components/terminal/columns';
import { KeyboardInterrupt } from '../../../src/lib/components/terminal/console';
import { joinContinuation } from '../../../src/lib/components/terminal/continuation';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';

describe('typing a line', () => {
	it('echoes what is typed and runs it on Enter, output below, then a new prompt', async () => {
		const h = harness();
		await h.type('echo hi');
		expect(h.screen.text).toBe('$ echo hi');
		await h.keys('\r');
		expect(h.ran).toEqual(['echo hi']);
		expect(h.screen.text).toBe('$ echo hi\nran: echo hi\n$');
		expect(h.beforeCursor).toBe('$ ');
	});

	it('does not run an empty or blank line', async () => {
		const h = harness();
		await h.keys('\r');
		await h.type('   ');
		await h.keys('\r');
		expect(h.ran).toEqual([]);
		expect(h.screen.text).toBe('$\n$\n$');
	});

	it('Backspace (DEL and BS) removes the character before the cursor; Delete the one under it', async () => {
		const h = harness();
		await h.type('abcd');
		await h.keys('\x7f', '\b');
		expect(h.screen.text).toBe('$ ab');
		await h.type('cd');
		await h.keys(LEFT, LEFT, '\x1b[3~');
		expect(h.screen.text).toBe('$ abd');
		expect(h.beforeCursor).toBe('$ ab');
		await h.keys('\x1b[H', '\x7f');
		expect(h.screen.text).toBe('$ abd');
	});

	it('← → move the cursor and typing inserts there', async () => {
		const h = harness();
		await h.type('ac');
		await h.keys(LEFT);
		await h.type('b');
		await h.keys(RIGHT, RIGHT);
		await h.type('d');
		await h.keys('\r');
		expect(h.ran).toEqual(['abcd']);
	});

	for (const [home, end] of [
		['\x1b[H', '\x1b[F'],
		['\x1bOH', '\x1bOF'],
		['\x1b[1~', '\x1b[4~'],
		['\x01', '\x05']
	] as const) {
		it(`Home ${JSON.stringify(home)} and End ${JSON.stringify(end)} jump to the ends of the line`, async () => {
			const h = harness();
			await h.type('middle');
			await h.keys(home);
			await h.type('[');
			expect(h.beforeCursor).toBe('$ [');
			await h.keys(end);
			await h.type(']');
			expect(h.screen.text).toBe('$ [middle]');
			expect(h.beforeCursor).toBe('$ [middle]');
		});
	}

	it('Ctrl+U and Ctrl+K cut before and after the cursor', async () => {
		const h = harness();
		await h.type('docker push web');
		for (let i = 0; i < 4; i++) await h.keys(LEFT);
		await h.keys('\x15');
		expect(h.screen.text).toBe('$  web');
		await h.keys(RIGHT, '\x0b');
		expect(h.screen.text).toBe('$');
	});

	it('Ctrl+W cuts the word before the cursor, spaces included', async () => {
		const h = harness();
		await h.type('aws ecr  describe');
		await h.keys('\x17');
		expect(h.screen.text).toBe('$ aws ecr');
		await h.keys('\x17');
		expect(h.screen.text).toBe('$ aws');
	});

	it('Alt+B/F and Ctrl+←/→ move by words', async () => {
		const h = harness();
		await h.type('aws ecr list-images');
		await h.keys('\x1bb');
		expect(h.beforeCursor).toBe('$ aws ecr ');
		await h.keys('\x1b[1;5D');
		expect(h.beforeCursor).toBe('$ aws ');
		await h.keys('\x1bf');
		expect(h.beforeCursor).toBe('$ aws ecr');
		await h.keys('\x1b[1;5C');
		expect(h.beforeCursor).toBe('$ aws ecr list-images');
	});

	it('Ctrl+L clears the screen and keeps the line being typed', async () => {
		const h = harness();
		await h.type('echo one');
		await h.keys('\r');
		await h.type('echo two');
		await h.keys(LEFT, '\x0c');
		expect(h.screen.text).toBe('$ echo two');
		expect(h.beforeCursor).toBe('$ echo tw');
	});

	it('Ctrl+D on an empty line does nothing; on a line it deletes the character under the cursor', async () => {
		const h = harness();
		await h.keys('\x04');
		expect(h.screen.text).toBe('$');
		await h.type('ab');
		await h.keys(LEFT, '\x04');
		expect(h.screen.text).toBe('$ a');
		expect(h.ran).toEqual([]);
	});
});

describe('Ctrl+C', () => {
	it('prints ^C, abandons the line and sets $? to 130', async () => {
		const h = harness();
		await h.type('aws ecr');
		await h.keys('\x03');
		expect(h.screen.text).toBe('$ aws ecr^C\n$');
		expect(h.state.interrupted).toBe(1);
		expect(h.ran).toEqual([]);
		await h.type('true');
		await h.keys('\r');
		expect(h.ran).toEqual(['true']);
	});

	it('abandons a continued command too', async () => {
		const h = harness();
		await h.type("echo 'a");
		await h.keys('\r');
		await h.keys('\x03');
		await h.type('echo b');
		await h.keys('\r');
		expect(h.ran).toEqual(['echo b']);
	});
});

describe('history', () => {
	it('↑ recalls earlier lines, ↓ comes back to the line being typed', async () => {
		const h = harness({ history: ['first', 'second'] });
		await h.type('draft');
		await h.keys('\x1b[A');
		expect(h.screen.text).toBe('$ second');
		await h.keys('\x1bOA', '\x1b[A');
		expect(h.screen.text).toBe('$ first');
		await h.keys('\x1b[B');
		expect(h.screen.text).toBe('$ second');
		await h.keys('\x1b[B');
		expect(h.screen.text).toBe('$ draft');
		await h.keys('\x1b[B');
		expect(h.screen.text).toBe('$ draft');
	});

	it('recalls the line just run, with the cursor at its end', async () => {
		const h = harness();
		await h.type('echo hi');
		await h.keys('\r', '\x1b[A');
		expect(h.screen.text.split('\n').at(-1)).toBe('$ echo hi');
		expect(h.beforeCursor).toBe('$ echo hi');
		await h.keys('\r');
		expect(h.ran).toEqual(['echo hi', 'echo hi']);
	});

	it('clears a shorter recalled line over a longer one', async () => {
		const h = harness({ history: ['a'] });
		await h.type('a much longer line');
		await h.keys('\x1b[A');
		expect(h.screen.text).toBe('$ a');
	});
});

describe('Tab completion', () => {
	const completer = (words: string[]) => (line: string, cursor: number) => {
		const from = line.lastIndexOf(' ', cursor - 1) + 1;
		const word = line.slice(from, cursor);
		return { from, to: cursor, candidates: words.filter((w) => w.startsWith(word)).sort() };
	};

	it('inserts the only candidate and a space', async () => {
		const h = harness({ complete: completer(['ecr', 'ecr-public', 'sts']) });
		await h.type('aws s');
		await h.keys('\t');
		expect(h.beforeCursor).toBe('$ aws sts ');
		await h.keys('\r');
		expect(h.ran).toEqual(['aws sts ']);
	});

	it('inserts the common prefix of several, then lists them on a second Tab and redraws the line', async () => {
		const h = harness({ complete: completer(['describe-images', 'describe-repositories', 'delete-repository']) });
		await h.type('aws ecr des');
		await h.keys('\t');
		expect(h.screen.text).toBe('$ aws ecr describe-');
		await h.keys('\t');
		expect(h.screen.text).toBe('$ aws ecr describe-\ndescribe-images        describe-repositories\n$ aws ecr describe-');
		expect(h.beforeCursor).toBe('$ aws ecr describe-');
		await h.type('i');
		await h.keys('\t');
		expect(h.screen.text.split('\n').at(-1)).toBe('$ aws ecr describe-images');
	});

	it('lists at once on a second Tab when there is no prefix to add, and not on the first', async () => {
		const h = harness({ complete: completer(['ecr', 'sts']) });
		await h.type('aws ');
		await h.keys('\t');
		expect(h.screen.text).toBe('$ aws');
		await h.keys('\t');
		expect(h.screen.text).toBe('$ aws\necr  sts\n$ aws');
	});

	it('does nothing without candidates, and a completer that fails changes nothing', async () => {
		const h = harness({ complete: completer([]) });
		await h.type('xyz');
		await h.keys('\t', '\t');
		expect(h.screen.text).toBe('$ xyz');
		const broken = harness({
			complete: () => {
				throw new Error('boom');
			}
		});
		await broken.type('xyz');
		await broken.keys('\t');
		expect(broken.screen.text).toBe('$ xyz');
	});

	it('replaces the range the completer names, in the middle of a line', async () => {
		const h = harness({ complete: completer(['ecr']) });
		await h.type('aws e list');
		for (let i = 0; i < 5; i++) await h.keys(LEFT);
		await h.keys('\t');
		expect(h.screen.text).toBe('$ aws ecr  list');
		expect(h.beforeCursor).toBe('$ aws ecr ');
	});
});

describe('continuation lines', () => {
	it('an open quote continues on a > prompt and the newline stays inside the quotes', async () => {
		const h = harness();
		await h.type("echo 'a");
		await h.keys('\r');
		expect(h.ran).toEqual([]);
		expect(h.screen.text).toBe("$ echo 'a\n>");
		await h.type("b'");
		await h.keys('\r');
		expect(h.ran).toEqual(["echo 'a\nb'"]);
	});

	it('a trailing backslash joins the lines without it; a trailing pipe joins them with a space', async () => {
		const h = harness();
		await h.type('echo a \\');
		await h.keys('\r');
		await h.type('b');
		await h.keys('\r');
		await h.type('echo x |');
		await h.keys('\r');
		await h.type('cat');
		await h.keys('\r');
		expect(h.ran).toEqual(['echo a b', 'echo x | cat']);
	});

	it('joins as bash does', () => {
		expect(joinContinuation('ls &&', 'pwd')).toBe('ls && pwd');
		expect(joinContinuation('echo "x', 'y"')).toBe('echo "x\ny"');
	});
});

describe('pastes and keys typed while a line runs', () => {
	it('runs each complete line of a paste in order', async () => {
		const h = harness();
		await h.keys('echo 1\recho 2\recho 3');
		expect(h.ran).toEqual(['echo 1', 'echo 2']);
		expect(h.screen.text).toBe('$ echo 1\nran: echo 1\n$ echo 2\nran: echo 2\n$ echo 3');
	});

	it('keeps keys typed while a command runs and handles them after it', async () => {
		let finish: () => void = () => {};
		const h = harness({
			run: (line) =>
				line === 'slow'
					? new Promise((resolve) => (finish = () => resolve({ stdout: 'done\n', stderr: '', exitCode: 0 })))
					: { stdout: '', stderr: '', exitCode: 0 }
		});
		h.term.input('slow\r');
		for (const c of 'next') h.term.input(c);
		h.term.input('\r');
		await Promise.resolve();
		expect(h.term.busy).toBe(true);
		expect(h.screen.text).toBe('$ slow');
		finish();
		await h.term.settled();
		expect(h.ran).toEqual(['slow', 'next']);
		expect(h.screen.text).toBe('$ slow\ndone\n$ next\n$');
	});
});

describe('output', () => {
	it('ends output without a newline with one, so the prompt starts at the margin', async () => {
		const h = harness({ run: () => ({ stdout: 'no newline', stderr: '', exitCode: 0 }) });
		await h.keys('echo -n x\r');
		expect(h.screen.text).toBe('$ echo -n x\nno newline\n$');
	});

	it('prints stderr after stdout, in the error colour, and clears the screen for `clear`', async () => {
		const h = harness({ run: (line) => (line === 'clear' ? { stdout: '', stderr: '', exitCode: 0, clearScreen: true } : { stdout: 'out\n', stderr: 'bad\nworse\n', exitCode: 1 }) });
		await h.keys('x\r');
		expect(h.screen.text).toBe('$ x\nout\nbad\nworse\n$');
		expect(h.state.written).toContain('\x1b[31mbad\x1b[39m\r\n\x1b[31mworse\x1b[39m\r\n');
		await h.keys('clear\r');
		expect(h.screen.text).toBe('$');
	});

	it('a run that throws is reported, not lost', async () => {
		const h = harness({
			run: () => {
				throw new Error('it broke');
			}
		});
		await h.keys('x\r');
		expect(h.screen.text).toBe('$ x\nbash: it broke\n$');
	});
});

describe('questions from a running program', () => {
	it('shows the question, echoes the answer and resolves with it; a secret answer is not echoed', async () => {
		const answers: string[] = [];
		const h = harness({
			run: async (_line, terminal) => {
				terminal.write('Configuring\n');
				answers.push(await terminal.ask('Key ID [None]: '));
				answers.push(await terminal.ask('Secret [None]: ', { secret: true }));
				return { stdout: 'ok\n', stderr: '', exitCode: 0 };
			}
		});
		await h.keys('aws configure\r');
		expect(h.screen.text).toBe('$ aws configure\nConfiguring\nKey ID [None]:');
		await h.type('AKIAXX');
		await h.keys('\x7f', '\r');
		await h.type('s3cret');
		await h.keys('\r');
		expect(answers).toEqual(['AKIAX', 's3cret']);
		expect(h.screen.text).toBe('$ aws configure\nConfiguring\nKey ID [None]: AKIAX\nSecret [None]:\nok\n$');
	});

	it('Ctrl+C while asking interrupts the program', async () => {
		let thrown: unknown;
		const h = harness({
			run: async (_line, terminal) => {
				try {
					await terminal.ask('Name: ');
				} catch (e) {
					thrown = e;
				}
				return { stdout: '', stderr: '', exitCode: 130 };
			}
		});
		await h.keys('ask\r');
		await h.type('ab');
		await h.keys('\x03');
		expect(thrown).toBeInstanceOf(KeyboardInterrupt);
		expect(h.screen.text).toBe('$ ask\nName: ab^C\n$');
	});
});

describe('long lines', () => {
	it('wraps at the margin and edits across the wrap', async () => {
		const h = harness({ columns: 10 });
		await h.type('abcdefghijklmnop');
		expect(h.screen.text).toBe('$ abcdefgh\nijklmnop');
		for (let i = 0; i < 10; i++) await h.keys(LEFT);
		expect(h.beforeCursor).toBe('$ abcdef');
		await h.type('XY');
		expect(h.screen.text).toBe('$ abcdefXY\nghijklmnop');
		await h.keys('\x1b[F');
		await h.type('Z');
		expect(h.screen.text).toBe('$ abcdefXY\nghijklmnop\nZ');
		await h.keys('\x7f');
		expect(h.screen.text).toBe('$ abcdefXY\nghijklmnop');
		expect(h.screen.row).toBe(2);
		expect(h.screen.col).toBe(0);
		await h.keys('\x01');
		expect(h.screen.row).toBe(0);
		expect(h.beforeCursor).toBe('$ ');
		await h.keys('\r');
		expect(h.screen.text).toBe('$ abcdefXY\nghijklmnop\nran: abcde\nfXYghijklm\nnop\n$');
	});

	it('recalls a shorter history line over a wrapped one', async () => {
		const h = harness({ columns: 10, history: ['ls'] });
		await h.type('abcdefghijklmnopqrstuvwxyz');
		await h.keys('\x1b[A');
		expect(h.screen.text).toBe('$ ls');
		expect(h.beforeCursor).toBe('$ ls');
	});

	it('shows a recalled multi-line command on its rows and edits its end', async () => {
		const h = harness({ history: ["echo 'a\nb'"] });
		await h.keys('\x1b[A');
		expect(h.screen.text).toBe("$ echo 'a\nb'");
		await h.keys('\x7f');
		await h.type("c'");
		expect(h.screen.text).toBe("$ echo 'a\nbc'");
		await h.keys('\x1b[H');
		expect(h.screen.row).toBe(0);
	});
});

describe('columns', () => {
	it('lists candidates down the columns, as wide as the longest plus two', () => {
		expect(listInColumns(['a', 'bb', 'c', 'd', 'e'], 12)).toBe('a   c   e\r\nbb  d\r\n');
		expect(listInColumns(['a', 'bb', 'c', 'd', 'e'], 8)).toBe('a   d\r\nbb  e\r\nc\r\n');
		expect(listInColumns(['alpha'], 3)).toBe('alpha\r\n');
		expect(commonPrefix(['describe-images', 'describe-repositories'])).toBe('describe-');
		expect(commonPrefix(['x', 'y'])).toBe('');
	});
});

describe('the trailing space after a completion', () => {
	it('is left out after a candidate ending in = or /', async () => {
		const h = harness({ complete: (_line, cursor) => ({ from: 0, to: cursor, candidates: ['file://'] }) });
		await h.type('fi');
		await h.keys('\t');
		await h.type('x');
		await h.keys('\r');
		expect(h.ran).toEqual(['file://x']);
	});
});

describe('what a screen reader hears', () => {
	it('typing and Backspace at the end of the line write only the change, not the whole line', async () => {
		const h = harness();
		await h.type('ls');
		h.state.written = '';
		await h.type('x');
		expect(h.state.written).toBe('x');
		await h.keys('\x7f');
		expect(h.state.written).toBe('x\b\x1b[K');
		expect(h.screen.text).toBe('$ ls');
	});
});
