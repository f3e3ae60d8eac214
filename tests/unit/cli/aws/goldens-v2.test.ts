// Replays fixtures/captured-v2.json: what AWS CLI v2 (/usr/bin/aws) printed against the local
// endpoint over a fresh world with a frozen clock (recorded with `bash scripts/cli/capture-aws-goldens.sh`,
// cases in scripts/cli/aws-golden-cases.mjs), through our `aws` on a fresh world at the same instant,
// in the same order, with the same files and the same clock moves, compared byte for byte.
// What may differ, each through one named function below:
// - the "Invalid choice" list (the simulator offers the operations its engines support);
// - the name `cloudformation deploy` gives its change set (the real CLI stamps it with the wall clock);
// - help pages (ours is written from the model, not AWS's prose): compared by layout, see goldens-help.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import captured from './fixtures/captured-v2.json';
import { run, session } from './helpers';

interface Golden { args: string[]; stdout: string; stderr: string; exitCode: number; tick?: boolean; help?: boolean }
type Entry = Golden | { advanceSeconds: number } | { clockNow: string };

const CHOICES = /(valid choices are:\n\n)([\s\S]*?)(\n\n\nInvalid choice|\n$)/;
const withoutChoices = (text: string) => text.replace(CHOICES, '$1<choices>$3');
const choices = (text: string) => (CHOICES.exec(text)?.[2] ?? '').split(/[|\n]/).map((c) => c.trim()).filter(Boolean);

/**
 * deploy names its change set awscli-cloudformation-package-deploy-<epoch seconds>: the real CLI
 * reads the wall clock, ours the world's; the change set's id that follows the name is drawn after
 * a different number of clock ticks, so it differs too.
 */
const withoutDeployStamp = (text: string) =>
	text.replace(/awscli-cloudformation-package-deploy-\d+(\/[0-9a-f-]{36})?/g, (_, id: string | undefined) => `awscli-cloudformation-package-deploy-<epoch>${id ? '/<id>' : ''}`);

/**
 * The installed CLI (2.9.19) predates these response members, and its parser drops members its
 * model does not know; our models are newer and print them. Removed from our output, per format.
 */
const NEWER_MEMBERS: Record<string, string> = { imageStatus: 'ACTIVE', Regions: '[]' };
function withoutMembersUnknownToCapturedCli(stdout: string, output: string): string {
	// text prints values without their names, so only the other formats can tell a member is there.
	const names = Object.keys(NEWER_MEMBERS).filter((m) => output === 'text' || stdout.includes(m));
	if (!names.length) return stdout;
	if (output === 'json') {
		const drop = (v: unknown): unknown =>
			Array.isArray(v) ? v.map(drop) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !names.includes(k)).map(([k, x]) => [k, drop(x)])) : v;
		return `${JSON.stringify(drop(JSON.parse(stdout)), null, 4)}\n`;
	}
	let out = stdout;
	for (const name of names) {
		if (output === 'yaml') out = out.replace(new RegExp(`^ *${name}: .*\\n`, 'gm'), '');
		if (output === 'table') out = out.replace(new RegExp(`^\\|+ +${name} +\\|.*\\n`, 'gm'), '');
		// text prints a structure's scalars in key order: imageStatus sits between imageSizeInBytes and registryId.
		if (output === 'text') out = out.replace(new RegExp(`^(IMAGEDETAILS(?:\\t[^\\t\\n]*){5})\\t${NEWER_MEMBERS[name]}(?=\\t)`, 'gm'), '$1');
	}
	return out;
}

/**
 * Cases where the endpoint's wire form, not the CLI, differs from the engine's answer: the local
 * endpoint writes members the engine left empty as JSON null (and in another order), which the
 * real CLI prints; our CLI reads the engine's object directly. Compared as JSON without nulls,
 * keys in any order, so every value is still checked.
 */
const ENDPOINT_NULLS = new Set([
	'ecr get-lifecycle-policy-preview --repository-name web',
	'ecr describe-image-scan-findings --repository-name web --image-id imageTag=v1',
	'cloudformation describe-change-set --stack-name s1 --change-set-name c1',
	// Same order difference without nulls: the endpoint writes imageScanFindings first.
	'ecr describe-image-scan-findings --repository-name scanned --image-id imageTag=3.19'
]);
function sameJsonIgnoringNullsAndKeyOrder(text: string): unknown {
	const clean = (v: unknown): unknown =>
		Array.isArray(v)
			? v.map(clean)
			: v && typeof v === 'object'
				? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, clean(x)]))
				: v;
	return clean(JSON.parse(text));
}

/**
 * Cases whose difference comes from files this suite's owner may not edit; each names why.
 * (Empty when every captured case matches.)
 */
const EXCLUDED: Record<string, string> = {
	// The endpoint has no ECS, so the real CLI reached it; ours stops at the service name.
	'ecs describe-clusters': 'no ECS model in the simulator (index.ts)',
	// Tables of the ENDPOINT_NULLS cases: the real table has a None row per null member, which
	// also changes the column widths; the JSON form of the same responses is compared.
	'ecr describe-image-scan-findings --repository-name web --image-id imageTag=v1 --output table': 'endpoint writes null members (protocol layer)',
	'cloudformation describe-change-set --stack-name s1 --change-set-name c1 --output table': 'endpoint writes null members (protocol layer)'
};

const FILES_DIR = new URL('./fixtures/files/', import.meta.url);
const files = Object.fromEntries(readdirSync(FILES_DIR).map((name) => [name, readFileSync(new URL(name, FILES_DIR), 'utf8')]));

describe('aws against real AWS CLI v2 goldens', () => {
	const s = session({ AWS_ACCESS_KEY_ID: 'AKIAROOT123456789012', AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'us-east-1' }, files);
	for (const [i, entry] of (captured as Entry[]).entries()) {
		if ('advanceSeconds' in entry) {
			it(`#${i} the clock moves ${entry.advanceSeconds} s`, () => void s.world.advanceBy(entry.advanceSeconds * 1000));
			continue;
		}
		if ('clockNow' in entry) {
			it(`#${i} the clock moves to ${entry.clockNow}`, () => {
				expect(s.world.clock.nowMs()).toBeLessThanOrEqual(Date.parse(entry.clockNow));
				s.world.advanceTo(entry.clockNow);
			});
			continue;
		}
		const g = entry;
		const name = g.args.join(' ');
		if (g.help) continue; // goldens-help.test.ts
		(EXCLUDED[name] ? it.skip : it)(`#${i} aws ${name}`, async () => {
			const ours = await run(s, ...g.args);
			const norm = (t: string) => withoutChoices(withoutDeployStamp(t));
			const output = g.args[g.args.indexOf('--output') + 1] ?? 'json';
			const stdout = withoutMembersUnknownToCapturedCli(withoutDeployStamp(ours.stdout), g.args.includes('--output') ? output : 'json');
			if (ENDPOINT_NULLS.has(name) && g.stdout) {
				expect(sameJsonIgnoringNullsAndKeyOrder(stdout)).toEqual(sameJsonIgnoringNullsAndKeyOrder(g.stdout));
				expect({ stderr: ours.stderr, exitCode: ours.exitCode }).toEqual({ stderr: g.stderr, exitCode: g.exitCode });
				return;
			}
			expect({ stdout, stderr: norm(ours.stderr), exitCode: ours.exitCode }).toEqual({
				stdout: withoutDeployStamp(g.stdout),
				stderr: norm(g.stderr),
				exitCode: g.exitCode
			});
			for (const c of choices(ours.stderr)) expect(choices(g.stderr)).toContain(c);
		});
	}
});
