// Validates a resource's Properties against its registry schema the way CloudFormation does before it
// calls the resource provider, and writes the problems the way AWS does.
//
// How AWS does it (aws-cloudformation/cloudformation-resource-schema, Validator and
// exceptions/ValidationException; the everit-org/json-schema library underneath):
// - Every violation is a line "<JSON pointer>: <message>", the pointer rooted at "#" (the Properties
//   object): `#: required key [PolicyDocument] not found`, `#: extraneous key [Foo] is not permitted`,
//   `#/Tags: expected type: JSONArray, found: JSONObject`, `#/RepositoryName: expected maxLength: 256, actual: 300`,
//   `#/Tags: expected maximum item count: 50, found: 51`, `#/Tags: array items are not unique`.
// - Messages that would echo a value are scrubbed: pattern, enum, const, minimum, maximum,
//   exclusiveMinimum/Maximum, multipleOf, not all read `#/X: failed validation constraint for keyword [pattern]`.
// - A schema node with more than one kind of constraint (e.g. `type` and `enum`) is checked as a
//   synthetic allOf, so an enum miss reads `#/ImageTagMutability: #: only 1 subschema matches out of 2`
//   followed by `#/ImageTagMutability: failed validation constraint for keyword [enum]`.
// - The full message lists every violation of the tree, parents ("N schema violations found") left
//   out, one per line: `Properties validation failed for resource <LogicalId> with message:\n<lines>`.
//   (Seen in 2024-2025 stack events; older events wrapped the list in brackets on one line:
//   `... with message: [#/Content: expected type: String, found: JSONObject]`.)
// - CloudFormation passes template scalars as strings and converts them to the schema's type first,
//   so `DelaySeconds: "5"` (a Number parameter) and `Value: 1` for a string are accepted.
//
// Values that are still unresolved intrinsic functions (`{Ref: X}`, `{"Fn::GetAtt": ...}`) are skipped:
// they are checked once resolved. Property order within a node follows the template; everit's own
// order comes from a Java HashMap and is not reproducible.

import type { JsonType, ResourceSchema, Shape } from './types';

export interface PropertyProblem {
	/** JSON pointer of the offending value, rooted at the Properties object: "#", "#/Tags/0/Key". */
	pointer: string;
	/** The JSON-schema keyword that failed ("required", "type", "enum", "allOf", ...). */
	keyword: string;
	/** The line AWS writes for it, pointer included. */
	message: string;
}

export interface ValidateOptions {
	/** Decides which values are unresolved intrinsics to skip; default: a one-key object whose key is Ref or Fn::*. */
	isUnresolved?: (value: unknown) => boolean;
}

interface Failure {
	pointer: string;
	keyword: string | null;
	message: string;
	causes: Failure[];
}

