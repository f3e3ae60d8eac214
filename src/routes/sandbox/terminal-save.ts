// What the sandbox keeps of its terminal between visits: the history, the exported variables
// and docker's local state (logins and images, plain JSON already). Shell variables that were
// never exported are not kept, like a shell's when you log in again.
import type { ShellSession } from '$lib/cli/types';

/** bash's HISTSIZE is 500 by default; the save keeps as many lines. */
export const MAX_HISTORY = 500;

export interface SavedTerminal {
	history: string[];
	env: Record<string, string>;
	docker?: unknown;
}

export function terminalSnapshot(session: ShellSession): SavedTerminal {
	const docker = session.programs.get('docker');
	return {
		history: session.history.slice(-MAX_HISTORY),
		env: Object.fromEntries(session.env),
		...(docker !== undefined ? { docker } : {})
	};
}

const isStringRecord = (v: unknown): v is Record<string, string> =>
	typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/** Puts a saved terminal back into a new session; whatever does not look right is left out. */
export function restoreTerminal(session: ShellSession, raw: unknown): void {
	if (typeof raw !== 'object' || raw === null) return;
	const saved = raw as Partial<Record<keyof SavedTerminal, unknown>>;
	if (Array.isArray(saved.history)) session.history.push(...saved.history.filter((l): l is string => typeof l === 'string').slice(-MAX_HISTORY));
	if (isStringRecord(saved.env)) {
		// The saved environment replaces the new session's, so a variable the learner unset stays unset.
		session.env.clear();
		for (const [k, v] of Object.entries(saved.env)) session.env.set(k, v);
	}
	const docker = saved.docker as { auths?: unknown; images?: unknown } | undefined;
	// The same test docker's own state reader applies: anything else starts docker afresh.
	if (docker && typeof docker === 'object' && typeof docker.auths === 'object' && docker.auths !== null && Array.isArray(docker.images)) {
		session.programs.set('docker', docker);
	}
}
