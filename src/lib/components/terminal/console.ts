// The terminal's behaviour between xterm and the shell: a queue of keys, the line editor, `> `
// continuation, Tab completion, Ctrl+C, and the questions a running program asks. Pure (no DOM,
// no xterm): the Svelte component feeds it onData strings and writes what it hands back.
import type { ProgramResult, TerminalIo } from '$lib/cli/types';
import type { Completion } from '$lib/cli/complete';
import { KeyboardInterrupt } from '../../cli/interrupt';
import { splitKeys, type Key } from './keys';
import { LineEditor } from './line-editor';
import { commonPrefix, listInColumns } from './columns';
import { joinContinuation } from './continuation';

export interface ConsoleHost {
	/** Shows ANSI text in the terminal. */
	write(text: string): void;
	columns(): number;
	/** The primary prompt, ANSI colours allowed. */
	prompt(): string;
	/** Runs one complete command line. */
	run(line: string, terminal: TerminalIo): Promise<ProgramResult>;
	complete(line: string, cursor: number): Promise<Completion>;
	/** Whether the only candidate left gets a space after it (not after `--flag=` or a directory). */
	needsTrailingSpace?(candidate: string): boolean;
	isComplete(text: string): boolean;
	/** The session's history, oldest first (the shell adds each line it runs). */
	history(): readonly string[];
	/** Ctrl+C abandoned a line: bash sets `$?` to 130. */
	interrupted(): void;
}

export { KeyboardInterrupt };

export const CONTINUATION_PROMPT = '> ';
/** Wipes the screen and the scrollback, as `clear` does. */
export const CLEAR_ALL = '\x1b[H\x1b[2J\x1b[3J';
const CLEAR_SCREEN = '\x1b[H\x1b[2J';
const STDERR_ON = '\x1b[31m';
const COLOUR_OFF = '\x1b[39m';

/** Terminal output: every newline a CRLF, since xterm moves down without returning on a bare LF. */
export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** stderr in the theme's error colour, line by line so the colour never leaks into the prompt. */
const errorText = (text: string): string =>
	crlf(text)
		.split('\r\n')
		.map((line) => (line ? STDERR_ON + line + COLOUR_OFF : line))
		.join('\r\n');

interface Question {
	chars: string[];
	secret: boolean;
	resolve: (answer: string) => void;
	reject: (error: Error) => void;
}

export class ShellConsole {
	readonly #host: ConsoleHost;
	readonly #editor: LineEditor;
	#queue: Key[] = [];
	#mode: 'edit' | 'running' | 'asking' = 'edit';
	#pumping = false;
	/** The lines typed so far of a command that is not complete yet. */
	#pending: string | null = null;
	#lastWasTab = false;
	#question: Question | null = null;
	#waiters: (() => void)[] = [];

	constructor(host: ConsoleHost) {
		this.#host = host;
		this.#editor = new LineEditor({ history: () => host.history(), columns: () => host.columns() });
	}

	/** Draws the first prompt. */
	start(): void {
		this.#host.write(this.#editor.start(this.#host.prompt()));
	}

	/** xterm's onData. Keys typed while a line runs wait their turn; none is lost. */
	input(data: string): void {
		this.#queue.push(...splitKeys(data));
		void this.#pump();
	}

