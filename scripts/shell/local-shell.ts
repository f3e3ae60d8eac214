// One local shell: a fresh world, a session over the working directory's files, the course's
// programs plus `exit`, and (with `--clock real`) a clock that catches up with the wall before
// each line, as the endpoint's does before each request.
import { World } from '../../src/lib/engines/world';
import { createSession, runLine } from '../../src/lib/cli/shell';
import { PROGRAMS } from '../../src/lib/cli/programs';
import type { Program, ProgramResult, ShellSession, TerminalIo } from '../../src/lib/cli/types';
import { WallClockDriver } from '../endpoint/wall-clock';
import type { ClockMode } from './args';
import { exitProgram, type ExitRequest } from './exit-program';

export interface LocalShellOptions {
	clock: ClockMode;
	/** Where the world's clock starts (default: the wall time). */
	now?: string;
	/** The session's files (a DirectoryFiles in the launcher, a plain Map in tests). */
	files: Map<string, string>;
	wall?: () => number;
}

export interface LocalShell {
	session: ShellSession;
	programs: Record<string, Program>;
	/** Filled in by `exit`: the loop stops after the line and the process ends with this code. */
	exit: ExitRequest;
	run(line: string, terminal?: TerminalIo): Promise<ProgramResult>;
}

export function createLocalShell(options: LocalShellOptions): LocalShell {
	const wall = options.wall ?? (() => Date.now());
	const holder = { world: World.create({ now: options.now ?? new Date(wall()) }) };
	const driver = options.clock === 'real' ? new WallClockDriver(holder, wall) : undefined;
	const session = createSession(holder.world, options.files);
	const exit: ExitRequest = {};
	const programs: Record<string, Program> = { ...PROGRAMS, exit: exitProgram(exit) };
	return {
		session,
		programs,
		exit,
		run: (line, terminal) => {
			// What fell due while the learner was typing (a stack finishing) happens first.
			driver?.sync();
			return runLine(line, session, programs, terminal);
		}
	};
}
