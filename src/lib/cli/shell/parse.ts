// A recursive-descent parser for the subset of bash the terminal supports. It never evaluates
// anything: it only builds an AST. Unsupported syntax is rejected here, before any program runs.
import type { Assignment, Command, List, ListOp, Pipeline, Word, WordPart } from './ast';

/** A line the shell refuses. `incomplete` means more input could fix it (open quote, trailing `\`). */
export class ShellSyntaxError extends Error {
	constructor(
		message: string,
		readonly incomplete = false
	) {
		super(message);
	}
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** Characters that end an unquoted word. */
const WORD_END = new Set([' ', '\t', '\n', ';', '|', '&', '<', '>', '(', ')']);
/** `$(` inside `$(` inside ...: bounded so a hostile line cannot exhaust the stack. */
const MAX_DEPTH = 32;

export const isName = (s: string): boolean => NAME.test(s);

export function parse(text: string): List {
	const parser = new Parser(text);
	const list = parser.list(false);
	if (!parser.atEnd()) throw parser.unexpected();
	return list;
}

/** False when the line needs more input: an open quote or `$(`, a trailing `\`, `|`, `&&` or `||`. */
export function isComplete(text: string): boolean {
	try {
		parse(text);
		return true;
	} catch (e) {
		return !(e instanceof ShellSyntaxError && e.incomplete);
	}
}

const unsupported = (what: string): ShellSyntaxError => new ShellSyntaxError(`bash: ${what} is not supported in this terminal`);

class Parser {
	private pos = 0;
	private depth = 0;
	constructor(private readonly src: string) {}

	atEnd(): boolean {
		return this.pos >= this.src.length;
	}

	private peek(offset = 0): string {
		return this.src.charAt(this.pos + offset);
	}

	private eof(what: string): ShellSyntaxError {
		return new ShellSyntaxError(`bash: unexpected EOF while looking for matching \`${what}'`, true);
	}

	unexpected(): ShellSyntaxError {
		const c = this.peek();
		if (c === '') return new ShellSyntaxError('bash: syntax error: unexpected end of file', true);
		const two = this.src.slice(this.pos, this.pos + 2);
		const token = two === '&&' || two === '||' || two === ';;' ? two : c === '\n' ? 'newline' : c;
		return new ShellSyntaxError(`bash: syntax error near unexpected token \`${token}'`);
	}

	/** Skips blanks, `\`-newline continuations and `#` comments (up to, not including, the newline). */
	private blanks(): void {
		for (;;) {
			const c = this.peek();
			if (c === ' ' || c === '\t') this.pos++;
			else if (c === '\\' && this.peek(1) === '\n') this.pos += 2;
			else if (c === '#') while (!this.atEnd() && this.peek() !== '\n') this.pos++;
			else return;
		}
	}

	private blanksAndNewlines(): void {
		this.blanks();
		while (this.peek() === '\n') {
			this.pos++;
			this.blanks();
		}
	}

	/** Pipelines joined by `;`, newline, `&&`, `||`; inside `$( )` it stops at the `)`. */
	list(inSub: boolean): List {
		const items: List['items'] = [];
		this.blanksAndNewlines();
		let op: ListOp = ';';
		for (;;) {
			const c = this.peek();
			if (this.atEnd() || (inSub && c === ')')) {
				if (op !== ';') throw this.unexpected(); // `a &&` at the end: more input, or `&& )`
				return { items };
			}
			items.push({ op, pipeline: this.pipeline(inSub) });
			this.blanks();
			const two = this.src.slice(this.pos, this.pos + 2);
			if (two === '&&' || two === '||') {
				op = two;
				this.pos += 2;
				this.blanksAndNewlines();
			} else if (this.peek() === ';' || this.peek() === '\n') {
				if (two === ';;') throw this.unexpected();
				op = ';';
				this.pos++;
				this.blanksAndNewlines();
				if (this.peek() === ';') throw this.unexpected();
			} else if (this.atEnd() || (inSub && this.peek() === ')')) {
				return { items };
			} else {
				throw this.unexpected();
			}
		}
	}

	private pipeline(inSub: boolean): Pipeline {
		const commands = [this.command(inSub)];
		for (;;) {
			this.blanks();
			if (this.peek() !== '|' || this.peek(1) === '|') return { commands };
			this.pos++;
			this.blanksAndNewlines();
			commands.push(this.command(inSub));
		}
	}

	private command(inSub: boolean): Command {
		const assigns: Assignment[] = [];
		const words: Word[] = [];
		for (;;) {
			this.blanks();
			const c = this.peek();
			if (c === '<' || c === '>') throw unsupported(`redirection ('${c}')`);
			if (c === '&' && this.peek(1) !== '&') throw unsupported("running in the background ('&')");
			if (c === '(') throw unsupported("a subshell or function ('(')");
			if (c === ')' && !inSub) throw this.unexpected();
			if (this.atEnd() || WORD_END.has(c)) break;
			const word = this.word();
			if (words.length === 0) refuseKeyword(word);
			const assign = words.length === 0 ? asAssignment(word) : undefined;
			if (assign) assigns.push(assign);
			else words.push(word);
		}
		if (assigns.length === 0 && words.length === 0) throw this.unexpected();
		return { assigns, words };
	}

