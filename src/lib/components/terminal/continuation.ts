// How bash joins the lines of a command typed over several prompts (`> ` continuation), so the
// history shows what bash's would: `\`-newline disappears, a newline inside quotes stays, and a
// line ended by `|`, `&&` or `||` is joined to the next with a space.
import { parse, ShellSyntaxError } from '$lib/cli/shell';

function incompleteReason(text: string): string | undefined {
	try {
		parse(text);
		return undefined;
	} catch (e) {
		return e instanceof ShellSyntaxError && e.incomplete ? e.message : undefined;
	}
}

export function joinContinuation(before: string, next: string): string {
	const reason = incompleteReason(before) ?? '';
	if (reason.includes('after `\\')) return before.slice(0, -1) + next;
	if (reason.includes('looking for matching')) return `${before}\n${next}`;
	return `${before} ${next}`;
}
