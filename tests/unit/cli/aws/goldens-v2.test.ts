// Replays fixtures/captured-v2.json: what AWS CLI v2 (Debian's /usr/bin/aws 2.9.19) printed against
// the local endpoint over a fresh world with a frozen clock at 2026-11-23T10:00:00Z (recorded with
// `AWS_CLI=/usr/bin/aws OUT=tests/unit/cli/aws/fixtures/captured-v2.json bash scripts/cli/capture-aws-goldens.sh`),
// through our `aws` on a fresh world at the same instant, compared byte for byte. Only the
// "Invalid choice" list differs by design (the simulator offers the operations its engines support).
import { describe, expect, it } from 'vitest';
import captured from './fixtures/captured-v2.json';
import { run, session } from './helpers';

interface Golden { args: string[]; stdout: string; stderr: string; exitCode: number }

const CHOICES = /(valid choices are:\n\n)([\s\S]*?)(\n\n\nInvalid choice|\n$)/;
const withoutChoices = (text: string) => text.replace(CHOICES, '$1<choices>$3');
const choices = (text: string) => (CHOICES.exec(text)?.[2] ?? '').split(/[|\n]/).map((c) => c.trim()).filter(Boolean);

describe('aws against real AWS CLI v2 goldens', () => {
	const s = session({ AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'us-east-1' });
	for (const g of captured as Golden[]) {
		// The endpoint has no ECS, so the real CLI reached it; ours stops at the service name.
		(g.args[0] === 'ecs' ? it.skip : it)(`aws ${g.args.join(' ')}`, async () => {
			const ours = await run(s, ...g.args);
			expect({ stdout: ours.stdout, stderr: withoutChoices(ours.stderr), exitCode: ours.exitCode }).toEqual({ stdout: g.stdout, stderr: withoutChoices(g.stderr), exitCode: g.exitCode });
			for (const c of choices(ours.stderr)) expect(choices(g.stderr)).toContain(c);
		});
	}
});
