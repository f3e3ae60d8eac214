// A small JSON-schema validator for the editor's schemas: the keywords they use, nothing more.
// Monaco's and monaco-yaml's validators are browser-only; this lets node tests prove the schemas
// accept real documents and refuse broken ones. Returns the JSON paths that fail.
type Schema = boolean | { [k: string]: unknown };

export function validate(root: Schema, value: unknown): string[] {
	const errors: string[] = [];
	check(root, value, '', root, errors);
	return errors;
}

function typeOf(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
	return typeof v;
}

function resolve(root: Schema, ref: string): Schema {
	let node: unknown = root;
	for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
	if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
	return node as Schema;
}

function ok(schema: Schema, value: unknown, root: Schema): boolean {
	const e: string[] = [];
	check(schema, value, '', root, e);
	return e.length === 0;
}

function check(schema: Schema, value: unknown, path: string, root: Schema, errors: string[]): void {
	if (schema === true) return;
	if (schema === false) return void errors.push(`${path}: not allowed`);
	const s = schema as Record<string, any>;
	if (s.$ref) check(resolve(root, s.$ref), value, path, root, errors);
	const t = typeOf(value);
	if (s.type) {
		const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
		if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) errors.push(`${path}: expected ${types.join('|')}, got ${t}`);
	}
	if (s.enum && !s.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path}: not in enum`);
	if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${path}: not ${JSON.stringify(s.const)}`);
	if (typeof value === 'number') {
		if (s.minimum !== undefined && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
		if (s.maximum !== undefined && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
	}
	if (typeof value === 'string' && s.pattern && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${path}: does not match ${s.pattern}`);
	if (Array.isArray(value)) {
		if (s.minItems !== undefined && value.length < s.minItems) errors.push(`${path}: too few items`);
		if (s.maxItems !== undefined && value.length > s.maxItems) errors.push(`${path}: too many items`);
		if (s.items) value.forEach((v, i) => check(s.items, v, `${path}/${i}`, root, errors));
	}
	if (t === 'object') {
		const obj = value as Record<string, unknown>;
		for (const key of s.required ?? []) if (!(key in obj)) errors.push(`${path}: missing ${key}`);
		if (s.minProperties !== undefined && Object.keys(obj).length < s.minProperties) errors.push(`${path}: too few properties`);
		if (s.maxProperties !== undefined && Object.keys(obj).length > s.maxProperties) errors.push(`${path}: too many properties`);
		for (const [key, v] of Object.entries(obj)) {
			const p = `${path}/${key}`;
			let matched = false;
			if (s.properties && key in s.properties) {
				matched = true;
				check(s.properties[key], v, p, root, errors);
			}
			for (const [pattern, sub] of Object.entries(s.patternProperties ?? {})) {
				if (new RegExp(pattern, 'u').test(key)) {
					matched = true;
					check(sub as Schema, v, p, root, errors);
				}
			}
			if (!matched && s.additionalProperties !== undefined) check(s.additionalProperties, v, p, root, errors);
		}
	}
	if (s.allOf) for (const sub of s.allOf) check(sub, value, path, root, errors);
	if (s.anyOf && !s.anyOf.some((sub: Schema) => ok(sub, value, root))) errors.push(`${path}: matches none of anyOf`);
	if (s.oneOf && s.oneOf.filter((sub: Schema) => ok(sub, value, root)).length !== 1) errors.push(`${path}: does not match exactly one of oneOf`);
	if (s.not && ok(s.not, value, root)) errors.push(`${path}: matches not`);
	if (s.if !== undefined) {
		if (ok(s.if, value, root)) {
			if (s.then !== undefined) check(s.then, value, path, root, errors);
		} else if (s.else !== undefined) check(s.else, value, path, root, errors);
	}
}
