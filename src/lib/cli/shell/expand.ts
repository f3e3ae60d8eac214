// Word expansion: variables and command substitutions, then field splitting of the unquoted
// results on blanks (bash's default IFS). No globbing, no tilde, no arithmetic: the parser
// already refused those.
import type { List, Word } from './ast';

export interface ExpandContext {
	lookup(name: string): string | undefined;
	/** Runs `$(...)` and returns its stdout (trailing newlines are stripped here). */
	substitute(list: List): Promise<string>;
}

const IFS = /[ \t\n]+/;

/** A word as the fields it becomes: `$EMPTY` vanishes, `""` stays, `$(echo a b)` splits in two. */
export async function expandFields(word: Word, ctx: ExpandContext): Promise<string[]> {
	word = expandTilde(word, ctx);
	const fields: string[] = [];
	let current = '';
	// A field exists once it has any text or any quoted part (so `""` is a word).
	let started = false;
	for (const part of word.parts) {
		const text = await partText(part, ctx);
		if (part.quoted) {
			current += text;
			started = true;
			continue;
		}
		if (part.kind === 'lit') {
			current += text;
			started ||= text !== '';
			continue;
		}
		const pieces = text.split(IFS);
		pieces.forEach((piece, i) => {
			if (i > 0 && started) {
				fields.push(current);
				current = '';
				started = false;
			}
			current += piece;
			started ||= piece !== '';
		});
	}
	if (started) fields.push(current);
	return fields;
}

/** An assignment's value: expanded but never split (`FOO=$(echo a b)` is one value). */
export async function expandString(word: Word, ctx: ExpandContext): Promise<string> {
	let out = '';
	for (const part of word.parts) out += await partText(part, ctx);
	return out;
}

async function partText(part: Word['parts'][number], ctx: ExpandContext): Promise<string> {
	switch (part.kind) {
		case 'lit':
			return part.text;
		case 'var':
			return ctx.lookup(part.name) ?? '';
		case 'cmd':
			return (await ctx.substitute(part.list)).replace(/\n+$/, '');
	}
}

/** bash's tilde expansion for the forms a learner types: an unquoted `~` or `~/...` starting a word. */
function expandTilde(word: Word, ctx: ExpandContext): Word {
	const [first, ...rest] = word.parts;
	if (!first || first.kind !== 'lit' || first.quoted) return word;
	if (!(first.text === '~' && rest.length === 0) && !first.text.startsWith('~/')) return word;
	const home = ctx.lookup('HOME') ?? '';
	return { parts: [{ ...first, text: home + first.text.slice(1) }, ...rest] };
}
