// `npm run endpoint` as a learner runs it: a child process that bundles (or reuses the cached
// bundle), prints `listening on <url>`, answers, and stops when killed.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseEndpointArgs } from '../../scripts/endpoint/args';
import { callJson } from './endpoint-support';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run endpoint', () => {
	it('starts on a free port, prints its URL, answers, and stops when killed', async () => {
		// Its own process group, so the kill reaches node under npm.
		const child = spawn('npm', ['run', '--silent', 'endpoint', '--', '--port', '0', '--clock', 'frozen', '--now', '2026-05-01T12:00:00Z'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		try {
			const url = await new Promise<string>((resolve, reject) => {
				const onData = (d: Buffer) => {
					output += d.toString();
					const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
					if (m?.[1]) resolve(m[1]);
				};
				child.stdout.on('data', onData);
				child.stderr.on('data', onData);
				void exited.then((code) => reject(new Error(`the endpoint exited (${code}) before listening:\n${output}`)));
			});
			expect(await callJson(`${url}/_sandbox/clock`, 'GET')).toEqual({ status: 200, json: { now: '2026-05-01T12:00:00.000Z' } });
		} finally {
			if (child.pid) process.kill(-child.pid, 'SIGTERM');
		}
		expect(await exited).not.toBe(undefined);
	}, 120_000);
});

describe('its arguments', () => {
	it('defaults to port 4566 and a real clock, and refuses nonsense', () => {
		expect(parseEndpointArgs([])).toEqual({ port: 4566, clock: 'real' });
		expect(parseEndpointArgs(['--port', '0', '--clock', 'frozen', '--now', '2026-01-01T00:00:00Z'])).toEqual({ port: 0, clock: 'frozen', now: '2026-01-01T00:00:00Z' });
		expect(() => parseEndpointArgs(['--port', 'x'])).toThrow(/--port/);
		expect(() => parseEndpointArgs(['--port', '70000'])).toThrow(/--port/);
		expect(() => parseEndpointArgs(['--clock', 'fast'])).toThrow(/--clock/);
		expect(() => parseEndpointArgs(['--now', 'soon'])).toThrow(/--now/);
		expect(() => parseEndpointArgs(['--verbose'])).toThrow();
	});
});
