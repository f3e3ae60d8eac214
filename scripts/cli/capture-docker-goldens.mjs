// Captures what the real docker client (/usr/local/bin/docker, or $DOCKER) prints for the mistakes
// it catches itself, before it would talk to a daemon: usage errors, bad references, help lines.
// No daemon is needed (DOCKER_HOST points at a socket that does not exist, so a case that did
// reach for the daemon shows it in its stderr). Writes tests/unit/cli/docker/fixtures/captured-docker.json
// (or $OUT): [{args, stdin, stdout, stderr, exitCode}], replayed by tests/unit/cli/docker/goldens-docker.test.ts.
//   node scripts/cli/capture-docker-goldens.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DOCKER = process.env.DOCKER ?? '/usr/local/bin/docker';
const OUT = resolve(process.env.OUT ?? 'tests/unit/cli/docker/fixtures/captured-docker.json');
const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

/** [args, stdin] */
const CASES = [
	[['tag', 'web:1']],
	[['tag']],
	[['tag', 'a', 'b', 'c']],
	[['push']],
	[['push', 'a', 'b']],
	[['pull']],
	[['pull', 'UPPER:tag']],
	[['pull', `${HOST}/UPPER:tag`]],
	[['pull', 'web:bad tag']],
	[['pull', 'web@sha256:123']],
	[['push', 'Web:1']],
	[['tag', 'web:1', 'BAD:1']],
	[['tag', 'web:1', 'web:-bad']],
	[['login', '--password-stdin', '--password', 'x', HOST], 'secret\n'],
	[['login', '--password-stdin', HOST], ''],
	[['login', 'a', 'b']],
	[['logout', 'a', 'b']],
	[['rmi']],
	[['inspect']],
	[['images', 'a', 'b']],
	// Not `docker build` with no path: without buildx the real client prints a deprecation banner
	// first, which depends on the machine's plugins.
	[['frobnicate']],
	[['push', '--bogus', 'web:1']],
	[['tag', '--bogus']],
	[['--bogus']],
	[['pull', '--platform', 'linux/amd64']],
	[['push', '-q']],
	[['images', '--format', '{{.ID}}', 'a', 'b']],
	[['login', '-u']],
	[['login', '--username']],
	[['pull', '-bad-']],
	[['pull', 'a:b:c']],
	[['push', '--help']],
	[['tag', '--help']],
	[['login', '--help']]
];

const config = mkdtempSync(join(tmpdir(), 'docker-goldens-'));
const env = { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: `unix://${join(config, 'no-daemon.sock')}`, DOCKER_CLI_HINTS: 'false' };
const out = CASES.map(([args, stdin = '']) => {
	const r = spawnSync(DOCKER, args, { input: stdin, env, encoding: 'utf8' });
	process.stderr.write(`${r.status} docker ${args.join(' ')}\n`);
	return { args, stdin, stdout: r.stdout.replaceAll(config, '<config>'), stderr: r.stderr.replaceAll(config, '<config>'), exitCode: r.status };
});
writeFileSync(OUT, `${JSON.stringify(out, null, 1)}\n`);
