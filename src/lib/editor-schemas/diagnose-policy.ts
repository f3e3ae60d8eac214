// IAM's (or SetRepositoryPolicy's) verdict on a policy document, placed on the element at fault.
// The engine's parser gives AWS's code and message (for a repository policy one sentence for
// every fault) plus a `detail` naming the element ("Statement[1].Effect must be ..."); the
// detail is what places the marker, and it is shown under AWS's message.
import { tryParsePolicy, type PolicyKind } from '$lib/engines/iam';
import { toPointer, type PathSegment } from '$lib/engines/cloudformation/template/source-map';
import { readJsonSource, tokenRange } from './json-source';
import type { Marker } from './types';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Json, key: string): Json => (isObject(o) && Object.hasOwn(o, key) ? o[key] : undefined);

export function diagnosePolicy(text: string, kind: Extract<PolicyKind, 'identity' | 'repository'>): Marker[] {
	const result = tryParsePolicy(text, kind);
	if (result.ok) return [];
	const { error } = result;
	const source = kind === 'repository' ? 'ECR SetRepositoryPolicy' : 'IAM CreatePolicy';
	const message = `${error.code}: ${error.message}\n${error.detail}`;
	const json = readJsonSource(text);
	if (!json.ok) return [{ severity: 'error', message, source, ...tokenRange(text, json.position.line, json.position.column) }];
	const path = policyFaultPath(json.value, error.detail);
	const prefer = typeof path[path.length - 1] === 'number' ? 'value' : 'key';
	const where = json.map.locate(toPointer(path), prefer);
	return [{ severity: 'error', message, source, ...tokenRange(text, where.line ?? 1, where.column ?? 1) }];
}

/** The JSON path of the element a parser detail is about. */
export function policyFaultPath(document: Json, detail: string): PathSegment[] {
	const top = /unknown top-level element "([^"]+)"/.exec(detail)?.[1] ?? /^(Version|Id)\b/.exec(detail)?.[1];
	if (top && own(document, top) !== undefined) return [top];
	const statement = /Statement\[(\d+)\]((?:\.[^\s.:[]+(?::[^\s.[]+)?)*)(?:\[(\d+)\])?/.exec(detail);
	if (!statement) return own(document, 'Statement') !== undefined ? ['Statement'] : [];

	const list = own(document, 'Statement');
	const index = Number(statement[1]);
	const path: PathSegment[] = Array.isArray(list) ? ['Statement', index] : ['Statement'];
	let node: Json = Array.isArray(list) ? list[index] : list;
	const dotted = (statement[2] ?? '').split('.').filter(Boolean);
	for (const segment of dotted) {
		if (own(node, segment) === undefined) break;
		path.push(segment);
		node = own(node, segment);
	}
	if (statement[3] !== undefined && Array.isArray(node)) return [...path, Number(statement[3])];
	if (dotted.length > 0) return path;

	// Details that name the element in words rather than as a path.
	const named =
		/unknown element "([^"]+)"/.exec(detail)?.[1] ??
		/has both \w+ and (\w+)/.exec(detail)?.[1] ??
		/has a (\w+) element/.exec(detail)?.[1] ??
		/^Statement\[\d+\]: (Effect|Sid)\b/.exec(detail)?.[1] ??
		/: Effect must be/.exec(detail)?.[0]?.replace(/: (\w+).*/, '$1');
	if (named && own(node, named) !== undefined) return [...path, named];
	const operator = /"([^"]+)" is not a condition operator/.exec(detail)?.[1];
	if (operator && own(own(node, 'Condition'), operator) !== undefined) return [...path, 'Condition', operator];
	const quoted = /(?:action|Resource|NotResource) "([^"]*)"|"([^"]*)" is not a service prefix/.exec(detail);
	if (quoted) {
		const text = quoted[1] ?? quoted[2] ?? '';
		for (const element of ['Action', 'NotAction', 'Resource', 'NotResource']) {
			const value = own(node, element);
			const items = Array.isArray(value) ? value : [value];
			const at = items.findIndex((v) => typeof v === 'string' && (v === text || v.startsWith(text + ':')));
			if (at >= 0) return Array.isArray(value) ? [...path, element, at] : [...path, element];
		}
	}
	const condition = /(\w+) value "[^"]*" for (\S+) is not/.exec(detail);
	if (condition && own(own(node, 'Condition'), condition[1] ?? '') !== undefined) {
		const keyPath: PathSegment[] = [...path, 'Condition', condition[1] ?? ''];
		return own(own(own(node, 'Condition'), condition[1] ?? ''), condition[2] ?? '') !== undefined ? [...keyPath, condition[2] ?? ''] : keyPath;
	}
	return path;
}
