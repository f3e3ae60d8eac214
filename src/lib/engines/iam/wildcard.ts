// IAM's wildcard language (`*` any run of characters, `?` exactly one) and policy variables
// (`${aws:username}`, `${key, 'default'}`, and the escapes `${*}` `${?}` `${$}`).
//
// Matching never backtracks: a pattern is cut at its stars into segments; the first is anchored
// at the start, the last at the end, and each middle segment is placed at its leftmost
// occurrence after the previous one. Leftmost placement is always safe for `*`/`?` globs, so
// each segment is searched once and the cost is bounded by |text| x |segment|, never exponential.
// Policy text is untrusted (learners paste anything), so no RegExp is ever built from it.

export type Token =
	| { k: 'lit'; s: string }
	| { k: 'star' }
	| { k: 'one' }
	| { k: 'var'; key: string; fallback?: string };

export interface TokenizeOptions {
	/** `*` and `?` are wildcards (Action, Resource, StringLike, Arn*); otherwise literal (StringEquals). */
	wildcards: boolean;
	/** `${...}` is a policy variable (Version 2012-10-17 only); otherwise literal text. */
	variables: boolean;
}

const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };

export function tokenize(pattern: string, options: TokenizeOptions): Token[] {
	const tokens: Token[] = [];
	let lit = '';
	const flush = () => {
		if (lit) tokens.push({ k: 'lit', s: lit });
		lit = '';
	};
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i] as string;
		if (options.variables && c === '$' && pattern[i + 1] === '{') {
			const close = pattern.indexOf('}', i + 2);
			if (close !== -1) {
				const body = pattern.slice(i + 2, close);
				const escaped = Object.prototype.hasOwnProperty.call(ESCAPES, body) ? ESCAPES[body] : undefined;
				if (escaped !== undefined) {
					// `${*}` is how a policy says "a literal star", so it never becomes a wildcard.
					lit += escaped;
				} else {
					const variable = parseVariable(body);
					if (variable) {
						flush();
						tokens.push(variable);
					} else {
						lit += pattern.slice(i, close + 1);
					}
				}
				i = close;
				continue;
			}
		}
		if (options.wildcards && (c === '*' || c === '?')) {
			flush();
			tokens.push(c === '*' ? { k: 'star' } : { k: 'one' });
		} else {
			lit += c;
		}
	}
	flush();
	return tokens;
}

// `aws:username` or `aws:username, 'fallback'` (the default-value form AWS added for variables).
function parseVariable(body: string): Token | undefined {
	const comma = body.indexOf(',');
	const key = (comma === -1 ? body : body.slice(0, comma)).trim();
	if (!key || /\s/.test(key)) return undefined;
	if (comma === -1) return { k: 'var', key };
	const rest = body.slice(comma + 1).trim();
	if (rest.length < 2 || rest[0] !== "'" || rest[rest.length - 1] !== "'") return undefined;
	return { k: 'var', key, fallback: rest.slice(1, -1) };
}

export const hasVariables = (tokens: Token[]): boolean => tokens.some((t) => t.k === 'var');

/**
 * Substitutes policy variables. A variable's value is literal text (a `*` in a user name is not a
 * wildcard). Returns undefined when a variable has no value and no default: AWS then treats the
 * element as not matching.
 */
export function resolveVariables(tokens: Token[], lookup: (key: string) => string | undefined): Token[] | undefined {
	const out: Token[] = [];
	for (const t of tokens) {
		if (t.k !== 'var') {
			out.push(t);
			continue;
		}
		const value = lookup(t.key) ?? t.fallback;
		if (value === undefined) return undefined;
		out.push({ k: 'lit', s: value });
	}
	return out;
}

/** The text of a token list with no wildcards left (for the equality operators). */
export const tokensToText = (tokens: Token[]): string =>
	tokens.map((t) => (t.k === 'lit' ? t.s : t.k === 'star' ? '*' : t.k === 'one' ? '?' : '')).join('');

interface Segment {
	s: string;
	/** 1 where `s` has a `?` wildcard; null when the segment is all literal (then indexOf does the search). */
	q: Uint8Array | null;
}

export interface Glob {
	/** Set when the pattern has no wildcard at all. */
	exact: string | null;
	star: boolean;
	first: Segment;
	middle: Segment[];
	last: Segment;
}

function segment(tokens: Token[]): Segment {
	let s = '';
	const marks: number[] = [];
	for (const t of tokens) {
		if (t.k === 'lit') s += t.s;
		else if (t.k === 'one') {
			marks.push(s.length);
			s += '?';
		}
	}
	if (marks.length === 0) return { s, q: null };
	const q = new Uint8Array(s.length);
	for (const m of marks) q[m] = 1;
	return { s, q };
}

/** Compiles tokens (variables already resolved) into a matcher. */
export function compileGlob(tokens: Token[]): Glob {
	const parts: Token[][] = [[]];
	for (const t of tokens) {
		if (t.k === 'star') parts.push([]);
		else (parts[parts.length - 1] as Token[]).push(t);
	}
	const segments = parts.map(segment);
	const first = segments[0] as Segment;
	if (segments.length === 1) {
		return { exact: first.q ? null : first.s, star: false, first, middle: [], last: { s: '', q: null } };
	}
	const last = segments[segments.length - 1] as Segment;
	const middle = segments.slice(1, -1).filter((m) => m.s.length > 0);
	return { exact: null, star: true, first, middle, last };
}

export const compilePattern = (pattern: string): Glob => compileGlob(tokenize(pattern, { wildcards: true, variables: false }));

function segmentAt(seg: Segment, text: string, pos: number): boolean {
	const s = seg.s;
	if (pos < 0 || pos + s.length > text.length) return false;
	if (!seg.q) return text.startsWith(s, pos);
	for (let i = 0; i < s.length; i++) {
		if (seg.q[i] !== 1 && s.charCodeAt(i) !== text.charCodeAt(pos + i)) return false;
	}
	return true;
}

function segmentFind(seg: Segment, text: string, from: number, lastStart: number): number {
	if (lastStart < from) return -1;
	if (!seg.q) {
		const i = text.indexOf(seg.s, from);
		return i !== -1 && i <= lastStart ? i : -1;
	}
	for (let i = from; i <= lastStart; i++) if (segmentAt(seg, text, i)) return i;
	return -1;
}

export function matchGlob(glob: Glob, text: string): boolean {
	if (glob.exact !== null) return text === glob.exact;
	const n = text.length;
	if (!glob.star) return n === glob.first.s.length && segmentAt(glob.first, text, 0);
	const end = n - glob.last.s.length;
	if (glob.first.s.length > end) return false;
	if (!segmentAt(glob.first, text, 0) || !segmentAt(glob.last, text, end)) return false;
	let pos = glob.first.s.length;
	for (const m of glob.middle) {
		const at = segmentFind(m, text, pos, end - m.s.length);
		if (at === -1) return false;
		pos = at + m.s.length;
	}
	return true;
}

/** `*` and `?` wildcard match of a whole string, case-sensitive. */
export const wildcardMatch = (pattern: string, text: string): boolean => matchGlob(compilePattern(pattern), text);