	private word(): Word {
		const parts: WordPart[] = [];
		const lit = (text: string, quoted: boolean): void => {
			const last = parts[parts.length - 1];
			if (last?.kind === 'lit' && last.quoted === quoted) last.text += text;
			else parts.push({ kind: 'lit', text, quoted });
		};
		for (;;) {
			const c = this.peek();
			if (this.atEnd() || WORD_END.has(c)) break;
			if (c === '\\') {
				if (this.pos + 1 >= this.src.length) throw new ShellSyntaxError('bash: unexpected end of file after `\\\'', true);
				if (this.peek(1) !== '\n') lit(this.peek(1), true);
				this.pos += 2;
			} else if (c === "'") {
				const end = this.src.indexOf("'", this.pos + 1);
				if (end < 0) throw this.eof("'");
				lit(this.src.slice(this.pos + 1, end), true);
				this.pos = end + 1;
			} else if (c === '"') {
				this.doubleQuoted(parts, lit);
			} else if (c === '$') {
				const part = this.dollar(false);
				if (part) parts.push(part);
				else {
					lit('$', false);
					this.pos++;
				}
			} else if (c === '`') {
				throw unsupported('command substitution with backquotes (use $(...))');
			} else if (c === '*' || c === '?' || c === '[') {
				throw unsupported(`globbing ('${c}'): quote the word to pass it as it is`);
			} else {
				lit(c, false);
				this.pos++;
			}
		}
		return { parts };
	}

	private doubleQuoted(parts: WordPart[], lit: (text: string, quoted: boolean) => void): void {
		this.pos++;
		lit('', true); // `""` is still a word
		for (;;) {
			if (this.atEnd()) throw this.eof('"');
			const c = this.peek();
			if (c === '"') {
				this.pos++;
				return;
			}
			if (c === '\\') {
				const next = this.peek(1);
				if (next === '\n') this.pos += 2;
				else if (next === '"' || next === '\\' || next === '$' || next === '`') {
					lit(next, true);
					this.pos += 2;
				} else {
					lit('\\', true);
					this.pos++;
				}
			} else if (c === '$') {
				const part = this.dollar(true);
				if (part) parts.push(part);
				else {
					lit('$', true);
					this.pos++;
				}
			} else if (c === '`') {
				throw unsupported('command substitution with backquotes (use $(...))');
			} else {
				lit(c, true);
				this.pos++;
			}
		}
	}

	/** At a `$`: a variable or `$(...)`, or undefined when the `$` is a plain character. */
	private dollar(quoted: boolean): WordPart | undefined {
		const next = this.peek(1);
		if (next === '(') {
			if (this.peek(2) === '(') throw unsupported('arithmetic expansion $((...))');
			if (this.depth >= MAX_DEPTH) throw new ShellSyntaxError('bash: command substitution nested too deeply');
			this.pos += 2;
			this.depth++;
			const list = this.list(true);
			this.depth--;
			if (this.peek() !== ')') throw this.eof(')');
			this.pos++;
			return { kind: 'cmd', list, quoted };
		}
		if (next === '{') {
			const end = this.src.indexOf('}', this.pos + 2);
			if (end < 0) throw this.eof('}');
			const name = this.src.slice(this.pos + 2, end);
			if (!isName(name) && name !== '?' && !/^[0-9]+$/.test(name)) throw new ShellSyntaxError(`bash: \${${name}}: bad substitution`);
			this.pos = end + 1;
			return { kind: 'var', name, quoted };
		}
		if (next === '?' || /[0-9]/.test(next)) {
			// `$?`, and `$1`...: a line has no positional parameters, so those expand to nothing.
			this.pos += 2;
			return { kind: 'var', name: next, quoted };
		}
		if (NAME_START.test(next)) {
			let end = this.pos + 2;
			while (end < this.src.length && NAME_CHAR.test(this.src.charAt(end))) end++;
			const name = this.src.slice(this.pos + 1, end);
			this.pos = end;
			return { kind: 'var', name, quoted };
		}
		return undefined;
	}
}

/** bash's compound commands would otherwise be "command not found", which misleads more than it helps. */
const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'select', 'function', '{', '}', '!']);

function refuseKeyword(word: Word): void {
	const only = word.parts.length === 1 ? word.parts[0] : undefined;
	if (only?.kind === 'lit' && !only.quoted && KEYWORDS.has(only.text)) throw unsupported(`the shell keyword '${only.text}' (scripts)`);
}

/** `NAME=value` as the first words of a command: the NAME must be unquoted literal text. */
function asAssignment(word: Word): Assignment | undefined {
	const first = word.parts[0];
	if (first?.kind !== 'lit' || first.quoted) return undefined;
	const eq = first.text.indexOf('=');
	if (eq <= 0 || !isName(first.text.slice(0, eq))) return undefined;
	const rest = first.text.slice(eq + 1);
	const parts: WordPart[] = rest ? [{ kind: 'lit', text: rest, quoted: false }] : [];
	return { name: first.text.slice(0, eq), value: { parts: [...parts, ...word.parts.slice(1)] } };
}
