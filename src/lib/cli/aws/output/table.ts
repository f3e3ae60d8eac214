// `--output table`: a port of awscli's TableFormatter (formatter.py) and MultiTable (table.py) for
// an 80-column terminal without colour. Sections per nested key, column widths scaled to the
// widest section, and sections too wide for the terminal turned into key/value rows.
import type { Json } from '../args';

const TERMINAL_WIDTH = 80;

/** Python's str() of a value the table shows. */
function str(v: Json | undefined): string {
	if (v === undefined) return '';
	if (v === null) return 'None';
	if (typeof v === 'boolean') return v ? 'True' : 'False';
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}

// Python truthiness: empty containers, '', 0, False and None print nothing.
const truthy = (v: Json): boolean => (Array.isArray(v) ? v.length > 0 : v !== null && typeof v === 'object' ? Object.keys(v).length > 0 : Boolean(v));
const isScalar = (v: Json | undefined): boolean => v === undefined || v === null || typeof v !== 'object';
const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Python 3 round(): halves go to the even neighbour. */
function pyRound(x: number): number {
	const f = Math.floor(x);
	const d = x - f;
	if (d > 0.5) return f + 1;
	if (d < 0.5) return f;
	return f % 2 === 0 ? f : f + 1;
}

class Section {
	title = '';
	headers: string[] = [];
	rows: string[][] = [];
	indent = 0;
	maxWidths: number[] = [];

	addHeader(headers: string[]): void {
		this.update(headers);
		this.headers = headers;
	}
	addRow(row: Json[]): void {
		const r = row.map(str);
		this.rows.push(r);
		this.update(r);
	}
	update(row: string[]): void {
		if (this.maxWidths.length === 0) this.maxWidths = row.map((e) => e.length);
		else row.forEach((e, i) => (this.maxWidths[i] = Math.max(e.length, this.maxWidths[i] ?? 0)));
	}
	columnWidths(padding: number, maxWidth?: number): number[] {
		const unscaled = this.maxWidths.map((w) => w + padding);
		if (maxWidth === undefined || unscaled.length === 0) return unscaled;
		const factor = maxWidth / unscaled.reduce((a, b) => a + b, 0);
		const scaled = unscaled.map((w) => pyRound(factor * w));
		let off = scaled.reduce((a, b) => a + b, 0) - maxWidth;
		while (off !== 0) {
			const order = scaled.map((_, i) => i);
			if (off < 0) order.reverse();
			for (const i of order) {
				if (off > 0) { scaled[i] = (scaled[i] ?? 0) - 1; off--; } else { scaled[i] = (scaled[i] ?? 0) + 1; off++; }
				if (off === 0) break;
			}
		}
		return scaled;
	}
	totalWidth(padding: number, outer: number): number {
		const total = this.columnWidths(0).reduce((a, w) => a + w + padding, 0) + 2 + 2 * outer;
		return Math.max(this.title.length + 2 + 2 * outer, total);
	}
}

function center(text: string, length: number, left: string, right: string): string {
	const start = Math.floor(length / 2) - Math.floor(text.length / 2) - 1;
	const soFar = left.length + start + text.length;
	return left + ' '.repeat(Math.max(0, start)) + text + ' '.repeat(Math.max(0, length - right.length - soFar)) + right;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
	const padding = length - (text.length + 2 + left.length + right.length) >= 0 ? 2 : 0;
	const soFar = left.length + padding + text.length;
	return left + ' '.repeat(padding) + text + ' '.repeat(Math.max(0, length - soFar - right.length)) + right;
}

class Builder {
	sections: Section[] = [];
	current = new Section();

	newSection(title: string, indent: number): void {
		this.current = new Section();
		this.current.title = title;
		this.current.indent = indent;
		this.sections.push(this.current);
	}

