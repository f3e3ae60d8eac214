// grep, head, tail and wc after a pipe or on the editor's files, compared with what GNU grep 3
// and coreutils 9 print (run by hand on Debian for each expected text below).
import { describe, expect, it } from 'vitest';
import { session, sh } from './helpers';

const files = () => session({ f: 'a b\nc\n', g: 'hello world\n' });

describe('head and tail', () => {
	it('keep the first or last lines, 10 unless -n says otherwise', async () => {
		const twelve = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join('\\n');
		expect((await sh(`echo -e '${twelve}' | head`)).stdout).toBe(Array.from({ length: 10 }, (_, i) => `l${i + 1}\n`).join(''));
		expect((await sh(`echo -e '${twelve}' | tail -n 2`)).stdout).toBe('l11\nl12\n');
		expect((await sh(`echo -e '${twelve}' | tail -3`)).stdout).toBe('l10\nl11\nl12\n');
		expect((await sh("echo -n -e 'a\\nb\\nc' | head -n 2")).stdout).toBe('a\nb\n');
		expect((await sh("echo -n -e 'a\\nb\\nc' | tail -n 1")).stdout).toBe('c');
	});

	it('name each file when given several, and report bad input as coreutils does', async () => {
		expect((await sh('head -n 1 f g', files())).stdout).toBe('==> f <==\na b\n\n==> g <==\nhello world\n');
		expect(await sh('head -n x f', files())).toEqual({ stdout: '', stderr: 'head: invalid number of lines: ‘x’\n', exitCode: 1 });
		expect(await sh('tail nope', files())).toEqual({ stdout: '', stderr: 'tail: nope: No such file or directory\n', exitCode: 1 });
	});
});

describe('grep', () => {
	it('selects lines, with -i -v -c -n -o, and exits 0, 1 or 2 as GNU grep does', async () => {
		const s = files();
		expect(await sh("echo -e 'ab\\ncd\\nAB' | grep -i ab", s)).toEqual({ stdout: 'ab\nAB\n', stderr: '', exitCode: 0 });
		expect((await sh("echo -e 'ab\\ncd' | grep -v ab", s)).stdout).toBe('cd\n');
		expect((await sh("echo -e 'ab\\ncd' | grep -c .", s)).stdout).toBe('2\n');
		expect((await sh('grep -n c f', s)).stdout).toBe('2:c\n');
		expect((await sh("echo 'repo/web repo/api' | grep -o 'repo/[a-z]*'", s)).stdout).toBe('repo/web\nrepo/api\n');
		expect(await sh('echo ab | grep zz', s)).toEqual({ stdout: '', stderr: '', exitCode: 1 });
		expect(await sh('grep x nofile', s)).toEqual({ stdout: '', stderr: 'grep: nofile: No such file or directory\n', exitCode: 2 });
		expect(await sh('grep', s)).toEqual({ stdout: '', stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 });
	});

	it('reads basic patterns as GNU does: ( | + are literal unless backslashed; -E reads them as operators', async () => {
		expect((await sh("echo 'a(b' | grep '('")).stdout).toBe('a(b\n');
		expect((await sh("echo -e 'cat\\ndog\\nbird' | grep 'cat\\|dog'")).stdout).toBe('cat\ndog\n');
		expect((await sh("echo -e 'cat\\ndog\\nbird' | grep -E 'cat|dog'")).stdout).toBe('cat\ndog\n');
		expect(await sh("echo 'a(b' | grep -E '('")).toEqual({ stdout: '', stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2 });
		expect((await sh("echo 'x]y' | grep '[]]'")).stdout).toBe('x]y\n');
	});

	it('finds a repository in the CLI output, the way learners use it', async () => {
		const r = await sh('echo \'"repositoryUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web",\' | grep -c repositoryUri');
		expect(r.stdout).toBe('1\n');
	});
});

describe('wc', () => {
	it('counts lines, words and bytes with GNU padding', async () => {
		const s = files();
		expect((await sh("echo -e 'a b\\nc' | wc", s)).stdout).toBe('      2       3       6\n');
		expect((await sh("echo -e 'x\\ny' | wc -l", s)).stdout).toBe('2\n');
		expect((await sh('wc f', s)).stdout).toBe('2 3 6 f\n');
		expect((await sh('wc -l f', s)).stdout).toBe('2 f\n');
		expect((await sh('wc f g', s)).stdout).toBe(' 2  3  6 f\n 1  2 12 g\n 3  5 18 total\n');
	});
});

describe('any arguments and any input', () => {
	it('never throw: each filter answers with output or its usage error', async () => {
		const { grep, head, tail, wc } = await import('../../../../src/lib/cli/shell/builtins/filters');
		const fc = (await import('fast-check')).default;
		const word = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('-n', '-c', '-v', '-E', '-o', '-e', '[', '(', '\\', '-3', 'f'));
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(grep, head, tail, wc), fc.array(word, { maxLength: 5 }), fc.string({ maxLength: 40 }), async (program, args, stdin) => {
				const r = await program(args, { stdin, session: files() });
				expect([0, 1, 2]).toContain(r.exitCode);
			})
		);
	});
});
