// Golden cases: a line in, the exact stdout, stderr and exit code out.
import { describe, expect, it } from 'vitest';
import { err, out, session, sh, shAll } from './helpers';

type Case = [line: string, expected: { stdout: string; stderr: string; exitCode: number }];

const UNSUP = (what: string) => err(`bash: ${what} is not supported in this terminal\n`, 2);

const cases: Record<string, Case[]> = {
	words: [
		['args a b   c', out('[a][b][c]\n')],
		['args', out('\n')],
		['', out('')],
		['   ', out('')],
		["args 'a  b' \"c  d\"", out('[a  b][c  d]\n')],
		[`args 'a'"b"c`, out('[abc]\n')],
		['args "" \'\' x', out('[][][x]\n')],
		['args a\\ b \\$HOME \\\\', out('[a b][$HOME][\\]\n')],
		["args 'it'\\''s'", out("[it's]\n")],
		['args "a\\"b" "c\\\\d" "e\\$f" "g\\nh"', out('[a"b][c\\d][e$f][g\\nh]\n')],
		["args '$HOME \"x\" \\n'", out('[$HOME "x" \\n]\n')],
		['args a#b # a comment', out('[a#b]\n')],
		['# only a comment', out('')],
		// No brace expansion; `~` is expanded (tilde-exit.test.ts).
		['args {a,b} x=y !', out('[{a,b}][x=y][!]\n')],
		['args $ a$ "$"', out('[$][a$][$]\n')]
	],
	variables: [
		['args $HOME ${HOME}x "$HOME"', out('[/home/learner][/home/learnerx][/home/learner]\n')],
		['args $NOPE x', out('[x]\n')],
		['args "$NOPE" x', out('[][x]\n')],
		['args a${NOPE}b', out('[ab]\n')],
		['args $1 "$2x" $12 ${10}', out('[x][2]\n')],
		['FOO=bar; args $FOO', out('[bar]\n')],
		['FOO="a   b"; args $FOO "$FOO"', out('[a][b][a   b]\n')],
		['FOO=" a "; args x${FOO}y', out('[x][a][y]\n')],
		['args ${x y}', err('bash: ${x y}: bad substitution\n', 2)],
		['args ${HOME:-x}', err('bash: ${HOME:-x}: bad substitution\n', 2)],
		['FOO=1 BAR=2; args $FOO$BAR', out('[12]\n')],
		['FOO=', out('')],
		['FOO=$(code 3)', err('code 3\n', 3)],
		['false; args $?; args $?', out('[1]\n[0]\n')],
		['code 7 || args "$?" ${?}', err('code 7\n', 0, '[7][7]\n')]
	],
	substitution: [
		['args $(echo a b)', out('[a][b]\n')],
		['args "$(echo a b)"', out('[a b]\n')],
		['args "$(echo "x y")"', out('[x y]\n')],
		['args $(echo $(echo inner))x', out('[innerx]\n')],
		['args "$(printf_nope)"', err('bash: printf_nope: command not found\n', 0, '[]\n')],
		['args $(echo -n)', out('\n')],
		['args "$(echo a; echo; echo)"', out('[a]\n')],
		['args $()', out('\n')],
		['FOO=$(echo a   b); args "$FOO"', out('[a b]\n')],
		['args $(echo a | upper)', out('[A]\n')],
		['args $(false) $?', out('[1]\n')],
		['args "$(echo ")")" $( echo  a )', out('[)][a]\n')],
		['args $(\n echo a\n echo b\n)', out('[a][b]\n')],
		['args "$(echo \'$HOME\')"', out('[$HOME]\n')],
		['args "$(code 5)"', err('code 5\n', 0, '[]\n')]
	],
	pipes: [
		['echo hello | upper', out('HELLO\n')],
		['echo hello | upper | cat', out('HELLO\n')],
		['echo hi |\n upper', out('HI\n')],
		['cat | upper', out('')],
		['code 3 | echo after', err('code 3\n', 0, 'after\n')],
		['echo x | code 4', err('code 4\n', 4)]
	],
	lists: [
		['true && echo yes', out('yes\n')],
		['false && echo yes', err('', 1)],
		['false || echo no', out('no\n')],
		['true || echo no', out('')],
		['false && echo a || echo b', out('b\n')],
		['true && echo a || echo b', out('a\n')],
		['echo a; echo b;', out('a\nb\n')],
		['echo a\necho b', out('a\nb\n')],
		['false; true', out('')],
		['true; false', err('', 1)],
		['echo a &&\necho b', out('a\nb\n')],
		['echo a \\\n b', out('a b\n')],
		['echo "a\nb"', out('a\nb\n')],
		["echo 'a\\\nb'", out('a\\\nb\n')]
	],
	errors: [
		['foo', err('bash: foo: command not found\n', 127)],
		['foo && echo x || echo y', err('bash: foo: command not found\n', 0, 'y\n')],
		['constructor', err('bash: constructor: command not found\n', 127)],
		['__proto__ x', err('bash: __proto__: command not found\n', 127)],
		['""', err('bash: : command not found\n', 127)],
		['$NOPE', out('')],
		['boom', err('boom: internal error: kaboom\n', 1)],
		['later a b', out('later a b\n')],
		['| echo', err("bash: syntax error near unexpected token `|'\n", 2)],
		['; echo', err("bash: syntax error near unexpected token `;'\n", 2)],
		['echo a ;; echo b', err("bash: syntax error near unexpected token `;;'\n", 2)],
		['&& echo', err("bash: syntax error near unexpected token `&&'\n", 2)],
		['echo a || || echo', err("bash: syntax error near unexpected token `||'\n", 2)],
		['echo )', err("bash: syntax error near unexpected token `)'\n", 2)],
		['echo "abc', err('bash: unexpected EOF while looking for matching `"\'\n', 2)],
		["echo 'abc", err("bash: unexpected EOF while looking for matching `''\n", 2)],
		['echo $(echo', err("bash: unexpected EOF while looking for matching `)'\n", 2)],
		['echo a |', err('bash: syntax error: unexpected end of file\n', 2)],
		['echo a \\', err("bash: unexpected end of file after `\\'\n", 2)],
		['echo a > f', UNSUP("redirection ('>')")],
		['cat < f', UNSUP("redirection ('<')")],
		['echo a 2>&1', UNSUP("redirection ('>')")],
		['cat <<EOF', UNSUP("redirection ('<')")],
		['sleep 1 &', UNSUP("running in the background ('&')")],
		['(echo a)', UNSUP("a subshell or function ('(')")],
		['f() { echo; }', UNSUP("a subshell or function ('(')")],
		['echo $((1))', UNSUP('arithmetic expansion $((...))')],
		['echo `date`', UNSUP('command substitution with backquotes (use $(...))')],
		['ls *.yaml', UNSUP("globbing ('*'): quote the word to pass it as it is")],
		['echo a?', UNSUP("globbing ('?'): quote the word to pass it as it is")],
		['echo x[0]', UNSUP("globbing ('['): quote the word to pass it as it is")],
		["echo 'x[0]*?' \"*\" \\*", out('x[0]*? * *\n')],
		['echo ok; echo a > f', UNSUP("redirection ('>')")],
		['if true; then echo; fi', UNSUP("the shell keyword 'if' (scripts)")],
		['for x in a; do echo; done', UNSUP("the shell keyword 'for' (scripts)")],
		['function f', UNSUP("the shell keyword 'function' (scripts)")],
		['true && ! false', UNSUP("the shell keyword '!' (scripts)")],
		["echo if fi; 'if'", err("bash: if: command not found\n", 127, 'if fi\n')]
	]
};

