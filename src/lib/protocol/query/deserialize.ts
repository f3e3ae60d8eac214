// awsQuery parameters into the engines' input shapes, following the service model:
//   structure members    Prefix.Member
//   lists                Prefix.member.N (or Prefix.<locationName>.N; Prefix.N when flattened);
//                        `Prefix=` with an empty value is an empty list (what the SDKs send for [])
//   maps                 Prefix.entry.N.key / Prefix.entry.N.value (Prefix.N.key when flattened)
//   scalars              booleans `true`/`false`, integers, ISO-8601 timestamps, base64 blobs.
// A value that does not fit its type is a ValidationError (HTTP 400; unverified wording).
import { fromBase64 } from '../base64';
import { ProtocolError } from '../errors';
import { setOwn } from '../own';
import { memberName, memberRef, memberTraits, resolve, wireName, type ServiceModel } from '../models/shapes';

/** The parameters as a tree of dotted name segments. */
interface Node {
	value?: string;
	children: Map<string, Node>;
}

export function paramTree(params: Map<string, string>): Node {
	const root: Node = { children: new Map() };
	for (const [name, value] of params) {
		let node = root;
		for (const segment of name.split('.')) {
			let child = node.children.get(segment);
			if (!child) {
				child = { children: new Map() };
				node.children.set(segment, child);
			}
			node = child;
		}
		node.value = value;
	}
	return root;
}

const invalid = (path: string, value: string, expected: string) =>
	new ProtocolError('ValidationError', `Value '${value.slice(0, 256)}' at '${path}' failed to satisfy constraint: Member must be ${expected}`);

/** The numbered children of a list or map node, in index order (1, 2, ... as the SDKs write them). */
function numbered(node: Node | undefined): Node[] {
	if (!node) return [];
	return [...node.children.entries()]
		.filter(([k]) => /^[1-9]\d{0,6}$/.test(k))
		.sort(([a], [b]) => Number(a) - Number(b))
		.map(([, n]) => n);
}

function scalar(type: string, value: string, path: string): unknown {
	switch (type) {
		case 'boolean':
			if (value === 'true') return true;
			if (value === 'false') return false;
			throw invalid(path, value, 'a boolean');
		case 'integer':
		case 'long':
		case 'biginteger':
			if (!/^-?\d{1,16}$/.test(value)) throw invalid(path, value, 'an integer');
			return Number(value);
		case 'float':
		case 'double':
		case 'bigdecimal': {
			const n = Number(value);
			if (value.trim() === '' || (Number.isNaN(n) && value !== 'NaN')) throw invalid(path, value, 'a number');
			return n;
		}
		case 'timestamp': {
			// ISO-8601 is the awsQuery default; epoch seconds are accepted as well.
			const ms = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
			if (!Number.isFinite(ms)) throw invalid(path, value, 'a timestamp');
			return new Date(ms);
		}
		case 'blob': {
			const bytes = fromBase64(value);
			if (!bytes) throw invalid(path, value, 'base64-encoded');
			return bytes;
		}
		default:
			return value;
	}
}

/** One parameter subtree converted to the engines' input form; undefined when absent. */
export function readQuery(model: ServiceModel, ref: string, node: Node | undefined, path: string, flattened = false): unknown {
	if (!node) return undefined;
	const r = resolve(model, ref);
	if (r.kind === 'scalar') return node.value === undefined ? undefined : scalar(r.type, node.value, path);
	const shape = r.shape;
	if (shape.type === 'list') {
		// `Name=` alone is the empty list.
		if (node.children.size === 0) return node.value === '' ? [] : undefined;
		const items = flattened || shape.flattened ? numbered(node) : numbered(node.children.get(shape.memberName ?? 'member'));
		return items.map((n, i) => readQuery(model, shape.member, n, `${path}.${i + 1}`)).filter((v) => v !== undefined);
	}
	if (shape.type === 'map') {
		if (node.children.size === 0) return node.value === '' ? {} : undefined;
		const out: Record<string, unknown> = {};
		const entries = flattened || shape.flattened ? numbered(node) : numbered(node.children.get('entry'));
		for (const entry of entries) {
			const key = entry.children.get(shape.keyName ?? 'key')?.value;
			if (key === undefined) continue;
			const value = readQuery(model, shape.value, entry.children.get(shape.valueName ?? 'value'), `${path}.${key}`);
			if (value !== undefined) setOwn(out, key, value);
		}
		return out;
	}
	const out: Record<string, unknown> = {};
	for (const m of shape.members) {
		const name = wireName(m);
		const value = readQuery(model, memberRef(m), node.children.get(name), path ? `${path}.${memberName(m)}` : memberName(m), memberTraits(m).flattened);
		if (value !== undefined) out[memberName(m)] = value;
	}
	return out;
}
