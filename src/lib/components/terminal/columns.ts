// Completion candidates listed as bash lists them on a second Tab: in columns, sorted down each
// column first, each column as wide as the longest candidate plus two spaces.

export function listInColumns(candidates: readonly string[], width: number): string {
	if (!candidates.length) return '';
	const cell = Math.max(...candidates.map((c) => [...c].length)) + 2;
	const cols = Math.max(1, Math.floor(width / cell));
	const rows = Math.ceil(candidates.length / cols);
	const lines: string[] = [];
	for (let r = 0; r < rows; r++) {
		const row: string[] = [];
		for (let c = 0; c < cols; c++) {
			const item = candidates[c * rows + r];
			if (item !== undefined) row.push(item);
		}
		lines.push(row.map((item, i) => (i === row.length - 1 ? item : item.padEnd(cell + item.length - [...item].length))).join(''));
	}
	return lines.join('\r\n') + '\r\n';
}

/** The longest start every candidate shares. */
export function commonPrefix(candidates: readonly string[]): string {
	if (!candidates.length) return '';
	let prefix = candidates[0] as string;
	for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}
