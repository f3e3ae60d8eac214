// Turns the words after `aws <service> <command>` into the operation's input, the way the AWS
// CLI v2 builds its argparse table from the model: one `--kebab-name` per input member, booleans
// as `--x` / `--no-x`, scalar lists and structure lists take several words, structures and maps
// take shorthand or JSON, and any value may be `file://path` (read from the session's files).
import type { CliModel, CliShape } from './models/types';
import { kebab } from './names';
import { parseShorthand, ShorthandError, type Shorthand } from './shorthand';
import { CliUsageError } from './errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface OptionSpec {
	member: string;
	shape: CliShape;
	/** `--no-x` of a boolean member. */
	negated?: boolean;
}

export function shapeOf(model: CliModel, name: string): CliShape {
	const s = model.shapes[name];
	// The generator writes every reachable shape; a miss means a hand-edited model.
	if (!s) throw new Error(`cli model ${model.serviceId} has no shape ${name}`);
	return s;
}

/** The `--options` of an operation's input shape, by their command-line spelling. */
export function optionTable(model: CliModel, inputShape: string | null): Map<string, OptionSpec> {
	const table = new Map<string, OptionSpec>();
	if (!inputShape) return table;
	for (const [member, ref] of shapeOf(model, inputShape).members ?? []) {
		const shape = shapeOf(model, ref);
		table.set(`--${kebab(member)}`, { member, shape });
		if (shape.type === 'boolean') table.set(`--no-${kebab(member)}`, { member, shape, negated: true });
	}
	return table;
}

const takesMany = (s: CliShape) => s.type === 'list';

/**
 * Parses the option words. Returns the input (members in model order) or throws the CLI's error:
 * missing values and required options as argparse reports them, then unknown options.
 */
export function parseOptions(model: CliModel, inputShape: string | null, words: readonly string[], files: ReadonlyMap<string, string>, base: Record<string, Json> = {}): Record<string, Json> {
	const table = optionTable(model, inputShape);
	const raw = new Map<string, { spec: OptionSpec; values: string[]; flag: string }>();
	const unknown: string[] = [];
	let i = 0;
	while (i < words.length) {
		const w = words[i] ?? '';
		const eq = w.startsWith('--') ? w.indexOf('=') : -1;
		const flag = eq > 0 ? w.slice(0, eq) : w;
		const spec = table.get(flag);
		if (!spec) { unknown.push(w); i++; continue; }
		i++;
		const values: string[] = eq > 0 ? [w.slice(eq + 1)] : [];
		if (spec.shape.type === 'boolean') {
			raw.set(spec.member, { spec, values: [spec.negated ? 'false' : 'true'], flag });
			continue;
		}
		if (eq < 0) {
			for (let next = words[i]; next !== undefined && !(next.startsWith('--') && next.length > 2); next = words[i]) {
				values.push(next);
				i++;
				if (!takesMany(spec.shape)) break;
			}
		}
		// A list takes zero or more words (argparse nargs='*'): `--repository-names` alone is [],
		// which botocore's validation then rejects for its min length.
		if (values.length === 0 && !takesMany(spec.shape)) throw new CliUsageError(`argument ${flag}: expected ${takesMany(spec.shape) ? 'at least one argument' : 'one argument'}`);
		raw.set(spec.member, { spec, values, flag });
	}
	const input: Record<string, Json> = { ...base };
	const shape = inputShape ? shapeOf(model, inputShape) : undefined;
	const missing = (shape?.required ?? []).filter((m) => !raw.has(m) && !(m in base));
	if (missing.length) throw new CliUsageError(`the following arguments are required: ${missing.map((m) => `--${kebab(m)}`).join(', ')}`);
	if (unknown.length) throw new CliUsageError(`Unknown options: ${unknown.join(', ')}`, 'unknown');
	for (const [member, { spec, values, flag }] of raw) input[member] = convertWords(model, spec.shape, values, flag, files);
	return input;
}

