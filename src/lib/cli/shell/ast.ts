// The parsed shape of one command line. Words keep their parts (literal text, variables,
// command substitutions) and whether each was quoted, because quoting decides field splitting.

export type WordPart =
	| { kind: 'lit'; text: string; quoted: boolean }
	| { kind: 'var'; name: string; quoted: boolean }
	| { kind: 'cmd'; list: List; quoted: boolean };

export interface Word {
	parts: WordPart[];
}

export interface Assignment {
	name: string;
	value: Word;
}

/** `FOO=bar cmd args`: assignments first, then the words (possibly none). */
export interface Command {
	assigns: Assignment[];
	words: Word[];
}

export interface Pipeline {
	commands: Command[];
}

/** The operator that joins an item to the previous one; the first item's is ';'. */
export type ListOp = ';' | '&&' | '||';

export interface List {
	items: { op: ListOp; pipeline: Pipeline }[];
}
