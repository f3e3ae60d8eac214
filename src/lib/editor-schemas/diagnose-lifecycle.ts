// PutLifecyclePolicy's verdict on the editor's text, placed on the node at fault. The engine's
// validator is the authority on whether and why a policy fails (AWS's exact message); it does
// not say where, so this file works that out: the rule a message names, or the first rule that
// fails the same way on its own, then the field the message is about.
import { AwsError } from '$lib/engines/errors';
import { parseLifecyclePolicy } from '$lib/engines/ecr/lifecycle';
import { toPointer, type PathSegment } from '$lib/engines/cloudformation/template/source-map';
import { readJsonSource, tokenRange } from './json-source';
import type { Marker } from './types';

const SOURCE = 'ECR PutLifecyclePolicy';
const DETAIL_PREFIX = 'Lifecycle policy validation failure: ';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Json, key: string): Json => (isObject(o) && Object.hasOwn(o, key) ? o[key] : undefined);

export function diagnoseLifecyclePolicy(text: string): Marker[] {
	let error: AwsError;
	try {
		parseLifecyclePolicy(text);
		return [];
	} catch (e) {
		if (!(e instanceof AwsError)) throw e;
		error = e;
	}
	const message = `${error.code}: ${error.message}`;
	const at = (line: number, column: number): Marker[] => [{ severity: 'error', message, source: SOURCE, ...tokenRange(text, line, column) }];

	const source = readJsonSource(text);
	if (!source.ok) {
		return [{ severity: 'error', message: `${message}\n(The text is not JSON: ${source.reason}.)`, source: SOURCE, ...tokenRange(text, source.position.line, source.position.column) }];
	}
	const detail = detailOf(error.message);
	const path = faultPath(source.value, detail);
	const prefer = path.length > 0 && typeof path[path.length - 1] === 'number' ? 'value' : 'key';
	const where = source.map.locate(toPointer(path), prefer);
	return at(where.line ?? 1, where.column ?? 1);
}

function detailOf(message: string): string {
	const i = message.indexOf(DETAIL_PREFIX);
	return i < 0 ? message : message.slice(i + DETAIL_PREFIX.length);
}

/** The JSON path of the node the detail is about; [] (the document) when nothing narrower fits. */
export function faultPath(document: Json, detail: string): PathSegment[] {
	const rules = own(document, 'rules');
	if (!isObject(document) || !Array.isArray(rules)) return topLevelPath(document, detail);
	if (rules.length === 0 || /lifecycle policy can have at most/.test(detail)) return ['rules'];
	const extraTop = notAllowedNames(detail).find((name) => Object.hasOwn(document, name));
	if (extraTop && !rules.some((r) => isObject(r) && (Object.hasOwn(r, extraTop) || Object.hasOwn(own(r, 'selection') ?? {}, extraTop)))) return [extraTop];

	// Messages that name rules by priority: the later rule is the one to change.
	const priorities = [...detail.matchAll(/rulePriority (\d+)/g)].map((m) => Number(m[1]));
	if (priorities.length > 0) {
		const wanted = priorities[priorities.length - 1];
		const indexes = rules.flatMap((r, i) => (own(r, 'rulePriority') === wanted ? [i] : []));
		const index = /More than one rule has rulePriority/.test(detail) ? indexes[1] : indexes[0];
		if (index !== undefined) return ['rules', index, ...namedField(rules[index], detail)];
	}

	// Schema messages name no rule: find the first rule that fails the same way on its own.
	const index = rules.findIndex((rule) => failsAlone(rule, detail));
	if (index < 0) return ['rules'];
	return ['rules', index, ...schemaField(rules[index], detail)];
}

function topLevelPath(document: Json, detail: string): PathSegment[] {
	if (!isObject(document)) return [];
	const extra = notAllowedNames(detail).find((name) => Object.hasOwn(document, name));
	if (extra) return [extra];
	return Object.hasOwn(document, 'rules') ? ['rules'] : [];
}

function failsAlone(rule: Json, detail: string): boolean {
	const text = JSON.stringify({ rules: [rule] });
	try {
		// The API's minimum length would hide the schema message; trailing spaces are still JSON.
		parseLifecyclePolicy(text.padEnd(100, ' '));
		return false;
	} catch (e) {
		return e instanceof AwsError && detailOf(e.message) === detail;
	}
}

function notAllowedNames(detail: string): string[] {
	const m = /not allowed by the schema: (\[.*\])/.exec(detail);
	if (!m) return [];
	try {
		return JSON.parse(m[1] ?? '[]') as string[];
	} catch {
		return [];
	}
}

/** For the simulator's own messages, which quote the field they are about. */
function namedField(rule: Json, detail: string): PathSegment[] {
	if (/More than one rule has rulePriority/.test(detail)) return ['rulePriority'];
	if (/sinceImagePulled|sinceImageTransitioned|countNumber must be/.test(detail)) {
		return /minimum storage duration/.test(detail) ? ['selection', 'countNumber'] : ['selection', 'countType'];
	}
	for (const field of ['tagPatternList', 'tagPrefixList']) {
		if (detail.includes(field) && own(own(rule, 'selection'), field) !== undefined) return ['selection', field];
	}
	return own(rule, 'selection') !== undefined ? ['selection', 'tagStatus'] : [];
}

/** For the JSON-schema messages: the field within one rule that breaks the schema. */
function schemaField(rule: Json, detail: string): PathSegment[] {
	if (!isObject(rule)) return [];
	const selection = own(rule, 'selection');
	const action = own(rule, 'action');
	const extra = notAllowedNames(detail);
	if (extra.length > 0) {
		for (const [path, node] of [[[], rule], [['selection'], selection], [['action'], action]] as const) {
			const name = extra.find((n) => isObject(node) && Object.hasOwn(node, n));
			if (name) return [...path, name];
		}
	}
	if (/missing required properties/.test(detail)) {
		if (['rulePriority', 'selection', 'action'].some((k) => !Object.hasOwn(rule, k))) return [];
		if (isObject(selection) && ['tagStatus', 'countType', 'countNumber'].some((k) => !Object.hasOwn(selection, k))) return ['selection'];
		return ['action'];
	}
	if (/not found in enum/.test(detail)) return ['selection', 'tagStatus'];
	if (/matched 0 out of 4/.test(detail)) return ['selection', 'countType'];
	if (/matched 0 out of 2/.test(detail)) return ['action', 'type'];
	if (/array is too short|does not match any allowed primitive type|required (minimum|maximum)/.test(detail)) {
		const suspects: PathSegment[][] = [['rulePriority'], ['description'], ['selection'], ['selection', 'tagPrefixList'], ['selection', 'tagPatternList'], ['selection', 'countNumber'], ['action']];
		const bad = suspects.find((path) => breaks(valueAt(rule, path), path, detail));
		if (bad) return bad;
	}
	return [];
}

function valueAt(root: Json, path: readonly PathSegment[]): Json {
	let node = root;
	for (const segment of path) node = Array.isArray(node) ? node[Number(segment)] : own(node, String(segment));
	return node;
}

function breaks(value: Json, path: readonly PathSegment[], detail: string): boolean {
	if (value === undefined) return false;
	const last = path[path.length - 1];
	if (last === 'rulePriority' || last === 'countNumber') return typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2147483647;
	if (last === 'description') return typeof value !== 'string';
	if (last === 'selection' || last === 'action') return !isObject(value);
	if (last === 'tagPrefixList' || last === 'tagPatternList') {
		if (/array is too short/.test(detail)) return Array.isArray(value) && value.length === 0;
		return !Array.isArray(value) || value.some((v) => typeof v !== 'string');
	}
	return false;
}
