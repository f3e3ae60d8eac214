// The small builtins: true, false, clear, exit, pwd, history, help.
import type { Program } from '../../types';
import { ok } from './result';

export const trueBuiltin: Program = () => ok();
export const falseBuiltin: Program = () => ({ stdout: '', stderr: '', exitCode: 1 });
export const clear: Program = () => ({ stdout: '', stderr: '', exitCode: 0, clearScreen: true });
/**
 * In the browser there is nothing to leave, so `exit` explains that and keeps the session (the
 * local `npm run shell` puts its own `exit` in the program table, which is looked up first).
 */
export const exitBuiltin: Program = () => ({
	stdout: '',
	stderr: 'exit: this terminal stays open (it is part of the page); type clear to wipe the screen\n',
	exitCode: 0
});
export const pwd: Program = (_args, { session }) => ok(`${session.env.get('PWD') ?? '/home/learner'}\n`);

/** bash's format: the number right-aligned in 5 columns, two spaces, the line. `history N`: the last N. */
export const history: Program = (args, { session }) => {
	const first = args[0];
	let from = 0;
	if (first !== undefined) {
		if (!/^\d+$/.test(first)) return { stdout: '', stderr: `bash: history: ${first}: numeric argument required\n`, exitCode: 1 };
		from = Math.max(0, session.history.length - Number(first));
	}
	const lines = session.history.slice(from).map((line, i) => `${String(from + i + 1).padStart(5)}  ${line}\n`);
	return ok(lines.join(''));
};

const COMMANDS: [string, string][] = [
	['aws', 'the AWS CLI: aws ecr ..., aws cloudformation ..., aws sts ... (try aws help)'],
	['docker', 'build, tag, push and pull images, and log in to registries'],
	['cat', 'print files from the editor, or stdin (-n: number the lines)'],
	['clear', 'clear the screen'],
	['echo', 'print its arguments (-n: no newline, -e: backslash escapes)'],
	['env', 'print the exported variables'],
	['exit', 'leave the shell (npm run shell only; the page keeps its terminal)'],
	['export', 'export NAME=value: set a variable that commands see'],
	['false', 'do nothing, unsuccessfully (exit code 1)'],
	['grep', 'grep [-i -v -c -n -o -w -E -F] PATTERN [FILE]: the lines that match'],
	['head', 'head [-n N] [FILE]: the first lines (10 unless -n)'],
	['help', 'this list'],
	['history', 'the command lines entered so far'],
	['ls', "list the editor's files (-l: in long format)"],
	['pwd', 'print the working directory'],
	['tail', 'tail [-n N] [FILE]: the last lines (10 unless -n)'],
	['true', 'do nothing, successfully'],
	['unset', 'unset NAME: remove a variable'],
	['wc', 'wc [-l -w -c] [FILE]: count lines, words and bytes']
];

export const help: Program = () => {
	const width = Math.max(...COMMANDS.map(([name]) => name.length)) + 2;
	const list = COMMANDS.map(([name, what]) => `  ${name.padEnd(width)}${what}\n`).join('');
	const syntax =
		'\nThe shell understands quotes, $VAR, $(...), pipes |, &&, ||, ; and # comments.\n' +
		'Redirections, globbing, background jobs and scripts (if, for, functions) are not supported.\n';
	return ok(`Commands:\n${list}${syntax}`);
};