	/** Resolves once every key given so far is handled and the console waits for more. */
	settled(): Promise<void> {
		if (this.#isSettled()) return Promise.resolve();
		return new Promise((resolve) => this.#waiters.push(resolve));
	}

	/** True while a command line runs (and is not waiting for an answer). */
	get busy(): boolean {
		return this.#mode === 'running';
	}

	/** Redraws the line, e.g. after the terminal changed width. */
	redraw(): void {
		if (this.#mode === 'edit') this.#host.write(this.#editor.render());
	}

	#isSettled(): boolean {
		return !this.#pumping && this.#mode !== 'running' && this.#queue.length === 0;
	}

	async #pump(): Promise<void> {
		if (this.#pumping) return;
		this.#pumping = true;
		try {
			while (this.#queue.length > 0 && this.#mode !== 'running') {
				const key = this.#queue.shift() as Key;
				if (this.#mode === 'asking') this.#answerKey(key);
				else await this.#editKey(key);
			}
		} finally {
			this.#pumping = false;
		}
		if (this.#isSettled()) for (const w of this.#waiters.splice(0)) w();
	}

	async #editKey(key: Key): Promise<void> {
		const write = (text: string): void => {
			if (text) this.#host.write(text);
		};
		const e = this.#editor;
		const wasTab = this.#lastWasTab;
		this.#lastWasTab = false;
		if (key.kind === 'text') return write(e.insert(key.text));
		switch (key.name) {
			case 'enter':
				return this.#enter();
			case 'tab':
				this.#lastWasTab = true;
				return this.#complete(wasTab);
			case 'interrupt':
				write(e.finish('^C'));
				this.#pending = null;
				this.#host.interrupted();
				return write(e.start(this.#host.prompt()));
			case 'clear':
				return write(CLEAR_SCREEN + e.redraw());
			case 'eof':
				// bash would exit on an empty line; here there is nothing to exit to.
				return write(e.text === '' ? '' : e.delete());
			case 'backspace':
				return write(e.backspace());
			case 'delete':
				return write(e.delete());
			case 'left':
				return write(e.left());
			case 'right':
				return write(e.right());
			case 'home':
				return write(e.home());
			case 'end':
				return write(e.end());
			case 'up':
				return write(e.up());
			case 'down':
				return write(e.down());
			case 'wordLeft':
				return write(e.wordLeft());
			case 'wordRight':
				return write(e.wordRight());
			case 'killStart':
				return write(e.killStart());
			case 'killEnd':
				return write(e.killEnd());
			case 'killWord':
				return write(e.killWord());
		}
	}

	#enter(): void {
		const text = this.#editor.text;
		this.#host.write(this.#editor.finish());
		const line = this.#pending === null ? text : joinContinuation(this.#pending, text);
		if (!this.#host.isComplete(line)) {
			this.#pending = line;
			this.#host.write(this.#editor.start(CONTINUATION_PROMPT));
			return;
		}
		this.#pending = null;
		if (line.trim() === '') {
			this.#host.write(this.#editor.start(this.#host.prompt()));
			return;
		}
		this.#mode = 'running';
		void this.#run(line);
	}

	async #run(line: string): Promise<void> {
		const terminal: TerminalIo = {
			ask: (question, options) => this.#ask(question, options?.secret ?? false),
			write: (text) => this.#host.write(crlf(text))
		};
		let result: ProgramResult;
		try {
			result = await this.#host.run(line, terminal);
		} catch (e) {
			result = { stdout: '', stderr: `bash: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
		}
		let out = result.clearScreen ? CLEAR_ALL : '';
		out += crlf(result.stdout) + errorText(result.stderr);
		// The prompt must start at the left margin for the editor's redraws to line up.
		const text = result.stdout + result.stderr;
		if (text !== '' && !text.endsWith('\n')) out += '\r\n';
		this.#mode = 'edit';
		this.#host.write(out + this.#editor.start(this.#host.prompt()));
		void this.#pump();
	}

	#ask(question: string, secret: boolean): Promise<string> {
		return new Promise((resolve, reject) => {
			this.#host.write(crlf(question));
			this.#question = { chars: [], secret, resolve, reject };
			this.#mode = 'asking';
			void this.#pump();
		});
	}

	/** A key typed in answer to a program's question: a plain line, echoed unless secret. */
	#answerKey(key: Key): void {
		const q = this.#question;
		if (!q) return;
		const echo = (text: string): void => {
			if (!q.secret && text) this.#host.write(text);
		};
		const done = () => {
			this.#question = null;
			this.#mode = 'running';
		};
		if (key.kind === 'text') {
			q.chars.push(...key.text);
			return echo(key.text);
		}
		switch (key.name) {
			case 'enter':
				this.#host.write('\r\n');
				done();
				return q.resolve(q.chars.join(''));
			case 'backspace':
				if (q.chars.pop() !== undefined) echo('\b \b');
				return;
			case 'killStart':
				echo('\b \b'.repeat(q.chars.length));
				q.chars = [];
				return;
			case 'interrupt':
				this.#host.write('^C\r\n');
				done();
				return q.reject(new KeyboardInterrupt());
		}
	}

	async #complete(secondTab: boolean): Promise<void> {
		const e = this.#editor;
		const line = e.text;
		let found: Completion;
		try {
			found = await this.#host.complete(line, e.cursor);
		} catch {
			return;
		}
		const { from, to, candidates } = found;
		if (candidates.length === 0) return;
		if (candidates.length === 1) {
			const only = candidates[0] as string;
			// A directory or `--flag=` is not finished yet: no space after it.
			const space = this.#host.needsTrailingSpace?.(only) ?? !/[/=]$/.test(only);
			this.#host.write(e.replace(from, to, space ? `${only} ` : only));
			this.#lastWasTab = false;
			return;
		}
		const prefix = commonPrefix(candidates);
		if (prefix.length > to - from && prefix !== line.slice(from, to)) {
			this.#host.write(e.replace(from, to, prefix));
			return;
		}
		if (!secondTab) return;
		this.#host.write(e.finish() + listInColumns(candidates, this.#host.columns()) + e.redraw());
	}
}