function loadParam(value: string, flag: string, files: ReadonlyMap<string, string>): string {
	for (const prefix of ['file://', 'fileb://']) {
		if (!value.startsWith(prefix)) continue;
		const path = value.slice(prefix.length);
		const text: string | undefined = files.get(path) ?? files.get(path.replace(/^\.\//, '')) ?? files.get(`/${path.replace(/^\.\//, '')}`);
		if (text === undefined) throw new CliUsageError(`Error parsing parameter '${flag}': Unable to load paramfile ${value}: [Errno 2] No such file or directory: '${path}'`, 'none');
		return text;
	}
	return value;
}

function parseJson(text: string, flag: string): Json {
	try {
		return JSON.parse(text) as Json;
	} catch (e) {
		throw new CliUsageError(`Error parsing parameter '${flag}': Invalid JSON: ${(e as Error).message}\nJSON received: ${text}`, 'none');
	}
}

function convertWords(model: CliModel, shape: CliShape, words: string[], flag: string, files: ReadonlyMap<string, string>): Json {
	const values = words.map((w) => loadParam(w, flag, files));
	if (shape.type === 'list') {
		if (values.length === 0) return [];
		// One word that is a JSON array is the whole list (`--image-ids '[{"imageTag":"v1"}]'`).
		const only = values.length === 1 ? values[0] : undefined;
		if (only !== undefined && only.trimStart().startsWith('[')) return parseJson(only, flag);
		const item = shapeOf(model, shape.member ?? '');
		return values.map((v) => convertWord(model, item, v, flag));
	}
	return convertWord(model, shape, values[0] ?? '', flag);
}

function convertWord(model: CliModel, shape: CliShape, value: string, flag: string): Json {
	if (shape.type === 'structure' || shape.type === 'map' || shape.type === 'list') {
		if (/^\s*[[{]/.test(value) && shape.type !== 'list') return parseJson(value, flag);
		if (shape.type === 'list') return value.split(',').map((v) => fromShorthand(model, shapeOf(model, shape.member ?? ''), v, flag));
		let parsed: Shorthand;
		try {
			parsed = parseShorthand(value);
		} catch (e) {
			if (e instanceof ShorthandError) throw new CliUsageError(`Error parsing parameter '${flag}': ${e.message}`, 'none');
			throw e;
		}
		return fromShorthand(model, shape, parsed, flag);
	}
	return scalar(shape, value);
}

/** Shorthand gives strings; the model says which are numbers and booleans. */
function fromShorthand(model: CliModel, shape: CliShape, value: Shorthand, flag: string): Json {
	if (shape.type === 'structure' && typeof value === 'object' && !Array.isArray(value)) {
		const out: Record<string, Json> = {};
		const members = new Map(shape.members ?? []);
		for (const [k, v] of Object.entries(value)) {
			const ref = members.get(k);
			out[k] = ref ? fromShorthand(model, shapeOf(model, ref), v, flag) : (v as Json);
		}
		return out;
	}
	if (shape.type === 'map' && typeof value === 'object' && !Array.isArray(value)) {
		const out: Record<string, Json> = {};
		for (const [k, v] of Object.entries(value)) out[k] = fromShorthand(model, shapeOf(model, shape.value ?? ''), v, flag);
		return out;
	}
	if (shape.type === 'list') {
		const items = Array.isArray(value) ? value : [value];
		return items.map((v) => fromShorthand(model, shapeOf(model, shape.member ?? ''), v, flag));
	}
	if (typeof value === 'string') return scalar(shape, value);
	return value as Json;
}

function scalar(shape: CliShape, value: string): Json {
	switch (shape.type) {
		case 'integer':
		case 'long': {
			// Python's int(): surrounding spaces and a sign are fine, anything else is not.
			if (!/^\s*[+-]?\d+\s*$/.test(value)) throw new CliUsageError(`invalid literal for int() with base 10: '${value}'`, 'uncaught');
			return Number.parseInt(value, 10);
		}
		case 'float':
		case 'double': {
			const n = Number(value);
			if (value.trim() === '' || Number.isNaN(n)) throw new CliUsageError(`could not convert string to float: '${value}'`, 'none');
			return n;
		}
		case 'boolean':
			return value.toLowerCase() === 'true';
		default:
			return value;
	}
}
