// A ShellConsole wired to a fake shell and a Screen, for the tests.
import { ShellConsole, type ConsoleHost } from '../../../src/lib/components/terminal/console';
import { isComplete } from '../../../src/lib/cli/shell';
import type { Completion } from '../../../src/lib/cli/complete';
import type { ProgramResult, TerminalIo } from '../../../src/lib/cli/types';
import { Screen } from './screen';

export const PROMPT = '\x1b[32m$ \x1b[39m';

export interface HarnessOptions {
	columns?: number;
	run?: (line: string, terminal: TerminalIo) => Promise<ProgramResult> | ProgramResult;
	complete?: (line: string, cursor: number) => Completion;
	history?: string[];
}

export function harness(options: HarnessOptions = {}) {
	const columns = options.columns ?? 80;
	const screen = new Screen(columns);
	const history = options.history ?? [];
	const ran: string[] = [];
	const state = { interrupted: 0, written: '' };
	const host: ConsoleHost = {
		write: (t) => {
			state.written += t;
			screen.write(t);
		},
		columns: () => columns,
		prompt: () => PROMPT,
		run: async (line, terminal) => {
			ran.push(line);
			history.push(line);
			return options.run ? options.run(line, terminal) : { stdout: `ran: ${line}\n`, stderr: '', exitCode: 0 };
		},
		complete: async (line, cursor) => options.complete?.(line, cursor) ?? { from: cursor, to: cursor, candidates: [] },
		isComplete,
		history: () => history,
		interrupted: () => void state.interrupted++
	};
	const term = new ShellConsole(host);
	term.start();
	return {
		screen,
		ran,
		history,
		state,
		term,
		/** Sends each string as its own onData chunk (one key each), then waits until handled. */
		async keys(...chunks: string[]) {
			for (const c of chunks) term.input(c);
			await term.settled();
		},
		/** Types text one character at a time, as a keyboard does. */
		async type(text: string) {
			for (const c of text) term.input(c);
			await term.settled();
		},
		/** The screen row the cursor is on, and the text left of the cursor on it. */
		get beforeCursor(): string {
			return (screen.rows[screen.row] ?? []).slice(0, screen.col).join('');
		}
	};
}
