// Reads a command line up to the cursor the way the shell's parser would, but forgivingly: an
// open quote, an unclosed `$(` or a half-typed line is the normal case here, not an error. It
// finds the simple command the cursor is in (after `|`, `&&`, `||`, `;`, a newline, inside
// `$(`), the words of it already typed, and the word being typed with its quoting.

export interface ScannedWord {
	/** Where the word starts in the line. */
	start: number;
	/** The word as the program would receive it (quotes removed, known variables expanded). */
	value: string;
	/** It holds a `$(...)`, so its value is unknown until the line runs. */
	dynamic: boolean;
	/** `NAME=value` before the command word: an assignment, not an argument. */
	assign: boolean;
}

export interface CursorWord extends ScannedWord {
	/** The quote still open at the cursor, which candidates keep. */
	quote: '' | "'" | '"';
	/** A `$NAME` or `${NAME` that ends at the cursor. */
	variable?: { start: number; braced: boolean; name: string };
}

export interface CursorContext {
	/** The finished words of the simple command the cursor is in. */
	words: ScannedWord[];
	current: CursorWord;
}

interface Building {
	start: number;
	value: string;
	dynamic: boolean;
}

interface Frame {
	words: ScannedWord[];
	cur: Building | null;
	/** Inside "..." (a `$(` inside quotes opens a new frame; its `)` comes back here). */
	dq: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const SEPARATORS = new Set(['\n', ';', '|', '&', '<', '>', '(']);

/**
 * The cursor's command and word, or null where nothing can be completed: inside a `#` comment
 * or right after a `\` whose escaped character is not typed yet.
 */
export function scanToCursor(line: string, cursor: number, env: ReadonlyMap<string, string>, lastExitCode: number): CursorContext | null {
	const end = cursor;
	const frames: Frame[] = [{ words: [], cur: null, dq: false }];
	const top = (): Frame => frames[frames.length - 1] as Frame;
	const ensure = (f: Frame, at: number): Building => (f.cur ??= { start: at, value: '', dynamic: false });
	const finish = (f: Frame, at: number): void => {
		if (!f.cur) return;
		const raw = line.slice(f.cur.start, at);
		f.words.push({ ...f.cur, assign: ASSIGNMENT.test(raw) });
		f.cur = null;
	};
	const separate = (f: Frame): void => {
		f.cur = null;
		f.words = [];
	};
	let quote: CursorWord['quote'] = '';
	let variable: CursorWord['variable'];
	let i = 0;

	/** At a `$`: returns the index after what it consumed. */
	const dollar = (f: Frame): number => {
		const b = ensure(f, i);
		const next = i + 1 < end ? line.charAt(i + 1) : '';
		if (next === '(') {
			b.dynamic = true;
			frames.push({ words: [], cur: null, dq: false });
			return i + 2;
		}
		if (next === '{') {
			const close = line.indexOf('}', i + 2);
			if (close < 0 || close >= end) {
				const name = line.slice(i + 2, end);
				if (/^[A-Za-z_]?[A-Za-z0-9_]*$/.test(name)) variable = { start: i, braced: true, name };
				else b.dynamic = true;
				return end;
			}
			b.value += env.get(line.slice(i + 2, close)) ?? '';
			return close + 1;
		}
		if (NAME_START.test(next)) {
			let j = i + 2;
			while (j < end && NAME_CHAR.test(line.charAt(j))) j++;
			const name = line.slice(i + 1, j);
			if (j === end) {
				variable = { start: i, braced: false, name };
				return end;
			}
			b.value += env.get(name) ?? '';
			return j;
		}
		if (next === '?') {
			b.value += String(lastExitCode);
			return i + 2;
		}
		if (/[0-9]/.test(next)) return i + 2;
		if (next === '') {
			variable = { start: i, braced: false, name: '' };
			return end;
		}
		b.value += '$';
		return i + 1;
	};

	while (i < end) {
		const f = top();
		const c = line.charAt(i);
		if (f.dq) {
			const b = ensure(f, i);
			if (c === '"') {
				f.dq = false;
				i++;
			} else if (c === '\\') {
				if (i + 1 >= end) return null;
				const n = line.charAt(i + 1);
				if (n === '\n') i += 2;
				else if (n === '"' || n === '\\' || n === '$' || n === '`') {
					b.value += n;
					i += 2;
				} else {
					b.value += '\\';
					i++;
				}
			} else if (c === '$') i = dollar(f);
			else {
				b.value += c;
				i++;
			}
			continue;
		}
		if (c === ' ' || c === '\t') {
			finish(f, i);
			i++;
		} else if (SEPARATORS.has(c)) {
			separate(f);
			i++;
		} else if (c === ')') {
			if (frames.length > 1) frames.pop();
			else separate(f);
			i++;
		} else if (c === '#' && !f.cur) {
			const nl = line.indexOf('\n', i);
			if (nl < 0 || nl >= end) return null;
			i = nl;
		} else if (c === '\\') {
			if (i + 1 >= end) return null;
			const n = line.charAt(i + 1);
			if (n !== '\n') ensure(f, i).value += n;
			i += 2;
		} else if (c === "'") {
			const b = ensure(f, i);
			const close = line.indexOf("'", i + 1);
			if (close < 0 || close >= end) {
				b.value += line.slice(i + 1, end);
				quote = "'";
				i = end;
			} else {
				b.value += line.slice(i + 1, close);
				i = close + 1;
			}
		} else if (c === '"') {
			ensure(f, i);
			f.dq = true;
			i++;
		} else if (c === '$') {
			i = dollar(f);
		} else {
			ensure(f, i).value += c;
			i++;
		}
	}
	const f = top();
	const cur = f.cur ?? { start: end, value: '', dynamic: false };
	const raw = line.slice(cur.start, end);
	return {
		words: f.words,
		current: { ...cur, assign: ASSIGNMENT.test(raw), quote: f.dq ? '"' : quote, ...(variable ? { variable } : {}) }
	};
}
