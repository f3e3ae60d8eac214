// The shell when stdin is not a terminal: one command line per input line (lines that leave a
// quote or a `\` open continue on the next, as in bash), no prompt, each line's stdout and stderr
// written as it finishes. Questions (aws configure) take the next input lines as their answers.
import { isComplete } from '../../src/lib/cli/shell';
import type { TerminalIo } from '../../src/lib/cli/types';
import type { LocalShell } from './local-shell';

export interface Output {
	stdout(text: string): void;
	stderr(text: string): void;
}

/** Runs every line; resolves with the exit code the process should end with. */
export async function runLines(lines: AsyncIterator<string>, shell: LocalShell, out: Output): Promise<number> {
	const terminal: TerminalIo = {
		// Like the real CLI reading a pipe: the question is printed, the answer is not echoed.
		ask: async (question) => {
			out.stdout(question);
			const answer = await lines.next();
			return answer.done ? '' : answer.value;
		},
		write: (text) => out.stdout(text)
	};
	let pending: string | undefined;
	for (;;) {
		const next = await lines.next();
		if (next.done) break;
		const text = pending === undefined ? next.value : `${pending}\n${next.value}`;
		if (!isComplete(text)) {
			pending = text;
			continue;
		}
		pending = undefined;
		if (await runOne(text, shell, terminal, out)) return shell.exit.code ?? 0;
	}
	// Input ended inside a quote: the parser says what bash says.
	if (pending !== undefined && (await runOne(pending, shell, terminal, out))) return shell.exit.code ?? 0;
	return shell.session.lastExitCode;
}

/** Runs `text`; true when it asked to exit. */
async function runOne(text: string, shell: LocalShell, terminal: TerminalIo, out: Output): Promise<boolean> {
	const result = await shell.run(text, terminal);
	if (result.stdout) out.stdout(result.stdout);
	if (result.stderr) out.stderr(result.stderr);
	return shell.exit.code !== undefined;
}
