// The lab's editor files seen as a flat file system under the working directory: paths are
// keys of `session.files` ("Dockerfile", "app/main.py"); "./x" and "x" are the same file.
import type { ShellSession } from '../../types';
import { HOME } from '../session';

export function normalize(path: string): string {
	// The working directory is $HOME, so `~/x` (expanded to /home/learner/x) is the file x.
	const relative = path === HOME ? '' : path.startsWith(`${HOME}/`) ? path.slice(HOME.length + 1) : path;
	return relative
		.split('/')
		.filter((seg) => seg !== '' && seg !== '.')
		.join('/');
}

export function readFile(session: ShellSession, path: string): string | undefined {
	return session.files.get(normalize(path));
}

/** The names directly inside `dir` ('' is the working directory), sorted; undefined if no such directory. */
export function listDir(session: ShellSession, dir: string): string[] | undefined {
	const prefix = dir === '' ? '' : `${dir}/`;
	const names = new Set<string>();
	for (const key of session.files.keys()) {
		const path = normalize(key);
		if (!path.startsWith(prefix) || path === dir) continue;
		const name = path.slice(prefix.length).split('/')[0];
		if (name) names.add(name);
	}
	if (names.size === 0 && dir !== '') return undefined;
	return [...names].sort();
}