/** `{ Ref: ... }`, `{ "Fn::Sub": ... }`, ...: a value CloudFormation has not worked out yet. */
export function isUnresolvedIntrinsic(value: unknown): boolean {
	if (!isPlainObject(value)) return false;
	const keys = Object.keys(value);
	return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

/**
 * Checks `properties` (a resource's Properties, intrinsics resolved where possible) against `schema`.
 * Returns the problems in the order AWS lists them; an empty list when the properties are valid.
 * Never throws for any input.
 */
export function validateProperties(
	schema: ResourceSchema,
	properties: unknown,
	path = '#',
	options: ValidateOptions = {}
): PropertyProblem[] {
	const ctx: Ctx = { root: schema, isUnresolved: options.isUnresolved ?? isUnresolvedIntrinsic, depth: 0 };
	const value = properties === undefined || properties === null ? {} : properties;
	// Registry schemas do not declare `type: object` at the top; a Properties value that is not a
	// mapping is reported as a type mismatch (CloudFormation's own wording for this case is unverified).
	const failures =
		isPlainObject(value) || ctx.isUnresolved(value)
			? validateNode(schema, value, path, ctx)
			: [{ pointer: path, keyword: 'type', message: `${path}: expected type: JSONObject, found: ${foundName(value)}`, causes: [] }];
	const out: PropertyProblem[] = [];
	const walk = (f: Failure) => {
		const isParent = f.keyword === null && f.causes.length > 0;
		if (!isParent) out.push({ pointer: f.pointer, keyword: f.keyword ?? '', message: f.message });
		f.causes.forEach(walk);
	};
	failures.forEach(walk);
	return out;
}

/** The CREATE_FAILED / UPDATE_FAILED reason for a resource whose properties failed validation. */
export function propertiesValidationFailedMessage(logicalId: string, problems: readonly PropertyProblem[]): string {
	return `Properties validation failed for resource ${logicalId} with message:\n${problems.map((p) => p.message).join('\n')}`;
}

// ---------------------------------------------------------------------------------------------

interface Ctx {
	root: ResourceSchema;
	isUnresolved: (value: unknown) => boolean;
	depth: number;
}

const MAX_DEPTH = 200;

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const childPointer = (ptr: string, key: string | number) =>
	`${ptr}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

const JAVA_TYPE: Record<JsonType, string> = {
	string: 'String',
	integer: 'Integer',
	number: 'Number',
	boolean: 'Boolean',
	object: 'JSONObject',
	array: 'JSONArray',
	null: 'Null'
};

/** The class name org.json gives a parsed value (decimals: BigDecimal in current org.json; unverified for CloudFormation). */
function foundName(v: unknown): string {
	if (v === null || v === undefined) return 'Null';
	if (Array.isArray(v)) return 'JSONArray';
	switch (typeof v) {
		case 'string':
			return 'String';
		case 'boolean':
			return 'Boolean';
		case 'number':
		case 'bigint':
			return Number.isInteger(v) ? 'Integer' : 'BigDecimal';
		case 'object':
			return 'JSONObject';
		default:
			return 'String';
	}
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** CloudFormation's conversion of a template scalar to the schema type; undefined when it cannot. */
function coerce(v: unknown, t: JsonType): { value: unknown } | undefined {
	switch (t) {
		case 'string':
			if (typeof v === 'string') return { value: v };
			if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return { value: String(v) };
			return undefined;
		case 'integer':
			if (typeof v === 'number') return Number.isInteger(v) ? { value: v } : undefined;
			if (typeof v === 'string' && INTEGER_TEXT.test(v.trim())) return { value: Number(v.trim()) };
			return undefined;
		case 'number':
			if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : undefined;
			if (typeof v === 'string' && NUMBER_TEXT.test(v.trim())) return { value: Number(v.trim()) };
			return undefined;
		case 'boolean':
			if (typeof v === 'boolean') return { value: v };
			if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return { value: v.trim().toLowerCase() === 'true' };
			return undefined;
		case 'object':
			return isPlainObject(v) ? { value: v } : undefined;
		case 'array':
			return Array.isArray(v) ? { value: v } : undefined;
		case 'null':
			return v === null ? { value: v } : undefined;
		default:
			return undefined;
	}
}

const typesOf = (s: Shape): JsonType[] | undefined =>
	s.type === undefined ? undefined : Array.isArray(s.type) ? s.type : [s.type];

/** The value after CloudFormation's conversion to the node's declared type (unchanged when none fits). */
function coerceForShape(s: Shape, v: unknown): unknown {
	const types = typesOf(s);
	if (!types) return v;
	for (const t of types) {
		const direct = coerce(v, t);
		if (direct && direct.value === v) return v;
	}
	for (const t of types) {
		const c = coerce(v, t);
		if (c) return c.value;
	}
	return v;
}

const TYPE_KEYWORDS: (keyof Shape)[] = [
	'type', 'properties', 'patternProperties', 'additionalProperties', 'required', 'dependencies',
	'dependentRequired', 'minProperties', 'maxProperties', 'items', 'minItems', 'maxItems',
	'uniqueItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum',
	'exclusiveMaximum', 'multipleOf'
];

function resolveRef(ctx: Ctx, ref: string): Shape | undefined {
	const m = /^#\/definitions\/(.+)$/.exec(ref);
	return m ? ctx.root.definitions?.[m[1]!] : undefined;
}

function validateNode(shape: Shape, value: unknown, ptr: string, ctx: Ctx): Failure[] {
	if (ctx.isUnresolved(value)) return [];
	if (ctx.depth > MAX_DEPTH) return [];
	ctx.depth++;
	try {
		if (shape.$ref !== undefined) {
			const target = resolveRef(ctx, shape.$ref);
			return target ? validateNode(target, value, ptr, ctx) : [];
		}
		const groups: (() => Failure[])[] = [];
		if (shape.enum !== undefined) groups.push(() => checkEnum(shape, value, ptr));
		if (shape.allOf) groups.push(() => checkAllOf(shape.allOf!, value, ptr, ctx));
		if (shape.anyOf) groups.push(() => checkAnyOf(shape.anyOf!, value, ptr, ctx));
		if (shape.oneOf) groups.push(() => checkOneOf(shape.oneOf!, value, ptr, ctx));
		if (shape.not) groups.push(() => checkNot(shape.not!, value, ptr, ctx));
		if (shape.const !== undefined) groups.push(() => checkConst(shape, value, ptr));
		if (TYPE_KEYWORDS.some((k) => shape[k] !== undefined)) groups.push(() => checkTyped(shape, value, ptr, ctx));
		if (groups.length === 0) return [];
		if (groups.length === 1) return groups[0]!();
		const failed = groups.map((g) => g()).filter((f) => f.length > 0);
		if (failed.length === 0) return [];
		return [
			{
				pointer: ptr,
				keyword: 'allOf',
				message: `${ptr}: #: only ${groups.length - failed.length} subschema matches out of ${groups.length}`,
				causes: failed.map((f) => wrap(f, ptr))
			}
		];
	} finally {
		ctx.depth--;
	}
}

