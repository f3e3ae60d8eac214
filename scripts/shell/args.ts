// The shell's command line: `[-c LINE] [--clock real|frozen] [--now ISO] [--help]`. Kept apart
// from main so a test can check what it accepts without starting a shell.
import { parseArgs } from 'node:util';

export type ClockMode = 'real' | 'frozen';

export interface ShellArgs {
	/** `-c LINE`: run this one line and exit with its code. */
	command?: string;
	clock: ClockMode;
	/** Where the world's clock starts; the wall time when absent (as the endpoint does). */
	now?: string;
	help: boolean;
}

export const USAGE = 'usage: npm run shell -- [-c LINE] [--clock real|frozen] [--now 2026-01-15T09:30:00Z]';

export const HELP = `${USAGE}

The course's terminal (aws, docker, cat, ls, echo, export, ...) over a fresh simulated world
(account 123456789012) that lives as long as the shell does.

  -c LINE        run one command line, print its output and exit with its exit code
  --clock MODE   real (default): the world's clock follows the wall clock;
                 frozen: it stays at --now
  --now ISO      where the world's clock starts (default: now)
  -h, --help     this text

On a terminal it is interactive: Tab completes, Up/Down recall lines, Ctrl+C abandons the
line, Ctrl+D or \`exit [n]\` ends. When stdin is not a terminal it runs one command line per
input line, prints what the course's terminal would, and exits with the last line's exit code;
questions (aws configure) are answered by the next input lines.

Files: the working directory is the editor's file tree, read-only and read afresh each time.
\`cat x\`, \`ls\`, \`file://x\`, \`--template-file x\` and \`docker build .\` read the real files under
the directory the shell was started in (paths outside it, and node_modules and .git, are not
visible). Nothing the shell does writes to the disk.`;

/** Parses the arguments, throwing an Error whose message is fit to print with the usage line. */
export function parseShellArgs(argv: string[]): ShellArgs {
	const { values, positionals } = parseArgs({
		args: argv,
		options: {
			c: { type: 'string', short: 'c' },
			clock: { type: 'string' },
			now: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		},
		strict: true,
		allowPositionals: true
	});
	if (positionals.length > 0) throw new Error(`unexpected argument: ${positionals[0]} (run one line with -c '<line>')`);
	const clock = values.clock ?? 'real';
	if (clock !== 'real' && clock !== 'frozen') throw new Error(`--clock must be real or frozen, not ${clock}`);
	if (values.now !== undefined && !Number.isFinite(Date.parse(values.now))) throw new Error(`--now must be an ISO 8601 date-time, not ${values.now}`);
	return {
		clock,
		help: values.help ?? false,
		...(values.c !== undefined ? { command: values.c } : {}),
		...(values.now !== undefined ? { now: values.now } : {})
	};
}
