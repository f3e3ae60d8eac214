// Paths from the lab's editor files (session.files), one directory level at a time like bash:
// `ap` → `app/`, then `app/` → `app/main.py`. `./x` and `x` are the same file, as for `cat`.
import type { ShellSession } from '../types';

const clean = (path: string): string =>
	path
		.split('/')
		.filter((seg) => seg !== '' && seg !== '.')
		.join('/');

/**
 * Paths that complete `typed` (with its `prefix`, such as `file://`, kept in front). With
 * `dirsOnly`, only directories (for `docker build`'s context).
 */
export function pathCandidates(session: ShellSession, typed: string, prefix = '', dirsOnly = false): string[] {
	if (!typed.startsWith(prefix)) return [];
	const path = typed.slice(prefix.length);
	// Keep what the learner typed before the last '/' verbatim ("./", "/"), match the rest.
	const lead = /^(\.\/|\/)*/.exec(path)?.[0] ?? '';
	const want = path.slice(lead.length);
	const out = new Set<string>();
	for (const key of session.files.keys()) {
		const file = clean(key);
		if (!file.startsWith(want)) continue;
		const slash = file.indexOf('/', want.length);
		if (slash >= 0) out.add(`${prefix}${lead}${file.slice(0, slash + 1)}`);
		else if (!dirsOnly) out.add(`${prefix}${lead}${file}`);
	}
	return [...out];
}
