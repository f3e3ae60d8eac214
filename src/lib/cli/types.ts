// The contract between the shell and the programs it runs (`aws`, `docker`, built-ins): words in,
// bytes out, an exit code, and the session they share. Pure: no Node or DOM, no wall clock.
import type { World } from '../engines/world';

/** What a terminal session keeps between command lines. */
export interface ShellSession {
	world: World;
	/** Exported variables (AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_DEFAULT_REGION, ...). */
	env: Map<string, string>;
	/** The lab's editor files by path (what `file://`, `cat`, `ls` and `docker build` read). */
	files: Map<string, string>;
	/** Per-program state that outlives one line: docker's logins and local images, aws profiles. */
	programs: Map<string, unknown>;
	/** Command lines entered, oldest first. */
	history: string[];
	/** The exit code of the last command line (`$?`). */
	lastExitCode: number;
}

export interface ProgramIo {
	/** What the previous command of a pipe wrote to stdout, or '' when the program is first. */
	stdin: string;
	session: ShellSession;
	/**
	 * A terminal a person is typing at, for programs that ask questions (`aws configure`). Absent
	 * in a pipe's later stages, in `npm run shell -c` and in tests: such programs read their
	 * answers from stdin instead, one per line, as the real ones do when stdin is not a TTY.
	 */
	terminal?: TerminalIo;
}

export interface TerminalIo {
	/** Shows `question` (no newline added) and resolves with the line typed, without its newline. */
	ask(question: string, options?: { secret?: boolean }): Promise<string>;
	/** Prints at once what the line has written so far, so a question appears after it. */
	write(text: string): void;
}

export interface ProgramResult {
	stdout: string;
	stderr: string;
	exitCode: number;
	/** For `clear`: the terminal wipes its screen. */
	clearScreen?: boolean;
}

/** A program the shell can run: `args` are the words after its name, already expanded. */
export type Program = (args: readonly string[], io: ProgramIo) => ProgramResult | Promise<ProgramResult>;
