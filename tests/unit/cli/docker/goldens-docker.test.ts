// Replays fixtures/captured-docker.json: what the real docker client (28.2.2, no daemon) printed for
// the mistakes it catches itself (recorded with `node scripts/cli/capture-docker-goldens.mjs`),
// through our `docker`, compared byte for byte with the exit code (less the simulator's --explain line).
import { describe, expect, it } from 'vitest';
import captured from './fixtures/captured-docker.json';
import docker from '../../../../src/lib/cli/docker';
import { session } from './helpers';
import { EXPLAIN_HELP } from '../../../../src/lib/cli/docker/explain';

/** Our help pages add the simulator's own --explain option (and say so); real docker has none. */
const withoutSimulatorExtensions = (text: string): string => text.replace(EXPLAIN_HELP, '');

interface Golden { args: string[]; stdin: string; stdout: string; stderr: string; exitCode: number }

describe('docker against real docker client goldens', () => {
	for (const g of captured as Golden[]) {
		it(`docker ${g.args.join(' ')}`, async () => {
			const ours = await docker(g.args, { stdin: g.stdin, session: session() });
			expect({ stdout: withoutSimulatorExtensions(ours.stdout), stderr: ours.stderr, exitCode: ours.exitCode }).toEqual({ stdout: g.stdout, stderr: g.stderr, exitCode: g.exitCode });
		});
	}
});
