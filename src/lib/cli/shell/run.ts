// Runs one command line: parse, then each pipeline in order with `&&`/`||`/`;` semantics,
// each stage's stdout fed to the next one's stdin. Nothing the learner types is evaluated as
// JavaScript: words only ever select a Program from the table by name.
import type { Command, List, Pipeline } from './ast';
import type { Program, ProgramIo, ProgramResult, ShellSession, TerminalIo } from '../types';
import { expandFields, expandString, type ExpandContext } from './expand';
import { parse, ShellSyntaxError } from './parse';
import { getVar, setVar } from './vars';
import { builtins } from './builtins';

/** Output gathered while a line runs. */
interface Output {
	stdout: string;
	stderr: string;
	clearScreen: boolean;
}

interface Run {
	session: ShellSession;
	programs: Record<string, Program>;
	terminal?: TerminalIo;
}

/** Parses and runs `line`; always resolves (a program that throws becomes exit code 1). */
export async function runLine(line: string, session: ShellSession, programs: Record<string, Program>, terminal?: TerminalIo): Promise<ProgramResult> {
	const trimmed = line.replace(/\n+$/, '');
	if (trimmed.trim() !== '') session.history.push(trimmed);
	let list: List;
	try {
		list = parse(trimmed);
	} catch (e) {
		session.lastExitCode = 2;
		const message = e instanceof ShellSyntaxError ? e.message : 'bash: syntax error';
		return { stdout: '', stderr: `${message}\n`, exitCode: 2 };
	}
	const out: Output = { stdout: '', stderr: '', clearScreen: false };
	await runList(list, terminal ? { session, programs, terminal } : { session, programs }, out);
	const result: ProgramResult = { stdout: out.stdout, stderr: out.stderr, exitCode: session.lastExitCode };
	if (out.clearScreen) result.clearScreen = true;
	return result;
}

async function runList(list: List, run: Run, out: Output): Promise<void> {
	for (const { op, pipeline } of list.items) {
		const status = run.session.lastExitCode;
		if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
		run.session.lastExitCode = await runPipeline(pipeline, run, out);
	}
}

async function runPipeline(pipeline: Pipeline, run: Run, out: Output): Promise<number> {
	let stdin = '';
	let status = 0;
	for (const [i, command] of pipeline.commands.entries()) {
		// Only the first stage reads the keyboard; later ones read the pipe, as in a real shell.
		const result = await runCommand(command, stdin, i === 0 ? run : withoutTerminal(run), out);
		status = result.exitCode;
		if (result.clearScreen) {
			// What was printed before `clear` is wiped from the screen with it.
			out.stdout = '';
			out.stderr = '';
			out.clearScreen = true;
		}
		out.stderr += result.stderr;
		if (i === pipeline.commands.length - 1) out.stdout += result.stdout;
		else stdin = result.stdout;
	}
	return status;
}

async function runCommand(command: Command, stdin: string, run: Run, out: Output): Promise<ProgramResult> {
	const { session } = run;
	// `x=$(false)` alone leaves $? at 1, as in bash: remember the last substitution's status.
	let substituted: number | undefined;
	const ctx: ExpandContext = {
		lookup: (name) => getVar(session, name),
		substitute: async (list) => {
			const inner: Output = { stdout: '', stderr: '', clearScreen: false };
			await runList(list, withoutTerminal(run), inner);
			out.stderr += inner.stderr;
			substituted = session.lastExitCode;
			return inner.stdout;
		}
	};
	const assigns: [string, string][] = [];
	for (const a of command.assigns) assigns.push([a.name, await expandString(a.value, ctx)]);
	const words: string[] = [];
	for (const w of command.words) words.push(...(await expandFields(w, ctx)));

	const [name, ...args] = words;
	if (name === undefined) {
		for (const [k, v] of assigns) setVar(session, k, v);
		return { stdout: '', stderr: '', exitCode: substituted ?? 0 };
	}
	const program = lookupProgram(name, run.programs);
	if (!program) return { stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
	const terminal = run.terminal ? flushingTerminal(run.terminal, out) : undefined;
	return withEnv(session, assigns, () => call(name, program, args, { stdin, session, ...(terminal ? { terminal } : {}) }));
}

function withoutTerminal(run: Run): Run {
	return { session: run.session, programs: run.programs };
}

/** Before a question is asked, what the line printed so far goes to the screen. */
function flushingTerminal(terminal: TerminalIo, out: Output): TerminalIo {
	const flush = () => {
		const text = out.stdout + out.stderr;
		out.stdout = '';
		out.stderr = '';
		if (text) terminal.write(text);
	};
	return {
		ask: (question, options) => {
			flush();
			return terminal.ask(question, options);
		},
		write: (text) => {
			flush();
			terminal.write(text);
		}
	};
}

/** Own properties only: `constructor` or `__proto__` typed at the prompt must not find anything. */
function lookupProgram(name: string, programs: Record<string, Program>): Program | undefined {
	if (Object.hasOwn(programs, name)) return programs[name];
	return builtins.get(name);
}

/** `FOO=bar cmd`: FOO is in the environment for cmd only, then restored. */
async function withEnv(session: ShellSession, assigns: [string, string][], body: () => Promise<ProgramResult>): Promise<ProgramResult> {
	const saved = assigns.map(([k]) => [k, session.env.get(k)] as const);
	for (const [k, v] of assigns) session.env.set(k, v);
	try {
		return await body();
	} finally {
		for (const [k, v] of saved.reverse()) {
			if (v === undefined) session.env.delete(k);
			else session.env.set(k, v);
		}
	}
}

async function call(name: string, program: Program, args: string[], io: ProgramIo): Promise<ProgramResult> {
	try {
		return await program(args, io);
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		return { stdout: '', stderr: `${name}: internal error: ${message}\n`, exitCode: 1 };
	}
}
