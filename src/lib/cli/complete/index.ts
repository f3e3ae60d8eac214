// Tab completion for the terminal and `npm run shell`. (Stub: the completer lands next.)
import type { Program, ShellSession } from '../types';

export interface Completion {
	/** The part of the line [from, to) that each candidate replaces. */
	from: number;
	to: number;
	/** Whole replacement words, sorted; a trailing space is added by the caller when only one is left. */
	candidates: string[];
}

export async function complete(line: string, cursor: number, session: ShellSession, programs: Record<string, Program>): Promise<Completion> {
	void session;
	void programs;
	return { from: cursor, to: cursor, candidates: line.length < 0 ? [line] : [] };
}
