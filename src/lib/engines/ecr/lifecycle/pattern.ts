// Tag matching for lifecycle rules. A tagPatternList entry is a glob whose only special character
// is `*` (zero or more characters) and which must match the whole tag; a tagPrefixList entry is
// a plain prefix. Both are case-sensitive, like tags.
//
// Patterns come from learners, so matching must stay fast whatever they type: a regular
// expression built from `a*a*a*a*b` backtracks exponentially. With only `*`, the pattern splits
// into literal pieces; the first must start the tag, the last must end it, and each middle piece
// can be taken at its leftmost occurrence (an earlier match never leaves less room for the rest),
// so each piece is searched for once, left to right, and nothing is ever retried: the work is
// bounded by tag length × pattern length, never exponential.

export interface CompiledTagPattern {
	readonly source: string;
	matches(tag: string): boolean;
}

/** Number of `*` in a pattern (the policy allows at most 4). */
export function countWildcards(pattern: string): number {
	let n = 0;
	for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) === 42) n++;
	return n;
}

export function compileTagPattern(pattern: string): CompiledTagPattern {
	const pieces = pattern.split('*');
	if (pieces.length === 1) return { source: pattern, matches: (tag) => tag === pattern };

	const head = pieces[0] ?? '';
	const tail = pieces[pieces.length - 1] ?? '';
	const middle = pieces.slice(1, -1).filter((piece) => piece.length > 0);
	const minLength = head.length + tail.length + middle.reduce((sum, piece) => sum + piece.length, 0);

	return {
		source: pattern,
		matches(tag: string): boolean {
			if (tag.length < minLength || !tag.startsWith(head) || !tag.endsWith(tail)) return false;
			// Middle pieces must fit between the head and the tail without overlapping either.
			const end = tag.length - tail.length;
			let at = head.length;
			for (const piece of middle) {
				const found = tag.indexOf(piece, at);
				if (found < 0 || found + piece.length > end) return false;
				at = found + piece.length;
			}
			return true;
		}
	};
}

export function matchesTagPattern(pattern: string, tag: string): boolean {
	return compileTagPattern(pattern).matches(tag);
}

export function matchesTagPrefix(prefix: string, tag: string): boolean {
	return tag.startsWith(prefix);
}
