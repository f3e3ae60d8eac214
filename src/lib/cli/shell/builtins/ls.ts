// `ls [-1al] [PATH]...`: one name a line (what `ls` prints when its output is not a terminal,
// which is also what pipes expect). Missing paths: exit 2, as GNU ls. `-l` dates every file
// at the world's virtual clock: the editor's files have no times of their own.
import type { Program, ShellSession } from '../../types';
import { listDir, normalize, readFile } from './files';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const ls: Program = (args, { session }) => {
	const paths: string[] = [];
	let long = false;
	for (const a of args) {
		if (a.startsWith('--')) return usage(`unrecognized option '${a}'`);
		if (a.startsWith('-') && a !== '-') {
			const bad = [...a.slice(1)].find((f) => f !== '1' && f !== 'a' && f !== 'l');
			if (bad !== undefined) return usage(`invalid option -- '${bad}'`);
			if (a.includes('l')) long = true;
		} else paths.push(a);
	}
	if (paths.length === 0) paths.push('.');
	let stderr = '';
	const files: string[] = [];
	const dirs: [string, string[]][] = [];
	for (const path of paths) {
		const entries = listDir(session, normalize(path));
		if (readFile(session, path) !== undefined) files.push(path);
		else if (entries !== undefined) dirs.push([path, entries]);
		else stderr += `ls: cannot access '${path}': No such file or directory\n`;
	}
	const show = (names: string[], dir: string, total: boolean): string => (long ? longListing(session, names, dir, total) : names.map((n) => `${n}\n`).join(''));
	const blocks: string[] = [];
	if (files.length > 0) blocks.push(show(files.sort(), '', false));
	const titled = paths.length > 1;
	for (const [path, entries] of dirs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		blocks.push((titled ? `${path}:\n` : '') + show(entries, normalize(path), true));
	}
	return { stdout: blocks.join('\n'), stderr, exitCode: stderr ? 2 : 0 };
};

const usage = (message: string) => ({ stdout: '', stderr: `ls: ${message}\nTry 'ls --help' for more information.\n`, exitCode: 2 });

/** GNU's `ls -l` columns; `total` counts 4 KiB blocks as GNU does by default (1K units). */
function longListing(session: ShellSession, names: string[], dir: string, withTotal: boolean): string {
	const rows = names.map((name) => {
		const path = dir === '' ? name : `${dir}/${name}`;
		const text = readFile(session, path);
		const size = text === undefined ? 4096 : new TextEncoder().encode(text).length;
		return { name, size, mode: text === undefined ? 'drwxr-xr-x 2' : '-rw-r--r-- 1' };
	});
	const width = Math.max(0, ...rows.map((r) => String(r.size).length));
	const when = stamp(session.world.clock.now());
	const lines = rows.map((r) => `${r.mode} learner learner ${String(r.size).padStart(width)} ${when} ${r.name}\n`);
	const total = rows.reduce((sum, r) => sum + Math.ceil(r.size / 4096) * 4, 0);
	return (withTotal ? `total ${total}\n` : '') + lines.join('');
}

/** `Nov 23 10:00` in UTC. */
function stamp(d: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${MONTHS[d.getUTCMonth()] ?? ''} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
