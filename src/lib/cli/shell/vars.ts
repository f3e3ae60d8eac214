// Shell variables. Exported ones live in `session.env` (what programs see); plain `FOO=bar`
// ones live in the shell's own state under `session.programs` so `env` doesn't list them, as in bash.
import type { ShellSession } from '../types';

interface ShellState {
	vars: Map<string, string>;
}

function state(session: ShellSession): ShellState {
	const found = session.programs.get('shell');
	if (isShellState(found)) return found;
	const created: ShellState = { vars: new Map() };
	session.programs.set('shell', created);
	return created;
}

function isShellState(x: unknown): x is ShellState {
	return typeof x === 'object' && x !== null && 'vars' in x && x.vars instanceof Map;
}

export function getVar(session: ShellSession, name: string): string | undefined {
	if (name === '?') return String(session.lastExitCode);
	return session.env.get(name) ?? state(session).vars.get(name);
}

/** `FOO=bar`: an exported variable stays exported, as in bash. */
export function setVar(session: ShellSession, name: string, value: string): void {
	if (session.env.has(name)) session.env.set(name, value);
	else state(session).vars.set(name, value);
}

/** `export FOO[=bar]`: moves a shell variable into the environment. */
export function exportVar(session: ShellSession, name: string, value?: string): void {
	const vars = state(session).vars;
	const v = value ?? vars.get(name) ?? session.env.get(name);
	vars.delete(name);
	// bash marks an unset `export FOO` for export without a value; `env` doesn't list it.
	if (v !== undefined) session.env.set(name, v);
}

export function unsetVar(session: ShellSession, name: string): void {
	session.env.delete(name);
	state(session).vars.delete(name);
}
