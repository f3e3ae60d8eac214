// A shell session over a fresh world, and `tab(line)`: completion with the cursor at the end,
// or at the `|` marker when the line has one (the marker is removed).
import { World } from '../../../../src/lib/engines/world';
import { createSession, runLine } from '../../../../src/lib/cli/shell';
import { PROGRAMS } from '../../../../src/lib/cli/programs';
import { complete } from '../../../../src/lib/cli/complete';
import type { ShellSession } from '../../../../src/lib/cli/types';

export const NOW = '2026-11-23T10:00:00.000Z';

export function session(files: Record<string, string> = {}): ShellSession {
	return createSession(World.create({ now: NOW }), files);
}

/** Runs command lines (setting up the world as a learner would) and fails loudly if one fails. */
export async function given(s: ShellSession, ...lines: string[]): Promise<void> {
	for (const line of lines) {
		const r = await runLine(line, s, PROGRAMS);
		if (r.exitCode !== 0) throw new Error(`${line} failed: ${r.stderr}`);
	}
}

export async function tab(s: ShellSession, text: string) {
	const marker = text.indexOf('¦');
	const line = marker < 0 ? text : text.slice(0, marker) + text.slice(marker + 1);
	const cursor = marker < 0 ? line.length : marker;
	return complete(line, cursor, s, PROGRAMS);
}

/** Only the candidates. */
export const words = async (s: ShellSession, text: string): Promise<string[]> => (await tab(s, text)).candidates;
