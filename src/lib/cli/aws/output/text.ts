// `--output text`: a port of awscli/text.py. Scalars of a dict go on one tab-separated line in
// key order (after the upper-cased key that led there); nested dicts and lists follow as their
// own lines; a list of dicts shares one sorted set of scalar keys.
import type { Json } from '../args';

const isAggregate = (v: Json): boolean => v !== null && typeof v === 'object';

function str(v: Json): string {
	if (v === null) return 'None';
	if (typeof v === 'boolean') return v ? 'True' : 'False';
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}

export function formatText(v: Json): string {
	const out: string[] = [];
	format(v, out, undefined, undefined);
	return out.join('');
}

function format(item: Json, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
	if (Array.isArray(item)) return formatList(item, out, identifier);
	if (item !== null && typeof item === 'object') return formatDict(item, out, identifier, scalarKeys);
	out.push(`${str(item)}\n`);
}

function formatList(items: Json[], out: string[], identifier: string | undefined): void {
	if (items.length === 0) return;
	if (items.some((e) => e !== null && typeof e === 'object' && !Array.isArray(e))) {
		const keys = new Set<string>();
		for (const e of items) if (e !== null && typeof e === 'object' && !Array.isArray(e)) for (const [k, x] of Object.entries(e)) if (!isAggregate(x)) keys.add(k);
		const all = [...keys].sort();
		for (const e of items) format(e, out, identifier, all);
	} else if (items.some((e) => Array.isArray(e))) {
		const scalars = items.filter((e) => !isAggregate(e));
		if (scalars.length) formatScalarList(scalars, out, identifier);
		for (const e of items.filter(isAggregate)) format(e, out, identifier, undefined);
	} else formatScalarList(items, out, identifier);
}

function formatScalarList(items: Json[], out: string[], identifier: string | undefined): void {
	if (identifier !== undefined) for (const e of items) out.push(`${identifier.toUpperCase()}\t${str(e)}\n`);
	else out.push(`${items.map(str).join('\t')}\n`);
}

function formatDict(item: { [k: string]: Json }, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
	const scalars: string[] = [];
	const nested: [string, Json][] = [];
	if (scalarKeys === undefined) {
		for (const [k, v] of Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) (isAggregate(v) ? nested.push([k, v]) : scalars.push(str(v)));
	} else {
		for (const k of scalarKeys) { const v = item[k]; scalars.push(v === undefined ? '' : str(v)); }
		for (const [k, v] of Object.entries(item).filter(([k]) => !scalarKeys.includes(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) nested.push([k, v]);
	}
	if (scalars.length) out.push(`${(identifier !== undefined ? [identifier.toUpperCase(), ...scalars] : scalars).join('\t')}\n`);
	for (const [k, v] of nested) format(v, out, k, undefined);
}
