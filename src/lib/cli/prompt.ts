// The prompt the terminal shows before each line. (Stub: who you are and where lands next.)
import type { ShellSession } from './types';

export function promptText(session: ShellSession): string {
	return session.lastExitCode === 0 ? '$ ' : '$ ';
}
