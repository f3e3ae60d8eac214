// Reading a resource's resolved properties. The stack engine validates Properties against the
// schema first, but a provider must still never crash on a bag it did not expect: a value of
// the wrong JSON type fails the way the handler wrapper's own schema check does, e.g.
// `Model validation failed (#/Tags: expected type: JSONArray, found: JSONObject)`.
// Template scalars arrive as strings ("true", "30"), so booleans and numbers accept those.
import { modelValidationFailed } from './provider-errors';
import type { ResolvedProperties } from './provider';

export type Bag = Record<string, unknown>;

/** The JSON type name the wrapper's validator (everit) prints. */
function jsonType(v: unknown): string {
	if (v === null) return 'Null';
	if (Array.isArray(v)) return 'JSONArray';
	if (typeof v === 'object') return 'JSONObject';
	if (typeof v === 'boolean') return 'Boolean';
	if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Number';
	return 'String';
}

const wrongType = (path: string, expected: string, v: unknown) => modelValidationFailed(`#/${path}: expected type: ${expected}, found: ${jsonType(v)}`);

export const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The properties as a bag, whatever the caller passed. */
export function bag(properties: ResolvedProperties | undefined | null): Bag {
	if (properties === undefined || properties === null) return {};
	if (!isBag(properties)) throw modelValidationFailed(`#: expected type: JSONObject, found: ${jsonType(properties)}`);
	return properties;
}

/** For delete and read, which must work whatever was stored: anything but an object is empty. */
export const looseBag = (properties: unknown): Bag => (isBag(properties) ? properties : {});

export function str(b: Bag, key: string, path = key): string | undefined {
	const v = b[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	throw wrongType(path, 'String', v);
}

export function bool(b: Bag, key: string, path = key): boolean | undefined {
	const v = b[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v === 'boolean') return v;
	if (v === 'true' || v === 'false') return v === 'true';
	throw wrongType(path, 'Boolean', v);
}

export function int(b: Bag, key: string, path = key): number | undefined {
	const v = b[key];
	if (v === undefined || v === null) return undefined;
	const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,15}$/.test(v.trim()) ? Number(v) : NaN;
	if (!Number.isSafeInteger(n)) throw wrongType(path, 'Integer', v);
	return n;
}

export function obj(b: Bag, key: string, path = key): Bag | undefined {
	const v = b[key];
	if (v === undefined || v === null) return undefined;
	if (!isBag(v)) throw wrongType(path, 'JSONObject', v);
	return v;
}

export function list(b: Bag, key: string, path = key): unknown[] | undefined {
	const v = b[key];
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v)) throw wrongType(path, 'JSONArray', v);
	return v;
}

/** Each item of a list property as a bag. */
export function bags(b: Bag, key: string, path = key): Bag[] {
	return (list(b, key, path) ?? []).map((item, i) => {
		if (!isBag(item)) throw wrongType(`${path}/${i}`, 'JSONObject', item);
		return item;
	});
}

/** Each item of a list property as a string. */
export function strings(b: Bag, key: string, path = key): string[] {
	return (list(b, key, path) ?? []).map((item, i) => {
		if (typeof item === 'string') return item;
		if (typeof item === 'number' || typeof item === 'boolean') return String(item);
		throw wrongType(`${path}/${i}`, 'String', item);
	});
}

/**
 * A policy document property, which templates write as an object (YAML) or a JSON string. The
 * handlers send objects serialized compactly (Jackson's writeValueAsString).
 */
export function policyText(b: Bag, key: string, path = key): string | undefined {
	const v = b[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v === 'string') return v;
	if (isBag(v)) return JSON.stringify(v);
	throw wrongType(path, 'JSONObject', v);
}

/** A policy as drift detection shows it: parsed when it is JSON, in the template's form. */
export function policyForRead(text: string, expected: unknown): unknown {
	if (typeof expected === 'string') return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

export interface Tag {
	Key: string;
	Value: string;
}

/** `Tags: [{Key, Value}]`, the form nearly every type uses. */
export function tags(b: Bag, key = 'Tags'): Tag[] {
	return bags(b, key).map((t, i) => {
		const Key = str(t, 'Key', `${key}/${i}/Key`);
		const Value = str(t, 'Value', `${key}/${i}/Value`) ?? '';
		if (Key === undefined) throw modelValidationFailed(`#/${key}/${i}: required key [Key] not found`);
		return { Key, Value };
	});
}

/** Tags to remove (keys) and to add or change, going from `before` to `after`. */
export function tagChanges(before: readonly Tag[], after: readonly Tag[]): { remove: string[]; add: Tag[] } {
	const next = new Map(after.map((t) => [t.Key, t.Value]));
	const prev = new Map(before.map((t) => [t.Key, t.Value]));
	return {
		remove: [...prev.keys()].filter((k) => !next.has(k)),
		add: after.filter((t) => prev.get(t.Key) !== t.Value)
	};
}

/** Structural equality for plain JSON (key order ignored), as drift and updates compare values. */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
	if (isBag(a) && isBag(b)) {
		const ka = Object.keys(a).filter((k) => a[k] !== undefined);
		const kb = Object.keys(b).filter((k) => b[k] !== undefined);
		return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
	}
	return false;
}