describe('shell golden lines', () => {
	for (const [group, list] of Object.entries(cases)) {
		describe(group, () => {
			it.each(list)('%j', async (line, expected) => {
				expect(await sh(line)).toEqual(expected);
			});
		});
	}
});

describe('session state across lines', () => {
	it('$? is the last line’s exit code, and a syntax error sets it to 2', async () => {
		expect(await shAll(['foo', 'echo $?'])).toEqual(out('127\n'));
		expect(await shAll(['echo >', 'echo $?'])).toEqual(out('2\n'));
	});

	it('refuses command substitutions nested too deeply, without running anything', async () => {
		const deep = '$('.repeat(40) + 'args' + ')'.repeat(40);
		expect(await sh(`args ${deep}`)).toEqual(err('bash: command substitution nested too deeply\n', 2));
		const ok = '$(echo '.repeat(30) + 'in' + ')'.repeat(30);
		expect(await sh(`args ${ok}`)).toEqual(out('[in]\n'));
	});

	it('FOO=bar cmd sets FOO for cmd only', async () => {
		const s = session();
		expect(await sh('FOO=bar getenv FOO', s)).toEqual(out('bar\n'));
		expect(await sh('getenv FOO; echo "[$FOO]"', s)).toEqual(out('<unset>\n[]\n'));
		await sh('export FOO=old', s);
		expect(await sh('FOO=new getenv FOO; getenv FOO', s)).toEqual(out('new\nold\n'));
	});

	it('FOO=bar alone is a shell variable; export puts it in the environment', async () => {
		const s = session();
		expect(await sh('FOO=bar; getenv FOO; echo $FOO', s)).toEqual(out('<unset>\nbar\n'));
		expect(await sh('export FOO; getenv FOO', s)).toEqual(out('bar\n'));
		expect(await sh('FOO=baz; getenv FOO', s)).toEqual(out('baz\n'));
		expect(await sh('unset FOO; echo "[$FOO]"; getenv FOO', s)).toEqual(out('[]\n<unset>\n'));
	});

	it('export lists, validates names, and accepts several words', async () => {
		const s = session();
		expect(await sh('export A=1 B="x y" C', s)).toEqual(out(''));
		expect(await sh('getenv A; getenv B; getenv C', s)).toEqual(out('1\nx y\n<unset>\n'));
		expect(await sh('export 1x=2 D=4', s)).toEqual(err("bash: export: `1x=2': not a valid identifier\n", 1));
		expect(await sh('getenv D', s)).toEqual(out('4\n'));
		await sh('export Q=\'a"$b\'', s);
		expect((await sh('export', s)).stdout).toContain('declare -x Q="a\\"\\$b"\n');
		expect((await sh('export -p', s)).stdout).toContain('declare -x HOME="/home/learner"\n');
	});

	it('env prints the environment in the order it was set', async () => {
		const s = session();
		await sh('export ZED=1 AB=2', s);
		expect(await sh('env', s)).toEqual(out('HOME=/home/learner\nUSER=learner\nPWD=/home/learner\nZED=1\nAB=2\n'));
		expect(await sh('env X=1 | cat', s)).toEqual(out('HOME=/home/learner\nUSER=learner\nPWD=/home/learner\nZED=1\nAB=2\nX=1\n'));
		expect(await sh('env ls', s)).toEqual(err("env: 'ls': No such file or directory\n", 127));
	});

	it('unset ignores unknown names and, like bash 5, names that cannot be variables', async () => {
		expect(await sh('unset NOPE')).toEqual(out(''));
		expect(await sh('unset 9a')).toEqual(out(''));
	});

	it('history numbers every line entered, including bad ones and itself', async () => {
		const s = session();
		await shAll(['echo a', '', 'nope', 'echo "x'], s);
		expect(await sh('history', s)).toEqual(out('    1  echo a\n    2  nope\n    3  echo "x\n    4  history\n'));
		expect(await sh('history 2', s)).toEqual(out('    4  history\n    5  history 2\n'));
		expect(await sh('history x', s)).toEqual(err('bash: history: x: numeric argument required\n', 1));
		expect(s.history.at(-1)).toBe('history x');
	});

	it('clear wipes what the line printed before it', async () => {
		expect(await sh('echo a; clear; echo b')).toEqual({ ...out('b\n'), clearScreen: true });
		expect(await sh('clear')).toEqual({ ...out(''), clearScreen: true });
	});

	it('the caller’s programs win over builtins of the same name', async () => {
		const { runLine } = await import('../../../../src/lib/cli/shell');
		const r = await runLine('echo hi', session(), { echo: () => ({ stdout: 'mine\n', stderr: '', exitCode: 0 }) });
		expect(r).toEqual(out('mine\n'));
	});
});
