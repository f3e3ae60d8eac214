// The text filters learners put after a pipe: `aws ... | grep`, `| head`, `| tail`, `| wc -l`.
// Options are the common GNU ones; their messages and exit codes are coreutils' and GNU grep's.
// grep's patterns become JavaScript regular expressions: basic ones (the default) with GNU's
// meaning of \( \) \| \+ \? \{ \} and literal ( ) | + ? { }, extended ones (-E) as they are.
import type { Program, ProgramResult, ShellSession } from '../../types';
import { normalize, readFile, listDir } from './files';
import { fail } from './result';

interface Input {
	name: string;
	text: string;
}

/** The named files (or stdin for none or `-`), with coreutils' message for each one missing. */
function inputs(tool: string, paths: string[], stdin: string, session: ShellSession): { found: Input[]; stderr: string } {
	const found: Input[] = [];
	let stderr = '';
	for (const path of paths.length ? paths : ['-']) {
		if (path === '-') {
			found.push({ name: '(standard input)', text: stdin });
			continue;
		}
		const text = readFile(session, path);
		if (text !== undefined) found.push({ name: path, text });
		else {
			const isDir = normalize(path) === '' || listDir(session, normalize(path)) !== undefined;
			stderr += `${tool}: ${path}: ${isDir ? 'Is a directory' : 'No such file or directory'}\n`;
		}
	}
	return { found, stderr };
}

/** Lines with their newlines, so a last line without one stays without one. */
const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** `-n N`, `-nN`, `-N` and `--lines=N` for head and tail; the rest are paths. */
function countOption(tool: string, args: readonly string[]): { count: number; paths: string[] } | ProgramResult {
	let count = 10;
	const paths: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i] ?? '';
		let value: string | undefined;
		if (a === '-n') value = args[++i];
		else if (a.startsWith('--lines=')) value = a.slice('--lines='.length);
		else if (/^-n.+/.test(a)) value = a.slice(2);
		else if (/^-\d+$/.test(a)) value = a.slice(1);
		else if (a.startsWith('-') && a !== '-') return fail(`${tool}: invalid option -- '${a.slice(1, 2)}'\nTry '${tool} --help' for more information.\n`);
		else {
			paths.push(a);
			continue;
		}
		if (value === undefined) return fail(`${tool}: option requires an argument -- 'n'\nTry '${tool} --help' for more information.\n`);
		if (!/^\d+$/.test(value)) return fail(`${tool}: invalid number of lines: ‘${value}’\n`);
		count = Number(value);
	}
	return { count, paths };
}

function slice(tool: 'head' | 'tail'): Program {
	return (args, { stdin, session }) => {
		const options = countOption(tool, args);
		if ('exitCode' in options) return options;
		const { found, stderr } = inputs(tool, options.paths, stdin, session);
		const headers = found.length > 1;
		const stdout = found
			.map((input, i) => {
				const lines = linesOf(input.text);
				const kept = tool === 'head' ? lines.slice(0, options.count) : options.count === 0 ? [] : lines.slice(-options.count);
				return (headers ? `${i > 0 ? '\n' : ''}==> ${input.name} <==\n` : '') + kept.join('');
			})
			.join('');
		return { stdout, stderr, exitCode: stderr ? 1 : 0 };
	};
}

export const head = slice('head');
export const tail = slice('tail');