/** One failure stays as it is; several become a parent ("N schema violations found"), as everit does. */
function wrap(failures: Failure[], ptr: string): Failure {
	if (failures.length === 1) return failures[0]!;
	return { pointer: ptr, keyword: null, message: `${ptr}: ${failures.length} schema violations found`, causes: failures };
}

const scrubbed = (ptr: string, keyword: string): Failure => ({
	pointer: ptr,
	keyword,
	message: `${ptr}: failed validation constraint for keyword [${keyword}]`,
	causes: []
});

function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a === 'number' && typeof b === 'number') return a === b;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
	if (isPlainObject(a) && isPlainObject(b)) {
		const ka = Object.keys(a).filter((k) => a[k] !== undefined);
		const kb = Object.keys(b).filter((k) => b[k] !== undefined);
		return ka.length === kb.length && ka.every((k) => k in b && sameValue(a[k], b[k]));
	}
	return false;
}

function checkEnum(shape: Shape, value: unknown, ptr: string): Failure[] {
	const v = coerceForShape(shape, value);
	const allowed = shape.enum ?? [];
	if (allowed.some((e) => sameValue(e, v))) return [];
	return [scrubbed(ptr, 'enum')];
}

function checkConst(shape: Shape, value: unknown, ptr: string): Failure[] {
	return sameValue(shape.const, coerceForShape(shape, value)) ? [] : [scrubbed(ptr, 'const')];
}

function checkAllOf(subs: Shape[], value: unknown, ptr: string, ctx: Ctx): Failure[] {
	const failed = subs.map((s) => validateNode(s, value, ptr, ctx)).filter((f) => f.length > 0);
	if (!failed.length) return [];
	return [
		{
			pointer: ptr,
			keyword: 'allOf',
			message: `${ptr}: #: only ${subs.length - failed.length} subschema matches out of ${subs.length}`,
			causes: failed.map((f) => wrap(f, ptr))
		}
	];
}

function checkAnyOf(subs: Shape[], value: unknown, ptr: string, ctx: Ctx): Failure[] {
	const results = subs.map((s) => validateNode(s, value, ptr, ctx));
	if (results.some((r) => r.length === 0)) return [];
	return [
		{
			pointer: ptr,
			keyword: 'anyOf',
			message: `${ptr}: #: no subschema matched out of the total ${subs.length} subschemas`,
			causes: results.map((f) => wrap(f, ptr))
		}
	];
}

