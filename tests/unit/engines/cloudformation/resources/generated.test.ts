// The shipped type list and schemas are generated from sources vendored in scripts/cfn/sources/.
// Regenerating them must give exactly the files in the tree.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

function check(script: string): { ok: boolean; output: string } {
	try {
		const out = execFileSync(process.execPath, [root + script, '--check'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
		return { ok: true, output: out };
	} catch (e) {
		const err = e as { stdout?: string; stderr?: string };
		return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
	}
}

describe('generated resource modules', () => {
	it('resource-types.generated.ts is up to date with its source', () => {
		const r = check('scripts/cfn/build-resource-types.mjs');
		expect(r.output).toContain('up to date');
		expect(r.ok).toBe(true);
	});

	it('schemas/*.generated.ts are up to date with their sources', () => {
		const r = check('scripts/cfn/build-resource-schemas.mjs');
		expect(r.output).toContain('schemas are up to date');
		expect(r.output).not.toMatch(/does not compile in JS/);
		expect(r.ok).toBe(true);
	});
});
