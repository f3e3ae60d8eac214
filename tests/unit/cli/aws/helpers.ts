// A fresh session over a fresh world at the instant the captured goldens were taken.
import { World } from '../../../../src/lib/engines/world';
import type { ShellSession } from '../../../../src/lib/cli/types';
import { aws } from '../../../../src/lib/cli/aws';

/** The frozen clock of the local endpoint when fixtures/captured.json was recorded. */
export const CAPTURE_NOW = '2026-11-23T18:28:39.483Z';

export function session(env: Record<string, string> = {}, files: Record<string, string> = {}): ShellSession {
	return {
		world: World.create({ now: CAPTURE_NOW }),
		env: new Map(Object.entries(env)),
		files: new Map(Object.entries(files)),
		programs: new Map(),
		history: [],
		lastExitCode: 0
	};
}

export async function run(s: ShellSession, ...args: string[]) {
	return aws(args, { stdin: '', session: s });
}
