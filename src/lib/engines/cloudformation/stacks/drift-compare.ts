// The comparison behind StackResourceDrift.PropertyDifferences: the properties the template set
// against what the resource's read returned, as JSON-pointer differences (AWS's DifferenceType:
// ADD = "a value has been added to a resource property that is an array or list data type",
// REMOVE = "the property has been removed", NOT_EQUAL = "the current property value differs").
// Only what the template sets is looked at, so defaults the service fills in are not drift.
//
// Three kinds of value are compared by meaning, not by spelling:
// - arrays the schema marks `insertionOrder: false` (Tags of most types) are sets: a reordered
//   list is in sync; what is missing is REMOVE, what is extra is ADD (drift-order.ts);
// - JSON documents held in strings (lifecycle policies, policy text) compare as JSON, so spacing
//   and key order are not drift;
// - policy documents compare by IAM meaning (drift-policy.ts).
import type { PropertyDifferenceRecord } from './drift-state';
import type { OrderRule, SchemaPath } from './drift-order';
import { isPolicyDocument, samePolicy } from './drift-policy';

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A value as PropertyDifference writes it: strings as they are, anything else as JSON. */
const asText = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? 'null' : JSON.stringify(v));

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON documents in strings (policies) compare by content, not by spacing or key order. */
function parsedJson(v: string): unknown {
	const t = v.trim();
	if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
	try {
		return JSON.parse(t);
	} catch {
		return undefined;
	}
}

/** A string that holds JSON, as that JSON; anything else as it is. */
const asDocument = (v: unknown): unknown => (typeof v === 'string' ? (parsedJson(v) ?? v) : v);

class Comparison {
	readonly differences: PropertyDifferenceRecord[] = [];
	constructor(private readonly unordered: OrderRule) {}

	/** Deep equality with the same rules the differences use. */
	equal(path: SchemaPath, expected: unknown, actual: unknown): boolean {
		const e = asDocument(expected);
		const a = asDocument(actual);
		if (isPolicyDocument(e) && isPolicyDocument(a)) return samePolicy(e, a);
		if (Array.isArray(e) && Array.isArray(a)) {
			if (e.length !== a.length) return false;
			const item = [...path, '*'];
			if (!this.unordered(path)) return e.every((x, i) => this.equal(item, x, a[i]));
			const left = [...a];
			return e.every((x) => {
				const i = left.findIndex((y) => this.equal(item, x, y));
				return i >= 0 && left.splice(i, 1).length === 1;
			});
		}
		if (isPlainObject(e) && isPlainObject(a)) {
			const ke = Object.keys(e).filter((k) => e[k] !== undefined);
			const ka = Object.keys(a).filter((k) => a[k] !== undefined);
			return ke.length === ka.length && ke.every((k) => this.equal([...path, k], e[k], a[k]));
		}
		// Templates write numbers and booleans as strings as often as not ("true", "30").
		const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
		return scalar(e) && scalar(a) ? String(e) === String(a) : e === a;
	}

	/** Differences under `pointer`, looking only at what `expected` sets. */
	compare(pointer: string, path: SchemaPath, expected: unknown, actual: unknown): void {
		if (actual === undefined || actual === null) {
			if (expected !== undefined && expected !== null) this.push(pointer, expected, 'null', 'REMOVE');
			return;
		}
		// The same policy in another spelling is in sync; a different one is reported key by key.
		if (isPolicyDocument(expected) && isPolicyDocument(actual) && samePolicy(expected, actual)) return;
		if (isPlainObject(expected) && isPlainObject(actual)) {
			for (const key of Object.keys(expected)) this.compare(`${pointer}/${escapePointer(key)}`, [...path, key], expected[key], actual[key]);
			return;
		}
		if (Array.isArray(expected) && Array.isArray(actual)) {
			if (this.unordered(path)) this.compareSet(pointer, path, expected, actual);
			else this.compareList(pointer, path, expected, actual);
			return;
		}
		if (!this.equal(path, expected, actual)) this.push(pointer, expected, actual, 'NOT_EQUAL');
	}

	private compareList(pointer: string, path: SchemaPath, expected: unknown[], actual: unknown[]): void {
		const item = [...path, '*'];
		for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
			if (i >= actual.length) this.push(`${pointer}/${i}`, expected[i], 'null', 'REMOVE');
			else if (i >= expected.length) this.push(`${pointer}/${i}`, 'null', actual[i], 'ADD');
			else this.compare(`${pointer}/${i}`, item, expected[i], actual[i]);
		}
	}

	/**
	 * A set: equal items pair up wherever they sit. What is left pairs by identity (a tag's Key),
	 * so a changed tag value reads as that value NOT_EQUAL; the rest is REMOVE (at the template's
	 * index) or ADD (at the live index). The pairing by Key is the simulator's choice (unverified).
	 */
	private compareSet(pointer: string, path: SchemaPath, expected: unknown[], actual: unknown[]): void {
		const item = [...path, '*'];
		const freeActual = new Set(actual.map((_, i) => i));
		const unmatched: number[] = [];
		expected.forEach((x, i) => {
			const j = [...freeActual].find((k) => this.equal(item, x, actual[k]));
			if (j === undefined) unmatched.push(i);
			else freeActual.delete(j);
		});
		const keyOf = (v: unknown) => (isPlainObject(v) && typeof v['Key'] === 'string' ? v['Key'] : undefined);
		for (const i of unmatched) {
			const key = keyOf(expected[i]);
			const j = key === undefined ? undefined : [...freeActual].find((k) => keyOf(actual[k]) === key);
			if (j === undefined) {
				this.push(`${pointer}/${i}`, expected[i], 'null', 'REMOVE');
				continue;
			}
			freeActual.delete(j);
			this.compare(`${pointer}/${i}`, item, expected[i], actual[j]);
		}
		for (const j of freeActual) this.push(`${pointer}/${j}`, 'null', actual[j], 'ADD');
	}

	private push(pointer: string, expected: unknown, actual: unknown, type: PropertyDifferenceRecord['DifferenceType']): void {
		this.differences.push({ PropertyPath: pointer, ExpectedValue: asText(expected), ActualValue: asText(actual), DifferenceType: type });
	}
}

/** PropertyDifferences between the template's properties and the live ones. */
export function propertyDifferences(expected: Record<string, unknown>, actual: Record<string, unknown>, unordered: OrderRule): PropertyDifferenceRecord[] {
	const c = new Comparison(unordered);
	for (const key of Object.keys(expected)) c.compare(`/${escapePointer(key)}`, [key], expected[key], actual[key]);
	return c.differences;
}

/** The live properties narrowed to the keys the template sets (what ActualProperties shows). */
export function narrowed(expected: Record<string, unknown>, actual: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(expected)) if (actual[key] !== undefined) out[key] = actual[key];
	return out;
}
