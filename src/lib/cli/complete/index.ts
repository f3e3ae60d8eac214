// Tab completion for the terminal and `npm run shell`: what bash with aws_completer and docker's
// completion would offer. It reads the line up to the cursor (scan.ts), finds the command the
// cursor is in, asks that command's completer for whole words, keeps those that start with what
// was typed and writes them back quoted as typed (quote.ts). It reads the world only through
// read operations, never writes history, and never throws: any failure means no candidates.
import type { Program, ShellSession } from '../types';
import { builtins } from '../shell/builtins';
import { scanToCursor, type CursorWord } from './scan';
import { expectsMore, render } from './quote';
import { pathCandidates } from './files';
import { completeAws } from './aws';
import { completeDocker } from './docker';

export interface Completion {
	/** The part of the line [from, to) that each candidate replaces; `to` is the cursor. */
	from: number;
	to: number;
	/**
	 * Whole replacement words, sorted, each starting with the line's text in [from, to). Inside an
	 * open quote a candidate keeps that quote and closes it. No candidate ends with a space: when
	 * only one is left the caller adds a trailing space, except after a candidate that ends with
	 * `=` or `/` (`imageTag=`, `file://`, a directory), where the learner keeps typing; such a
	 * candidate also leaves its quote open. `needsTrailingSpace()` says which.
	 */
	candidates: string[];
}

/** Whether the caller should add a space after inserting this, the only candidate left. */
export const needsTrailingSpace = (candidate: string): boolean => !expectsMore(candidate);

const none = (cursor: number): Completion => ({ from: cursor, to: cursor, candidates: [] });

/** Builtins whose arguments are paths of the editor's files, as bash's default completion. */
const FILE_COMMANDS = new Set(['cat', 'ls', 'echo']);
/** Builtins whose arguments are variable names. */
const VARIABLE_COMMANDS = new Set(['export', 'unset']);

export async function complete(line: string, cursor: number, session: ShellSession, programs: Record<string, Program>): Promise<Completion> {
	const at = Number.isInteger(cursor) ? Math.min(Math.max(cursor, 0), line.length) : line.length;
	try {
		return await completeAt(line, at, session, programs);
	} catch {
		return none(at);
	}
}

async function completeAt(line: string, cursor: number, session: ShellSession, programs: Record<string, Program>): Promise<Completion> {
	const ctx = scanToCursor(line, cursor, session.env, session.lastExitCode);
	if (!ctx) return none(cursor);
	const { words, current } = ctx;
	if (current.variable) return variables(line, cursor, current, session);
	if (current.dynamic) return none(cursor);
	const commandAt = words.findIndex((w) => !w.assign);
	let values: string[];
	if (commandAt < 0) {
		if (current.assign) return none(cursor);
		values = [...builtins.keys(), ...Object.keys(programs)];
	} else {
		const name = words[commandAt]?.value ?? '';
		const args = words.slice(commandAt + 1).map((w) => w.value);
		values = await argumentCandidates(name, args, current.value, session);
	}
	return finish(line, cursor, current, values);
}

async function argumentCandidates(name: string, args: string[], typed: string, session: ShellSession): Promise<string[]> {
	if (name === 'aws') return completeAws(args, typed, session);
	if (name === 'docker') return completeDocker(args, typed, session);
	if (FILE_COMMANDS.has(name)) return pathCandidates(session, typed);
	if (VARIABLE_COMMANDS.has(name)) return [...session.env.keys()];
	return [];
}

function finish(line: string, cursor: number, current: CursorWord, values: readonly string[]): Completion {
	const typedRaw = line.slice(current.start, cursor);
	const typed = current.value;
	const candidates = new Set<string>();
	for (const v of values) if (typeof v === 'string' && v.startsWith(typed)) candidates.add(render(typedRaw, typed, v, current.quote));
	return { from: current.start, to: cursor, candidates: [...candidates].sort() };
}

/** `$HO` → `$HOME`, `${HO` → `${HOME}`; inside "..." the quote is closed as for any word. */
function variables(line: string, cursor: number, current: CursorWord, session: ShellSession): Completion {
	const v = current.variable;
	if (!v) return none(cursor);
	const close = current.quote === '"' ? '"' : '';
	const candidates = [...session.env.keys()]
		.filter((name) => name.startsWith(v.name))
		.map((name) => (v.braced ? `\${${name}}` : `$${name}`) + close)
		.sort();
	return { from: v.start, to: cursor, candidates };
}
