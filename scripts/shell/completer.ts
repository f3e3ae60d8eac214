// Tab completion on a real terminal: readline's completer asks for [candidates, the text they
// replace]; the cli's `complete()` answers with a [from, to) range and whole replacement words.
import type { Completion } from '../../src/lib/cli/complete';

export interface ReadlineCompletion {
	/** What readline lists and completes from. */
	candidates: string[];
	/** The text before the cursor that the candidates replace. */
	replaced: string;
	/**
	 * When readline cannot do it (a single candidate that does not start with the replaced text,
	 * e.g. a quoted word): delete this many characters before the cursor and type `insert`.
	 */
	edit?: { erase: number; insert: string };
}

/** Converts `complete()`'s answer for `line` (the text up to the cursor) into readline's terms. */
export function toReadline(line: string, completion: Completion): ReadlineCompletion {
	const from = Math.max(0, Math.min(completion.from, line.length));
	const replaced = line.slice(from);
	const candidates = [...completion.candidates];
	if (candidates.length === 1) {
		const only = candidates[0] ?? '';
		// A single candidate is finished: the caller adds the space, unless it is a directory.
		const word = only.endsWith('/') || only.endsWith('=') ? only : `${only} `;
		if (!word.startsWith(replaced)) return { candidates: [], replaced, edit: { erase: replaced.length, insert: word } };
		return { candidates: [word], replaced };
	}
	return { candidates, replaced };
}
