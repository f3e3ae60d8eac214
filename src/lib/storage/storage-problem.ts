// Turns a storage failure into the sentence the page shows, once the store has fallen back to
// keeping the learner's work in memory.

const inner = (err: unknown): unknown => (err && typeof err === 'object' && 'inner' in err && (err as { inner: unknown }).inner) || undefined;

function names(err: unknown): string[] {
	const out: string[] = [];
	// Dexie wraps the browser's error (AbortError → inner QuotaExceededError), sometimes twice.
	for (let e = err, depth = 0; e && depth < 4; e = inner(e), depth++) {
		if (typeof e === 'object' && 'name' in e && typeof (e as { name: unknown }).name === 'string') out.push((e as { name: string }).name);
	}
	return out;
}

export function storageProblem(err: unknown): string {
	const all = names(err);
	const tail = 'Your work in this lab is kept in this tab only, and is lost when you close it.';
	if (all.includes('QuotaExceededError')) return `The browser's storage for this site is full, so saving stopped. ${tail}`;
	if (all.includes('MissingAPIError') || all.includes('InvalidStateError') || all.includes('SecurityError'))
		return `This browser isn't letting the site save anything (private browsing can do this). ${tail}`;
	if (all.includes('VersionError') || all.includes('DatabaseClosedError') || all.includes('BlockedError'))
		return `Another tab with an older version of this course is holding the saved data. Close the other tabs of this course and reload. ${tail}`;
	return `Saving failed (${all[0] ?? 'unknown error'}). ${tail}`;
}