function checkOneOf(subs: Shape[], value: unknown, ptr: string, ctx: Ctx): Failure[] {
	const results = subs.map((s) => validateNode(s, value, ptr, ctx));
	const matched = results.filter((r) => r.length === 0).length;
	if (matched === 1) return [];
	return [
		{
			pointer: ptr,
			keyword: 'oneOf',
			message: `${ptr}: #: ${matched} subschemas matched instead of one`,
			causes: matched === 0 ? results.map((f) => wrap(f, ptr)) : []
		}
	];
}

function checkNot(sub: Shape, value: unknown, ptr: string, ctx: Ctx): Failure[] {
	return validateNode(sub, value, ptr, ctx).length === 0 ? [scrubbed(ptr, 'not')] : [];
}

const regexCache = new Map<string, RegExp | null>();
function compile(pattern: string): RegExp | null {
	let re = regexCache.get(pattern);
	if (re === undefined) {
		try {
			re = new RegExp(pattern, 'u');
		} catch {
			try {
				re = new RegExp(pattern);
			} catch {
				re = null; // not expressible in JavaScript: the constraint is not checked
			}
		}
		regexCache.set(pattern, re);
	}
	return re;
}

const codePoints = (s: string) => {
	let n = 0;
	for (const _ of s) n++;
	return n;
};

function checkTyped(shape: Shape, raw: unknown, ptr: string, ctx: Ctx): Failure[] {
	const types = typesOf(shape);
	let value = raw;
	if (types) {
		let matched: { value: unknown } | undefined;
		for (const t of types) {
			const c = coerce(raw, t);
			if (c && c.value === raw) {
				matched = c;
				break;
			}
		}
		if (!matched) for (const t of types) if ((matched = coerce(raw, t))) break;
		if (!matched) {
			if (types.length === 1) {
				return [
					{
						pointer: ptr,
						keyword: 'type',
						message: `${ptr}: expected type: ${JAVA_TYPE[types[0]!]}, found: ${foundName(raw)}`,
						causes: []
					}
				];
			}
			return [
				{
					pointer: ptr,
					keyword: 'anyOf',
					message: `${ptr}: #: no subschema matched out of the total ${types.length} subschemas`,
					causes: types.map((t) => ({
						pointer: ptr,
						keyword: 'type',
						message: `${ptr}: expected type: ${JAVA_TYPE[t]}, found: ${foundName(raw)}`,
						causes: []
					}))
				}
			];
		}
		value = matched.value;
	}
	const failures: Failure[] = [];
	if (isPlainObject(value)) checkObject(shape, value, ptr, ctx, failures);
	else if (Array.isArray(value)) checkArray(shape, value, ptr, ctx, failures);
	else if (typeof value === 'string') checkString(shape, value, ptr, failures);
	else if (typeof value === 'number') checkNumber(shape, value, ptr, failures);
	return failures;
}

function checkObject(shape: Shape, obj: Record<string, unknown>, ptr: string, ctx: Ctx, out: Failure[]) {
	const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
	const has = (k: string) => Object.prototype.hasOwnProperty.call(obj, k) && obj[k] !== undefined;
	for (const r of shape.required ?? []) {
		if (!has(r)) out.push({ pointer: ptr, keyword: 'required', message: `${ptr}: required key [${r}] not found`, causes: [] });
	}
	if (shape.minProperties !== undefined && keys.length < shape.minProperties) {
		out.push({
			pointer: ptr,
			keyword: 'minProperties',
			message: `${ptr}: minimum size: [${shape.minProperties}], found: [${keys.length}]`,
			causes: []
		});
	}
	if (shape.maxProperties !== undefined && keys.length > shape.maxProperties) {
		out.push({
			pointer: ptr,
			keyword: 'maxProperties',
			message: `${ptr}: maximum size: [${shape.maxProperties}], found: [${keys.length}]`,
			causes: []
		});
	}
	const deps: [string, string[] | Shape][] = [
		...Object.entries(shape.dependencies ?? {}),
		...Object.entries(shape.dependentRequired ?? {})
	];
	for (const [key, dep] of deps) {
		if (!has(key)) continue;
		if (Array.isArray(dep)) {
			for (const d of dep) {
				if (!has(d)) out.push({ pointer: ptr, keyword: 'dependencies', message: `${ptr}: property [${d}] is required`, causes: [] });
			}
		} else {
			out.push(...validateNode(dep, obj, ptr, ctx));
		}
	}
	const props = shape.properties ?? {};
	const patterns = Object.entries(shape.patternProperties ?? {});
	for (const key of keys) {
		const child = childPointer(ptr, key);
		const declared = Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
		const byPattern = patterns.filter(([p]) => compile(p)?.test(key));
		if (!declared && byPattern.length === 0) {
			if (shape.additionalProperties === false) {
				out.push({
					pointer: ptr,
					keyword: 'additionalProperties',
					message: `${ptr}: extraneous key [${key}] is not permitted`,
					causes: []
				});
			} else if (isPlainObject(shape.additionalProperties)) {
				out.push(...validateNode(shape.additionalProperties, obj[key], child, ctx));
			}
			continue;
		}
		if (declared) out.push(...validateNode(declared, obj[key], child, ctx));
		for (const [, s] of byPattern) out.push(...validateNode(s, obj[key], child, ctx));
	}
}

