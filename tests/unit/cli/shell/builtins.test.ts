// The builtins' outputs and their error texts as bash and coreutils print them.
import { describe, expect, it } from 'vitest';
import { err, out, session, sh } from './helpers';

const files = { Dockerfile: 'FROM alpine\n', 'template.yaml': 'Resources: {}\n', 'app/main.py': 'print(1)\n', 'app/lib/util.py': '' };

describe('echo', () => {
	it.each([
		['echo', out('\n')],
		['echo -n a b', out('a b')],
		['echo -e "a\\tb\\nc\\\\"', out('a\tb\nc\\\n')],
		['echo "a\\nb"', out('a\\nb\n')],
		['echo -ne "x\\ty"', out('x\ty')],
		['echo -e "a\\cb"', out('a')],
		['echo -e "\\x41\\0101\\q"', out('AA\\q\n')],
		['echo -eE "a\\nb"', out('a\\nb\n')],
		['echo -x -n', out('-x -n\n')],
		['echo -- a', out('-- a\n')]
	])('%j', async (line, expected) => {
		expect(await sh(line)).toEqual(expected);
	});
});

describe('cat', () => {
	it.each([
		['cat Dockerfile', out('FROM alpine\n')],
		['cat ./Dockerfile template.yaml', out('FROM alpine\nResources: {}\n')],
		['cat app/main.py', out('print(1)\n')],
		['cat nope', err('cat: nope: No such file or directory\n', 1)],
		['cat nope Dockerfile', err('cat: nope: No such file or directory\n', 1, 'FROM alpine\n')],
		['cat app', err('cat: app: Is a directory\n', 1)],
		['echo hi | cat', out('hi\n')],
		['echo hi | cat Dockerfile - Dockerfile', out('FROM alpine\nhi\nFROM alpine\n')],
		['cat -x Dockerfile', err("cat: invalid option -- 'x'\nTry 'cat --help' for more information.\n", 1)],
		['cat -n Dockerfile template.yaml', out('     1\tFROM alpine\n     2\tResources: {}\n')],
		['echo -ne "a\\n\\nb" | cat -n', out('     1\ta\n     2\t\n     3\tb')],
		['echo -n | cat -n', out('')],
		['cat --nope', err("cat: unrecognized option '--nope'\nTry 'cat --help' for more information.\n", 1)]
	])('%j', async (line, expected) => {
		expect(await sh(line, session(files))).toEqual(expected);
	});
});

describe('ls', () => {
	it.each([
		['ls', out('Dockerfile\napp\ntemplate.yaml\n')],
		['ls -1 .', out('Dockerfile\napp\ntemplate.yaml\n')],
		['ls app', out('lib\nmain.py\n')],
		['ls app/', out('lib\nmain.py\n')],
		['ls template.yaml Dockerfile', out('Dockerfile\ntemplate.yaml\n')],
		['ls Dockerfile app/lib', out('Dockerfile\n\napp/lib:\nutil.py\n')],
		['ls nope', err("ls: cannot access 'nope': No such file or directory\n", 2)],
		['ls nope Dockerfile', err("ls: cannot access 'nope': No such file or directory\n", 2, 'Dockerfile\n')],
		['ls -x', err("ls: invalid option -- 'x'\nTry 'ls --help' for more information.\n", 2)],
		[
			'ls -l',
			out(
				'total 12\n' +
					'-rw-r--r-- 1 learner learner   12 Nov 23 10:00 Dockerfile\n' +
					'drwxr-xr-x 2 learner learner 4096 Nov 23 10:00 app\n' +
					'-rw-r--r-- 1 learner learner   14 Nov 23 10:00 template.yaml\n'
			)
		],
		['ls -l Dockerfile', out('-rw-r--r-- 1 learner learner 12 Nov 23 10:00 Dockerfile\n')],
		['ls -1l app/lib', out('total 0\n-rw-r--r-- 1 learner learner 0 Nov 23 10:00 util.py\n')],
		['ls --all', err("ls: unrecognized option '--all'\nTry 'ls --help' for more information.\n", 2)],
		['ls | upper', out('DOCKERFILE\nAPP\nTEMPLATE.YAML\n')]
	])('%j', async (line, expected) => {
		expect(await sh(line, session(files))).toEqual(expected);
	});

	it('an empty lab lists nothing', async () => {
		expect(await sh('ls')).toEqual(out(''));
	});
});

describe('small builtins', () => {
	it('pwd, true, false', async () => {
		expect(await sh('pwd')).toEqual(out('/home/learner\n'));
		expect(await sh('true')).toEqual(out(''));
		expect(await sh('false')).toEqual(err('', 1));
	});

	it('help lists aws, docker and every builtin, one line each', async () => {
		const { stdout, exitCode } = await sh('help');
		expect(exitCode).toBe(0);
		for (const name of ['aws', 'docker', 'cat', 'clear', 'echo', 'env', 'export', 'false', 'help', 'history', 'ls', 'pwd', 'true', 'unset']) {
			expect(stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
		}
	});
});
