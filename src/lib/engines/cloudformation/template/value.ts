// The values a parsed template is made of: JSON's, with objects built on a null prototype so
// a learner's key (`__proto__`, `constructor`, `toString`) is only ever an own property and
// can never reach Object.prototype. Such objects still JSON.stringify and structuredClone as
// plain data.

export type TemplateValue = string | number | boolean | null | TemplateValue[] | TemplateObject;

export interface TemplateObject {
	[key: string]: TemplateValue;
}

/** An empty object without a prototype: the only way a template object is ever created. */
export const newObject = (): TemplateObject => Object.create(null) as TemplateObject;

export const isObject = (v: unknown): v is TemplateObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const hasOwn = Object.prototype.hasOwnProperty;

/** Own member only: objects from outside (tests, JSON.parse) may still have a prototype. */
export const own = (o: TemplateObject, key: string): TemplateValue | undefined => (hasOwn.call(o, key) ? o[key] : undefined);

export const has = (o: TemplateObject, key: string): boolean => hasOwn.call(o, key);

export const keysOf = (o: TemplateObject): string[] => Object.keys(o);

/** Copies a value into null-prototype objects (for templates handed in as plain JS objects). */
export function toTemplateValue(v: unknown): TemplateValue {
	if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
	if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
	if (Array.isArray(v)) return v.map(toTemplateValue);
	if (typeof v === 'object') {
		const out = newObject();
		for (const key of Object.keys(v)) out[key] = toTemplateValue((v as Record<string, unknown>)[key]);
		return out;
	}
	return null;
}

/**
 * The text a scalar stands for where CloudFormation wants a string: YAML `3` and JSON `3`
 * become "3", `true` becomes "true". Lists and objects have no string form (undefined).
 */
export function scalarText(v: TemplateValue | undefined): string | undefined {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return undefined;
}

/** A short English name of a value's shape, for `detail` texts. */
export function shapeOf(v: TemplateValue | undefined): string {
	if (v === undefined) return 'nothing';
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'object') return 'an object';
	if (typeof v === 'string') return 'a string';
	if (typeof v === 'number') return 'a number';
	return 'a boolean';
}
