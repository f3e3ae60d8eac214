// A session over an empty world, with a few fake programs that show exactly what they received.
import { World } from '../../../../src/lib/engines/world';
import { createSession, runLine } from '../../../../src/lib/cli/shell';
import type { Program, ShellSession } from '../../../../src/lib/cli/types';

export const NOW = '2026-11-23T10:00:00.000Z';

/** `args`: prints each argument in brackets, so word boundaries are visible. */
const args: Program = (a) => ({ stdout: a.map((x) => `[${x}]`).join('') + '\n', stderr: '', exitCode: 0 });
/** `upper`: stdin in capitals. */
const upper: Program = (_a, io) => ({ stdout: io.stdin.toUpperCase(), stderr: '', exitCode: 0 });
/** `code N`: exits with N, writes "code N" to stderr. */
const code: Program = (a) => ({ stdout: '', stderr: `code ${a[0] ?? ''}\n`, exitCode: Number(a[0] ?? 0) });
/** `getenv NAME`: the program's view of the environment. */
const getenv: Program = (a, io) => ({ stdout: `${io.session.env.get(a[0] ?? '') ?? '<unset>'}\n`, stderr: '', exitCode: 0 });
const boom: Program = () => {
	throw new Error('kaboom');
};
const later: Program = async (a) => ({ stdout: `later ${a.join(' ')}\n`, stderr: '', exitCode: 0 });

export const programs: Record<string, Program> = { args, upper, code, getenv, boom, later };

export function session(files: Record<string, string> = {}): ShellSession {
	return createSession(World.create({ now: NOW }), files);
}

export async function sh(line: string, s: ShellSession = session()) {
	const r = await runLine(line, s, programs);
	return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, ...(r.clearScreen ? { clearScreen: true } : {}) };
}

/** Runs lines in order on one session and returns the last result. */
export async function shAll(lines: string[], s: ShellSession = session()) {
	let last = await sh(lines[0] ?? '', s);
	for (const line of lines.slice(1)) last = await sh(line, s);
	return last;
}

export const out = (stdout: string, exitCode = 0) => ({ stdout, stderr: '', exitCode });
export const err = (stderr: string, exitCode: number, stdout = '') => ({ stdout, stderr, exitCode });
