// Writes a candidate back into the line as the learner typed it: the typed text stays as it is
// (quotes, escapes, `$VAR`), the rest is quoted the same way so the shell reads it back as the
// candidate, and an open quote is closed unless more typing is expected (`=` or `/` at the end).

/** Characters the shell's parser would treat specially in an unquoted word. */
const SPECIAL = /[\s;|&<>()'"\\$`*?[#]/;

function escapeFor(text: string, quote: '' | "'" | '"'): string {
	if (quote === "'") return text.replaceAll("'", `'\\''`);
	if (quote === '"') return text.replace(/["\\$`]/g, (c) => `\\${c}`);
	return [...text].map((c) => (SPECIAL.test(c) ? `\\${c}` : c)).join('');
}

/** True when the learner will keep typing after this value (a shorthand key, a directory, `file://`). */
export const expectsMore = (value: string): boolean => value.endsWith('=') || value.endsWith('/');

/**
 * `typedRaw` is the line's text of the word up to the cursor, `typedValue` what it means; the
 * candidate `value` must start with `typedValue`.
 */
export function render(typedRaw: string, typedValue: string, value: string, quote: '' | "'" | '"'): string {
	const rest = escapeFor(value.slice(typedValue.length), quote);
	return typedRaw + rest + (quote && !expectsMore(value) ? quote : '');
}
