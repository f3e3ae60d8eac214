// `cat [FILE|-]...`: the editor's files, or stdin; a missing file is reported and skipped, as coreutils does.
import type { Program } from '../../types';
import { listDir, normalize, readFile } from './files';

export const cat: Program = (args, { stdin, session }) => {
	let stdout = '';
	let stderr = '';
	let exitCode = 0;
	let numbered = false;
	for (const a of args) {
		if (!a.startsWith('-') || a === '-' || a === '--') continue;
		const bad = a.startsWith('--') ? `unrecognized option '${a}'` : [...a.slice(1)].find((f) => f !== 'n');
		if (bad !== undefined) {
			const message = a.startsWith('--') ? bad : `invalid option -- '${bad}'`;
			return { stdout: '', stderr: `cat: ${message}\nTry 'cat --help' for more information.\n`, exitCode: 1 };
		}
		numbered = true;
	}
	const paths = args.filter((a) => a === '-' || !a.startsWith('-'));
	if (paths.length === 0) paths.push('-');
	for (const path of paths) {
		if (path === '-') {
			stdout += stdin;
			continue;
		}
		const text = readFile(session, path);
		if (text !== undefined) stdout += text;
		else {
			const isDir = normalize(path) === '' || listDir(session, normalize(path)) !== undefined;
			stderr += `cat: ${path}: ${isDir ? 'Is a directory' : 'No such file or directory'}\n`;
			exitCode = 1;
		}
	}
	return { stdout: numbered ? numberLines(stdout) : stdout, stderr, exitCode };
};

/** `cat -n`: GNU's six-column line numbers and a tab; a last line without newline is numbered too. */
function numberLines(text: string): string {
	if (text === '') return '';
	const lines = text.split('\n');
	const last = lines.pop();
	const numbered = lines.map((line, i) => `${String(i + 1).padStart(6)}\t${line}\n`);
	if (last) numbered.push(`${String(lines.length + 1).padStart(6)}\t${last}`);
	return numbered.join('');
}