	build(title: string | undefined, current: Json, indent = 0): boolean {
		if (!truthy(current)) return false;
		if (title !== undefined) this.newSection(title, indent);
		if (Array.isArray(current)) {
			const first = current[0];
			if (first !== null && typeof first === 'object' && !Array.isArray(first)) this.fromList(current, indent, title ?? '');
			else
				for (const item of current) {
					if (isScalar(item)) this.current.addRow([item]);
					else if (Array.isArray(item) && item.every(isScalar)) this.current.addRow(item);
					else this.build(undefined, item);
				}
		} else if (current !== null && typeof current === 'object') this.fromDict(current, indent);
		return true;
	}

	group(d: { [k: string]: Json }): [string[], string[]] {
		const headers: string[] = [], more: string[] = [];
		for (const [k, v] of Object.entries(d)) (isScalar(v) ? headers : more).push(k);
		return [sorted(headers), sorted(more)];
	}

	fromDict(d: { [k: string]: Json }, indent: number): void {
		const [headers, more] = this.group(d);
		const only = headers.length === 1 ? headers[0] : undefined;
		if (only !== undefined) this.current.addRow([only, d[only] ?? null]);
		else if (headers.length) {
			this.current.addHeader(headers);
			this.current.addRow(headers.map((h) => d[h] ?? null));
		}
		for (const k of more) this.build(k, d[k] ?? null, indent + 1);
	}

	fromList(list: Json[], indent: number, title: string): void {
		const hs = new Set<string>(), ms = new Set<string>();
		for (const e of list)
			if (e !== null && typeof e === 'object' && !Array.isArray(e)) {
				const [h, m] = this.group(e);
				h.forEach((x) => hs.add(x));
				m.forEach((x) => ms.add(x));
			}
		const headers = sorted(hs), more = sorted(ms);
		this.current.addHeader(headers);
		let first = true;
		for (const e of list) {
			const d = e !== null && typeof e === 'object' && !Array.isArray(e) ? e : {};
			if (!first && more.length) {
				this.newSection(title, indent);
				this.current.addHeader(headers);
			}
			first = false;
			this.current.addRow(headers.map((h) => (h in d ? d[h] ?? null : '')));
			for (const k of more) if (k in d) this.build(k, d[k] ?? null, indent + 1);
		}
	}
}

function verticalize(sections: Section[]): void {
	sections.forEach((s, i) => {
		const row = s.rows[0];
		if (s.rows.length !== 1 || !s.headers.length || !row) return;
		const n = new Section();
		n.title = s.title;
		n.indent = s.indent;
		s.headers.forEach((h, j) => n.addRow([h, row[j] ?? '']));
		sections[i] = n;
	});
}

export function formatTable(v: Json, title: string): string {
	const b = new Builder();
	if (!b.build(title, v)) return '';
	const sections = b.sections;
	const width = () => Math.max(...sections.map((s) => s.totalWidth(4, s.indent)));
	let max = width();
	if (max > TERMINAL_WIDTH) {
		verticalize(sections);
		max = width();
	}
	const out: string[] = ['-'.repeat(max) + '\n'];
	for (const s of sections) {
		const edge = '|'.repeat(s.indent);
		const write = (line: string) => out.push(edge + line + edge + '\n');
		const w = max - s.indent * 2;
		const lineBreak = (widths: number[]) => write(widths.map((x, i) => (i === 0 ? `+${'-'.repeat(x - 2)}+` : `${'-'.repeat(x - 1)}+`)).join(''));
		if (s.title) {
			write(center(s.title, w, '|', '|'));
			if (!s.headers.length && !s.rows.length) write(`+${'-'.repeat(w - 2)}+`);
		}
		if (s.headers.length) {
			const widths = s.columnWidths(4, w);
			lineBreak(widths);
			write(widths.map((x, i) => center(s.headers[i] ?? '', x, i === 0 ? '|' : '', '|')).join(''));
		}
		if (s.rows.length) {
			const widths = s.columnWidths(4, w);
			if (!widths.length) continue;
			lineBreak(widths);
			for (const row of s.rows) write(widths.map((x, i) => alignLeft(row[i] ?? '', x, i === 0 ? '|' : '', '|')).join(''));
			lineBreak(widths);
		}
	}
	return out.join('');
}