function checkArray(shape: Shape, arr: unknown[], ptr: string, ctx: Ctx, out: Failure[]) {
	if (shape.minItems !== undefined && arr.length < shape.minItems) {
		out.push({
			pointer: ptr,
			keyword: 'minItems',
			message: `${ptr}: expected minimum item count: ${shape.minItems}, found: ${arr.length}`,
			causes: []
		});
	}
	if (shape.maxItems !== undefined && arr.length > shape.maxItems) {
		out.push({
			pointer: ptr,
			keyword: 'maxItems',
			message: `${ptr}: expected maximum item count: ${shape.maxItems}, found: ${arr.length}`,
			causes: []
		});
	}
	if (shape.uniqueItems) {
		const resolved = arr.filter((x) => !ctx.isUnresolved(x));
		const dup = resolved.some((x, i) => resolved.some((y, j) => j > i && sameValue(x, y)));
		if (dup) out.push({ pointer: ptr, keyword: 'uniqueItems', message: `${ptr}: array items are not unique`, causes: [] });
	}
	if (shape.items) arr.forEach((item, i) => out.push(...validateNode(shape.items!, item, childPointer(ptr, i), ctx)));
}

function checkString(shape: Shape, s: string, ptr: string, out: Failure[]) {
	const len = shape.minLength !== undefined || shape.maxLength !== undefined ? codePoints(s) : 0;
	if (shape.minLength !== undefined && len < shape.minLength) {
		out.push({ pointer: ptr, keyword: 'minLength', message: `${ptr}: expected minLength: ${shape.minLength}, actual: ${len}`, causes: [] });
	}
	if (shape.maxLength !== undefined && len > shape.maxLength) {
		out.push({ pointer: ptr, keyword: 'maxLength', message: `${ptr}: expected maxLength: ${shape.maxLength}, actual: ${len}`, causes: [] });
	}
	if (shape.pattern !== undefined) {
		const re = compile(shape.pattern);
		if (re && !re.test(s)) out.push(scrubbed(ptr, 'pattern'));
	}
}

function checkNumber(shape: Shape, n: number, ptr: string, out: Failure[]) {
	if (shape.minimum !== undefined && n < shape.minimum) out.push(scrubbed(ptr, 'minimum'));
	if (shape.maximum !== undefined && n > shape.maximum) out.push(scrubbed(ptr, 'maximum'));
	if (shape.exclusiveMinimum !== undefined && n <= shape.exclusiveMinimum) out.push(scrubbed(ptr, 'exclusiveMinimum'));
	if (shape.exclusiveMaximum !== undefined && n >= shape.exclusiveMaximum) out.push(scrubbed(ptr, 'exclusiveMaximum'));
	if (shape.multipleOf !== undefined && shape.multipleOf > 0) {
		const q = n / shape.multipleOf;
		if (Math.abs(q - Math.round(q)) > 1e-9) out.push(scrubbed(ptr, 'multipleOf'));
	}
}
