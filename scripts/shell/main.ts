// `npm run shell -- [-c LINE] [--clock real|frozen] [--now ISO]`: the course's terminal in a
// local one, over a fresh world. Run through run.mjs, which bundles this file for Node.
import { createInterface } from 'node:readline';
import { HELP, parseShellArgs, USAGE, type ShellArgs } from './args';
import { DirectoryFiles } from './directory-files';
import { createLocalShell } from './local-shell';
import { runLines } from './line-mode';
import { runInteractive } from './interactive';
import { supportsColour } from './prompt-style';

let args: ShellArgs;
try {
	args = parseShellArgs(process.argv.slice(2));
} catch (e) {
	console.error(`shell: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
	process.exit(2);
}
if (args.help) {
	console.log(HELP);
	process.exit(0);
}

// `npm run` starts scripts in the package's folder; the learner's folder is INIT_CWD.
const dir = process.env.npm_lifecycle_event === 'shell' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
const shell = createLocalShell({ clock: args.clock, files: new DirectoryFiles(dir), ...(args.now !== undefined ? { now: args.now } : {}) });

/** Ends once both streams have flushed: a pipe reader must get every byte before the exit. */
async function exitWith(code: number): Promise<never> {
	await Promise.all([new Promise((r) => process.stdout.write('', r)), new Promise((r) => process.stderr.write('', r))]);
	process.exit(code);
}

const out = { stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) };

if (args.command !== undefined) {
	// No terminal: as bash -c, questions would read stdin; the cli reads its `stdin` ('' here).
	const result = await shell.run(args.command);
	if (result.stdout) out.stdout(result.stdout);
	if (result.stderr) out.stderr(result.stderr);
	await exitWith(shell.exit.code ?? result.exitCode);
} else if (process.stdin.isTTY && process.stdout.isTTY) {
	await exitWith(await runInteractive(shell, { input: process.stdin, output: process.stdout, errors: process.stderr, colour: supportsColour(process.stdout, process.env) }));
} else {
	const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })[Symbol.asyncIterator]();
	await exitWith(await runLines(lines, shell, out));
}
