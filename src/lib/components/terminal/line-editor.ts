// The line being typed at a prompt: its text, the cursor, and the way back through history.
// Pure (no DOM, no xterm): every edit returns the ANSI text that brings the screen up to date,
// which the xterm adapter writes as it is. The whole prompt and line are redrawn after each
// edit, from the row the prompt starts on, so wrapped and multi-line text stays right.

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

/** What a string occupies on screen: ANSI colour codes take no room. */
export const visible = (text: string): string => text.replace(ANSI, '');

interface Position {
	row: number;
	col: number;
}

/**
 * Where each cursor index of `chars` lands after `prompt`, in a terminal `columns` wide, as
 * xterm places it: a character written at the last column wraps only when the next one comes.
 */
function layout(prompt: string, chars: readonly string[], columns: number): { positions: Position[]; pendingWrap: boolean } {
	let row = 0;
	let col = 0;
	const advance = (c: string) => {
		if (c === '\n') {
			row++;
			col = 0;
			return;
		}
		if (col >= columns) {
			row++;
			col = 0;
		}
		col++;
	};
	for (const c of visible(prompt)) advance(c);
	const at = (): Position => (col >= columns ? { row: row + 1, col: 0 } : { row, col });
	const positions: Position[] = [at()];
	for (const c of chars) {
		advance(c);
		positions.push(at());
	}
	return { positions, pendingWrap: col >= columns };
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t';

export class LineEditor {
	#chars: string[] = [];
	#cursor = 0;
	#prompt = '';
	/** The row, counted from the prompt's first row, that the terminal's cursor is on now. */
	#row = 0;
	#history: () => readonly string[];
	#columns: () => number;
	/** Where ↑/↓ are in the history; history().length means the line being typed. */
	#index = 0;
	#draft = '';
	/** The last render ended at the right margin, so the cursor already sits on a fresh row. */
	#atMargin = false;

	constructor(options: { history: () => readonly string[]; columns: () => number }) {
		this.#history = options.history;
		this.#columns = options.columns;
	}

	get text(): string {
		return this.#chars.join('');
	}

	/** The cursor as an offset into `text` (UTF-16 code units, as string indices count). */
	get cursor(): number {
		return this.#chars.slice(0, this.#cursor).join('').length;
	}

	get prompt(): string {
		return this.#prompt;
	}

	/** A new, empty line after `prompt`, drawn where the terminal's cursor is (column 0). */
	start(prompt: string): string {
		this.#prompt = prompt;
		this.#chars = [];
		this.#cursor = 0;
		this.#row = 0;
		this.#index = this.#history().length;
		this.#draft = '';
		return this.render();
	}

	/** Draws prompt and line again from the current cursor row (after the screen was cleared, or a listing). */
	redraw(): string {
		this.#row = 0;
		return this.render();
	}

	render(): string {
		const columns = Math.max(1, this.#columns());
		const { positions, pendingWrap } = layout(this.#prompt, this.#chars, columns);
		const end = positions[positions.length - 1] as Position;
		const target = positions[this.#cursor] as Position;
		let out = this.#row > 0 ? `\x1b[${this.#row}A\r` : '\r';
		// Clear each row's old tail before a newline in the text; the last row is cleared below.
		out += this.#prompt + this.#chars.map((c) => (c === '\n' ? '\x1b[K\r\n' : c)).join('');
		// A line that ends exactly at the right margin: step onto the next row as `end` says.
		if (pendingWrap) out += ' \r';
		out += '\x1b[J';
		const up = end.row - target.row;
		if (up > 0) out += `\x1b[${up}A`;
		if (up > 0 || target.col !== end.col) out += target.col > 0 ? `\r\x1b[${target.col}C` : '\r';
		this.#row = target.row;
		this.#atMargin = pendingWrap && this.#cursor === this.#chars.length;
		return out;
	}

	/** Moves the terminal's cursor below the line (after `mark`, e.g. `^C`), leaving the line on screen. */
	finish(mark = ''): string {
		this.#cursor = this.#chars.length;
		const out = this.render();
		return this.#atMargin && !mark ? out : out + mark + '\r\n';
	}

	#set(text: string, cursor = [...text].length): string {
		this.#chars = [...text];
		this.#cursor = Math.min(cursor, this.#chars.length);
		return this.render();
	}

	/**
	 * Typing at the end of the line writes just the new characters, and Backspace there just erases
	 * one: a screen reader (xterm's screenReaderMode) then reads what was typed, not the whole line
	 * again. Anything else, or text reaching the right margin, redraws the line.
	 */
	insert(text: string): string {
		const add = [...text];
		const atEnd = this.#cursor === this.#chars.length;
		this.#chars.splice(this.#cursor, 0, ...add);
		this.#cursor += add.length;
		if (atEnd && !add.includes('\n')) {
			const { positions, pendingWrap } = layout(this.#prompt, this.#chars, Math.max(1, this.#columns()));
			if (!pendingWrap) {
				this.#row = (positions[this.#cursor] as Position).row;
				this.#atMargin = false;
				return text;
			}
		}
		return this.render();
	}

	/** Replaces [from, to) of `text` (string offsets, as a completer gives them) and puts the cursor after it. */
	replace(from: number, to: number, text: string): string {
		const line = this.text;
		const before = line.slice(0, from) + text;
		return this.#set(before + line.slice(to), [...before].length);
	}

	backspace(): string {
		if (this.#cursor === 0) return '';
		const atEnd = this.#cursor === this.#chars.length;
		const [gone] = this.#chars.splice(--this.#cursor, 1);
		if (atEnd && gone !== '\n') {
			const { positions } = layout(this.#prompt, this.#chars, Math.max(1, this.#columns()));
			const at = positions[this.#cursor] as Position;
			// Still on the same row, one column to the left: step back and erase.
			if (at.row === this.#row && at.col > 0 && !this.#atMargin) return '\b\x1b[K';
		}
		return this.render();
	}

	delete(): string {
		if (this.#cursor >= this.#chars.length) return '';
		this.#chars.splice(this.#cursor, 1);
		return this.render();
	}

	#moveTo(cursor: number): string {
		const next = Math.max(0, Math.min(cursor, this.#chars.length));
		if (next === this.#cursor) return '';
		this.#cursor = next;
		return this.render();
	}

	left(): string {
		return this.#moveTo(this.#cursor - 1);
	}

	right(): string {
		return this.#moveTo(this.#cursor + 1);
	}

	home(): string {
		return this.#moveTo(0);
	}

	end(): string {
		return this.#moveTo(this.#chars.length);
	}

	/** Where a word starting before the cursor begins (readline's backward-word, words of non-spaces). */
	#wordStart(): number {
		let i = this.#cursor;
		while (i > 0 && isSpace(this.#chars[i - 1])) i--;
		while (i > 0 && !isSpace(this.#chars[i - 1])) i--;
		return i;
	}

	wordLeft(): string {
		return this.#moveTo(this.#wordStart());
	}

	wordRight(): string {
		let i = this.#cursor;
		const n = this.#chars.length;
		while (i < n && isSpace(this.#chars[i])) i++;
		while (i < n && !isSpace(this.#chars[i])) i++;
		return this.#moveTo(i);
	}

	/** Ctrl+U: everything before the cursor goes. */
	killStart(): string {
		if (this.#cursor === 0) return '';
		this.#chars.splice(0, this.#cursor);
		this.#cursor = 0;
		return this.render();
	}

	/** Ctrl+K: everything from the cursor on goes. */
	killEnd(): string {
		if (this.#cursor >= this.#chars.length) return '';
		this.#chars.length = this.#cursor;
		return this.render();
	}

	/** Ctrl+W: the whitespace-delimited word before the cursor goes (unix-word-rubout). */
	killWord(): string {
		const start = this.#wordStart();
		if (start === this.#cursor) return '';
		this.#chars.splice(start, this.#cursor - start);
		this.#cursor = start;
		return this.render();
	}

	/** ↑: the previous history entry; the line being typed is kept for the way back down. */
	up(): string {
		const history = this.#history();
		if (this.#index > history.length) this.#index = history.length;
		if (this.#index === 0) return '';
		if (this.#index === history.length) this.#draft = this.text;
		this.#index--;
		return this.#set(history[this.#index] ?? '');
	}

	down(): string {
		const history = this.#history();
		if (this.#index >= history.length) return '';
		this.#index++;
		return this.#set(this.#index === history.length ? this.#draft : (history[this.#index] ?? ''));
	}
}
