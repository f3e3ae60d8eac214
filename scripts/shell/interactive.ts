// The shell on a terminal: node:readline with the course's prompt, in-memory history, Tab
// completion through the cli's completer, `> ` continuation lines, Ctrl+C to abandon a line
// ($? 130), Ctrl+D or `exit` to leave. Streams are parameters so a test can drive it in-process.
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { isComplete } from '../../src/lib/cli/shell';
import { complete } from '../../src/lib/cli/complete';
import { promptText } from '../../src/lib/cli/prompt';
import type { ProgramResult, TerminalIo } from '../../src/lib/cli/types';
import type { LocalShell } from './local-shell';
import { stylePrompt } from './prompt-style';
import { toReadline } from './completer';
import { KeyboardInterrupt } from '../../src/lib/cli/interrupt';

export interface TerminalStreams {
	input: Readable;
	output: Writable;
	/** Where stderr goes; the same screen as output on a real terminal. */
	errors: Writable;
	colour: boolean;
}

/** What ANSI terminals (and xterm.js) take for "clear the screen and its scrollback". */
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';
/** bash's code for a line ended by SIGINT. */
const INTERRUPTED = 130;

/** Interface fields readline has but @types/node marks read-only. */
type EditableLine = { line: string; cursor: number; history: string[] };

/** Runs until Ctrl+D or `exit`; resolves with the exit code. */
export function runInteractive(shell: LocalShell, io: TerminalStreams): Promise<number> {
	const { session } = shell;
	let pending: string | undefined;
	let busy = false;
	let interrupted = false;
	let cancelQuestion: (() => void) | undefined;
	let chain = Promise.resolve();

	const rl: Interface = createInterface({
		input: io.input,
		output: io.output,
		terminal: true,
		historySize: 1000,
		completer: (line: string, callback: (err: Error | null, result: [string[], string]) => void) => {
			complete(line, line.length, session, shell.programs).then(
				(completion) => {
					const answer = toReadline(line, completion);
					callback(null, [answer.candidates, answer.replaced]);
					const edit = answer.edit;
					if (edit) {
						for (let i = 0; i < edit.erase; i++) rl.write(null, { name: 'backspace' });
						rl.write(edit.insert);
					}
				},
				// A completer bug must not cost the learner the line they typed.
				() => callback(null, [[], line])
			);
		}
	});
	const editable = rl as unknown as EditableLine;

	const showPrompt = (): void => {
		rl.setPrompt(pending === undefined ? stylePrompt(promptText(session), io.colour) : '> ');
		rl.prompt();
	};

	const terminal: TerminalIo = {
		ask: (question, options) =>
			new Promise<string>((resolve, reject) => {
				const controller = new AbortController();
				let muted = false;
				const restore = mute(rl, () => muted);
				cancelQuestion = () => {
					controller.abort();
					restore();
					reject(new KeyboardInterrupt());
				};
				rl.question(question, { signal: controller.signal }, (answer) => {
					cancelQuestion = undefined;
					restore();
					if (muted) io.output.write('\n');
					// Answers (a secret key above all) are not command lines to recall with Up.
					if (editable.history[0] === answer) editable.history.shift();
					resolve(answer);
				});
				muted = options?.secret === true;
			}),
		write: (text) => io.output.write(text)
	};

	const show = (result: ProgramResult): void => {
		if (result.clearScreen) io.output.write(CLEAR_SCREEN);
		if (result.stdout) io.output.write(result.stdout);
		if (result.stderr) io.errors.write(result.stderr);
	};

	return new Promise<number>((resolve) => {
		const finish = (code: number): void => {
			rl.removeAllListeners('close');
			rl.close();
			resolve(code);
		};

		const onLine = async (line: string): Promise<void> => {
			const text = pending === undefined ? line : `${pending}\n${line}`;
			if (!isComplete(text)) {
				pending = text;
				showPrompt();
				return;
			}
			pending = undefined;
			busy = true;
			interrupted = false;
			const result = await shell.run(text, terminal);
			busy = false;
			if (interrupted) {
				// Ctrl+C already printed ^C; what the line would have printed is dropped with it.
				session.lastExitCode = INTERRUPTED;
			} else {
				show(result);
			}
			if (shell.exit.code !== undefined) {
				io.output.write('exit\n');
				finish(shell.exit.code);
				return;
			}
			showPrompt();
		};

		rl.on('line', (line) => {
			chain = chain.then(() => onLine(line));
		});

		rl.on('SIGINT', () => {
			rl.write(null, { ctrl: true, name: 'e' });
			io.output.write('^C\n');
			if (cancelQuestion) {
				interrupted = true;
				const cancel = cancelQuestion;
				cancelQuestion = undefined;
				cancel();
				return;
			}
			if (busy) {
				interrupted = true;
				return;
			}
			editable.line = '';
			editable.cursor = 0;
			pending = undefined;
			session.lastExitCode = INTERRUPTED;
			showPrompt();
		});

		// Ctrl+D on an empty line (or the input ending). bash says `exit` and leaves with $?.
		rl.on('close', () => {
			chain = chain.then(async () => {
				if (pending !== undefined) {
					// Input ended inside a quote: the parser says what bash says.
					io.output.write('\n');
					show(await shell.run(pending));
				} else {
					io.output.write('exit\n');
				}
				resolve(shell.exit.code ?? session.lastExitCode);
			});
		});

		showPrompt();
	});
}

/** While `muted()` holds, what readline would echo is not written (a secret being typed). */
function mute(rl: Interface, muted: () => boolean): () => void {
	const target = rl as unknown as { _writeToOutput(text: string): void };
	const original = target._writeToOutput;
	target._writeToOutput = function (text: string) {
		if (!muted()) original.call(this, text);
	};
	return () => {
		target._writeToOutput = original;
	};
}
