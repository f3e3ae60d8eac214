// Captures what the real AWS CLI v2 prints against the local endpoint, for the replay test
// tests/unit/cli/aws/goldens-v2.test.ts. Run through capture-aws-goldens.sh (it says how).
//
// The cases run in order on one world (later commands see the state earlier ones made). Besides
// commands, the fixture records the clock moves the capture made through the endpoint's sandbox
// control, so the replay can make the same moves on its own world:
//   { advanceSeconds: N }   POST /_sandbox/clock {"advanceSeconds": N}
//   { clockNow: ISO }       POST /_sandbox/clock {"now": ISO}
// A case with `tick: true` (cloudformation deploy, whose waiters sleep in real time) runs while the
// clock is pushed on 5 s every 200 ms; how far it went depends on the machine, so such a case is
// followed by a { clockNow } that puts both worlds at one known instant again.
// `save` reads a value from a case's JSON output into a variable that later args use as ${name}:
// the fixture stores the args with the value in place, so the replay needs no variables.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CASES } from './aws-golden-cases.mjs';

const ENDPOINT = process.env.ENDPOINT ?? 'http://127.0.0.1:4599';
const CLI = process.env.AWS_CLI ?? '/usr/bin/aws';
const OUT = resolve(process.env.OUT ?? 'tests/unit/cli/aws/fixtures/captured-v2.json');
const FILES = resolve('tests/unit/cli/aws/fixtures/files');
const START = '2026-11-23T18:28:39.483Z';
/** No case should wait this long; one that does has met a waiter that never finishes. */
const CASE_TIMEOUT_MS = 120_000;

const env = { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_PAGER: '', AWS_DEFAULT_REGION: 'us-east-1' };
delete env.AWS_PROFILE;
delete env.AWS_REGION;

async function sandbox(path, body) {
	const res = await fetch(`${ENDPOINT}/_sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) });
	if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
	return res.json();
}

function runCli(args, cwd) {
	return new Promise((done, fail) => {
		const child = spawn(CLI, ['--endpoint-url', ENDPOINT, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '', stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => { child.kill(); fail(new Error(`timed out: aws ${args.join(' ')}`)); }, CASE_TIMEOUT_MS);
		child.on('close', (code) => { clearTimeout(timer); done({ stdout, stderr, exitCode: code ?? -1 }); });
	});
}

const cwd = mkdtempSync(join(tmpdir(), 'aws-goldens-'));
cpSync(FILES, cwd, { recursive: true });
await sandbox('reset', { now: START });
const vars = {};
const fill = (arg) => arg.replace(/\$\{(\w+)\}/g, (_, name) => { if (!(name in vars)) throw new Error(`no saved ${name}`); return vars[name]; });
const out = [];
for (const c of CASES) {
	if ('advanceSeconds' in c) { await sandbox('clock', { advanceSeconds: c.advanceSeconds }); out.push({ advanceSeconds: c.advanceSeconds }); continue; }
	if ('clockNow' in c) { await sandbox('clock', { now: c.clockNow }); out.push({ clockNow: c.clockNow }); continue; }
	const args = c.args.map(fill);
	let ticking = c.tick ? setInterval(() => { sandbox('clock', { advanceSeconds: 5 }).catch(() => {}); }, 200) : undefined;
	const result = await runCli(args, cwd).finally(() => ticking && clearInterval(ticking));
	for (const [name, key] of Object.entries(c.save ?? {})) vars[name] = JSON.parse(result.stdout)[key];
	out.push({ args, ...result, ...(c.tick ? { tick: true } : {}), ...(c.help ? { help: true } : {}) });
	process.stderr.write(`${result.exitCode} aws ${args.join(' ')}\n`);
}
writeFileSync(OUT, `${JSON.stringify(out, null, 1)}\n`);
process.stderr.write(`${out.length} entries written to ${OUT}\n`);