export const grep: Program = (args, { stdin, session }) => {
	const flags = new Set<string>();
	const rest: string[] = [];
	let pattern: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const a = args[i] ?? '';
		if (a === '-e') {
			pattern = args[++i];
			if (pattern === undefined) return fail("grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2);
		} else if (/^-[ivcnEFowlqh]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
		else if (a.startsWith('-') && a !== '-') return fail(`grep: invalid option -- '${a.slice(1, 2)}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`, 2);
		else rest.push(a);
	}
	if (pattern === undefined) pattern = rest.shift();
	if (pattern === undefined) return fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2);
	let source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : toJavaScript(pattern, flags.has('E'));
	if (flags.has('w')) source = `(?<![\\w])(?:${source})(?![\\w])`;
	let regex: RegExp;
	try {
		regex = new RegExp(source, flags.has('i') ? 'gi' : 'g');
	} catch {
		return fail(`grep: Unmatched ( or \\(\n`, 2);
	}
	const { found, stderr } = inputs('grep', rest, stdin, session);
	const named = found.length > 1 && !flags.has('h');
	let stdout = '';
	let any = false;
	for (const input of found) {
		let count = 0;
		linesOf(input.text).forEach((raw, index) => {
			const line = raw.replace(/\n$/, '');
			regex.lastIndex = 0;
			const hit = regex.test(line) !== flags.has('v');
			if (!hit) return;
			count++;
			any = true;
			if (flags.has('c') || flags.has('l') || flags.has('q')) return;
			const prefix = (named ? `${input.name}:` : '') + (flags.has('n') ? `${index + 1}:` : '');
			if (flags.has('o') && !flags.has('v')) {
				regex.lastIndex = 0;
				for (const m of line.matchAll(regex)) if (m[0] !== '') stdout += `${prefix}${m[0]}\n`;
			} else stdout += `${prefix}${line}\n`;
		});
		if (flags.has('c')) stdout += `${named ? `${input.name}:` : ''}${count}\n`;
		if (flags.has('l') && count > 0) stdout += `${input.name}\n`;
	}
	if (flags.has('q')) stdout = '';
	// GNU grep: 0 when a line was selected, 1 when none, 2 on an error (unless -q found one).
	const exitCode = stderr && !(flags.has('q') && any) ? 2 : any ? 0 : 1;
	return { stdout, stderr, exitCode };
};

export const wc: Program = (args, { stdin, session }) => {
	const flags = new Set<string>();
	const paths: string[] = [];
	for (const a of args) {
		if (/^-[lwc]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
		else if (a.startsWith('-') && a !== '-') return fail(`wc: invalid option -- '${a.slice(1, 2)}'\nTry 'wc --help' for more information.\n`);
		else paths.push(a);
	}
	const shown = flags.size ? (['l', 'w', 'c'] as const).filter((f) => flags.has(f)) : (['l', 'w', 'c'] as const);
	const { found, stderr } = inputs('wc', paths, stdin, session);
	const counts = found.map((input) => ({
		name: input.name === '(standard input)' ? '' : input.name,
		l: (input.text.match(/\n/g) ?? []).length,
		w: input.text.split(/\s+/).filter(Boolean).length,
		c: new TextEncoder().encode(input.text).length
	}));
	if (counts.length > 1) counts.push({ name: 'total', l: sum(counts, 'l'), w: sum(counts, 'w'), c: sum(counts, 'c') });
	// GNU pads every column to the widest count, or to 7 when stdin's size is unknown in advance.
	const fromStdin = counts.some((c) => c.name === '');
	const width = shown.length === 1 && counts.length === 1 ? 0 : fromStdin ? 7 : Math.max(...counts.flatMap((c) => shown.map((f) => String(c[f]).length)));
	const stdout = counts.map((c) => [...shown.map((f) => String(c[f]).padStart(width)), ...(c.name ? [c.name] : [])].join(' ') + '\n').join('');
	return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

const sum = (rows: { l: number; w: number; c: number }[], key: 'l' | 'w' | 'c') => rows.reduce((n, r) => n + r[key], 0);

/**
 * A POSIX pattern as a JavaScript one. Basic patterns (GNU's default): ( ) | + ? { } swap meaning
 * with their backslashed forms. Both kinds: a `]` first in a bracket is a literal (JavaScript
 * reads `[]` as an empty class).
 */
function toJavaScript(pattern: string, extended: boolean): string {
	let out = '';
	let bracketStart = -1;
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i] ?? '';
		if (bracketStart >= 0) {
			const first = i === bracketStart || (i === bracketStart + 1 && pattern[bracketStart] === '^');
			if (c === ']' && first) out += '\\]';
			else {
				out += c === '\\' ? '\\\\' : c;
				if (c === ']') bracketStart = -1;
			}
			continue;
		}
		if (c === '[') {
			bracketStart = i + 1;
			out += c;
		} else if (c === '\\' && i + 1 < pattern.length) {
			const next = pattern[++i] ?? '';
			out += !extended && '()|+?{}'.includes(next) ? next : `\\${next}`;
		} else out += !extended && '()|+?{}'.includes(c) ? `\\${c}` : c;
	}
	return out;
}
