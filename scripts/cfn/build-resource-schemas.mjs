#!/usr/bin/env node
// Regenerates the compact resource schemas the simulated CloudFormation validates templates with:
//   src/lib/engines/cloudformation/resources/schemas/<type>.generated.ts   one module per type
//   src/lib/engines/cloudformation/resources/schemas/index.generated.ts    lazy import() per type
// from the registry schemas vendored in scripts/cfn/sources/cfn-lint-1.51.0/ (see the README there).
//
//   node scripts/cfn/build-resource-schemas.mjs          write the modules
//   node scripts/cfn/build-resource-schemas.mjs --check  exit 1 if any module is out of date
//
// What the build does to each schema:
// 1. Reverts cfn-lint's *extension* patches (cfnlint/data/schemas/patches/extensions/all/<type>/*.json:
//    constraints cfn-lint adds from the service API models and by hand, plus cfn-lint-only keywords
//    such as `format: AWS::IAM::Role.Arn`, `requiredXor`, `dependentExcluded`). Every such patch is an
//    `add`; it is undone by removing the value when the schema still holds exactly the patched value,
//    last patch first. What remains is AWS's registry schema with cfn-lint's *provider* patches (fixes
//    of schema bugs, which cfn-lint applies to match what CloudFormation accepts).
// 2. Keeps only what validation, change sets and GetAtt need: JSON-schema validation keywords,
//    `required`, `definitions` still referenced, createOnly / conditionalCreateOnly / readOnly /
//    writeOnly / primaryIdentifier (paths without the "/properties/" prefix), and `insertionOrder`
//    where it is `false` (drift detection then compares the array as a set; AWS's default is true).
//    Descriptions, examples, tagging, handlers, `default`, `format` and so on are dropped.
// 3. Lists the GetAtt attribute names the way cfn-lint 1.51.0 does (cfnlint/schema/_getatts.py):
//    readOnlyProperties with "/" turned into "."; for the types in its `_all_property_types` list
//    every property (not descending into arrays of objects) is readable too.

import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const SOURCE_DIR = 'scripts/cfn/sources/cfn-lint-1.51.0';
export const OUT_DIR = 'src/lib/engines/cloudformation/resources/schemas';

export const MODELLED_TYPES = [
	'AWS::CloudFormation::WaitCondition',
	'AWS::CloudFormation::WaitConditionHandle',
	'AWS::EC2::SecurityGroup',
	'AWS::EC2::Subnet',
	'AWS::EC2::VPC',
	'AWS::ECR::PublicRepository',
	'AWS::ECR::PullThroughCacheRule',
	'AWS::ECR::RegistryPolicy',
	'AWS::ECR::RegistryScanningConfiguration',
	'AWS::ECR::ReplicationConfiguration',
	'AWS::ECR::Repository',
	'AWS::ECS::Cluster',
	'AWS::ECS::Service',
	'AWS::ECS::TaskDefinition',
	'AWS::EKS::Cluster',
	'AWS::IAM::ManagedPolicy',
	'AWS::IAM::Policy',
	'AWS::IAM::Role',
	'AWS::IAM::User',
	'AWS::KMS::Key',
	'AWS::Lambda::Function',
	'AWS::Logs::LogGroup',
	'AWS::S3::Bucket',
	'AWS::SNS::Topic',
	'AWS::SQS::Queue'
];

/** cfn-lint 1.51.0 cfnlint/schema/_getatts.py `_all_property_types`, restricted to the modelled types. */
const ALL_PROPERTY_GETATT_TYPES = new Set([
	'AWS::EC2::SecurityGroup',
	'AWS::EC2::Subnet',
	'AWS::EC2::VPC',
	'AWS::SNS::Topic',
	'AWS::SQS::Queue'
]);

/** JSON-schema keywords the validator understands; everything else is dropped. */
const VALIDATION_KEYWORDS = new Set([
	'type', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
	'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'items', 'minItems', 'maxItems',
	'uniqueItems', 'properties', 'patternProperties', 'additionalProperties', 'required',
	'dependencies', 'dependentRequired', 'oneOf', 'anyOf', 'allOf', 'not', '$ref', 'minProperties',
	'maxProperties'
]);
/** Keywords whose value is a map of name -> subschema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = new Set(['oneOf', 'anyOf', 'allOf']);

export const slugOf = (type) => type.toLowerCase().replace(/::/g, '-');

const deepEqual = (a, b) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v) {
	if (Array.isArray(v)) return v.map(sortKeys);
	if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
	return v;
}
const unescapePointer = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Undoes JSON-patch `add` operations (last first) where the schema still holds the added value. */
export function revertAddPatches(schema, patchFiles) {
	const reverted = [];
	const kept = [];
	const ops = patchFiles.flatMap((f) => f.ops.map((op) => ({ ...op, file: f.name })));
	for (const op of ops.reverse()) {
		if (op.op !== 'add') {
			kept.push(`${op.file}: ${op.op} ${op.path} (not an add)`);
			continue;
		}
		const parts = op.path.split('/').slice(1).map(unescapePointer);
		const last = parts.pop();
		let parent = schema;
		for (const p of parts) parent = parent == null ? undefined : parent[p];
		if (!parent || typeof parent !== 'object' || Array.isArray(parent) || !(last in parent)) {
			// already gone: a later patch on the same path was reverted first, or the path never existed
			continue;
		}
		if (deepEqual(parent[last], op.value)) {
			delete parent[last];
			reverted.push(op.path);
		} else {
			kept.push(`${op.file}: ${op.path}`);
		}
	}
	return { reverted, kept };
}

function compactNode(node) {
	if (Array.isArray(node)) return node.map(compactNode);
	if (!node || typeof node !== 'object') return node;
	const out = {};
	for (const key of Object.keys(node).sort()) {
		// Only `false` says something (the meta-schema's default is true): order does not matter.
		if (key === 'insertionOrder') {
			if (node[key] === false) out[key] = false;
			continue;
		}
		if (!VALIDATION_KEYWORDS.has(key)) continue;
		const v = node[key];
		if (SCHEMA_MAPS.has(key)) {
			out[key] = Object.fromEntries(Object.keys(v).sort().map((k) => [k, compactNode(v[k])]));
		} else if (SCHEMA_LISTS.has(key)) {
			out[key] = v.map(compactNode);
		} else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && typeof v === 'object')) {
			out[key] = compactNode(v);
		} else if (key === 'dependencies') {
			out[key] = Object.fromEntries(
				Object.keys(v).sort().map((k) => [k, Array.isArray(v[k]) ? v[k] : compactNode(v[k])])
			);
		} else if (key === 'pattern') {
			out[key] = javaRegexToJs(v);
		} else {
			out[key] = v;
		}
	}
	if (out.patternProperties) {
		out.patternProperties = Object.fromEntries(
			Object.entries(out.patternProperties).map(([k, v]) => [javaRegexToJs(k), v])
		);
	}
	return out;
}

/**
 * AWS validates patterns with java.util.regex. The few Java-only anchors in these schemas are turned
 * into their JavaScript equivalents: \A -> ^, \z -> $, \Z -> (?=\n?$) (end, or before a final line
 * terminator). Everything else is left as written; the validator compiles with the `u` flag and falls
 * back to no flag for patterns that only compile that way (e.g. `\-` outside a class).
 */
export function javaRegexToJs(pattern) {
	let out = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === '\\' && i + 1 < pattern.length) {
			const n = pattern[i + 1];
			if (n === 'A') out += '^';
			else if (n === 'z') out += '$';
			else if (n === 'Z') out += '(?=\\n?$)';
			else out += c + n;
			i++;
		} else out += c;
	}
	return out;
}

function collectRefs(node, acc) {
	if (Array.isArray(node)) node.forEach((n) => collectRefs(n, acc));
	else if (node && typeof node === 'object') {
		for (const [k, v] of Object.entries(node)) {
			if (k === '$ref' && typeof v === 'string') acc.add(v);
			else collectRefs(v, acc);
		}
	}
}

const stripProps = (paths) => (paths ?? []).map((p) => p.replace(/^\/properties\//, ''));

function resolveRef(schema, ref) {
	const m = /^#\/definitions\/(.+)$/.exec(ref);
	return m ? schema.definitions?.[m[1]] : undefined;
}

/** GetAtt names the way cfn-lint 1.51.0 derives them. */
export function getAttNames(raw) {
	const names = [];
	if (ALL_PROPERTY_GETATT_TYPES.has(raw.typeName)) {
		const walk = (obj, path, depth) => {
			if (!obj || depth > 20) return;
			if (obj.$ref) return walk(resolveRef(raw, obj.$ref), path, depth + 1);
			const types = Array.isArray(obj.type) ? obj.type : [obj.type];
			if (types.includes('object')) {
				for (const [k, v] of Object.entries(obj.properties ?? {})) walk(v, [...path, k], depth + 1);
			} else if (types.includes('array')) {
				const itemType = obj.items?.type;
				if (itemType === 'object' || itemType === 'array') return;
				names.push(path.join('.'));
			} else {
				names.push(path.join('.'));
			}
		};
		for (const [k, v] of Object.entries(raw.properties ?? {})) walk(v, [k], 0);
		return names; // cfn-lint returns here: readOnlyProperties are not added on top
	}
	for (const p of raw.readOnlyProperties ?? []) {
		const n = p.split('/').slice(2).join('.');
		if (!names.includes(n)) names.push(n);
	}
	return names;
}

/** Loads the vendored source for one type and returns the compact schema plus build notes. */
export function compactSchema(type, read = (p) => readFileSync(root + p, 'utf8')) {
	const slug = slugOf(type);
	const raw = JSON.parse(read(`${SOURCE_DIR}/schemas/${slug}.json`));
	if (raw.typeName !== type) throw new Error(`${slug}.json holds ${raw.typeName}, expected ${type}`);
	const manifest = JSON.parse(read(`${SOURCE_DIR}/schemas/manifest.json`))[type];
	const patchFiles = (manifest.extensionPatches ?? []).map((p) => {
		const name = p.split('/').pop();
		return { name, ops: JSON.parse(read(`${SOURCE_DIR}/extension-patches/${slug}/${name}`)) };
	});
	const { reverted, kept } = revertAddPatches(raw, patchFiles);

	const top = compactNode({ ...raw, properties: raw.properties, definitions: undefined });
	const refs = new Set();
	collectRefs(top, refs);
	// follow references through definitions until closed
	const definitions = {};
	const queue = [...refs];
	while (queue.length) {
		const ref = queue.shift();
		const m = /^#\/definitions\/(.+)$/.exec(ref);
		if (!m) throw new Error(`${type}: unsupported $ref ${ref}`);
		const name = m[1];
		if (name in definitions) continue;
		const def = raw.definitions?.[name];
		if (!def) throw new Error(`${type}: $ref to missing definition ${name}`);
		definitions[name] = compactNode(def);
		const more = new Set();
		collectRefs(definitions[name], more);
		for (const r of more) if (!(r.slice('#/definitions/'.length) in definitions)) queue.push(r);
	}

	const schema = {
		typeName: type,
		source: `cfn-lint@1.51.0:${manifest.file}` +
			(reverted.length ? ` less ${reverted.length} cfn-lint extension patch value(s)` : ''),
		...top,
		definitions: Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]])),
		primaryIdentifier: stripProps(raw.primaryIdentifier),
		createOnly: stripProps(raw.createOnlyProperties),
		conditionalCreateOnly: stripProps(raw.conditionalCreateOnlyProperties),
		readOnly: stripProps(raw.readOnlyProperties),
		writeOnly: stripProps(raw.writeOnlyProperties),
		deprecated: stripProps(raw.deprecatedProperties),
		getAtt: getAttNames(raw)
	};
	for (const k of ['conditionalCreateOnly', 'writeOnly', 'deprecated']) if (!schema[k].length) delete schema[k];
	if (!Object.keys(schema.definitions).length) delete schema.definitions;
	return { schema, reverted, kept };
}

/** Every pattern in a compact schema, so the build can prove they compile as JS regular expressions. */
export function patternsOf(node, acc = []) {
	if (Array.isArray(node)) node.forEach((n) => patternsOf(n, acc));
	else if (node && typeof node === 'object') {
		for (const [k, v] of Object.entries(node)) {
			if (k === 'pattern' && typeof v === 'string') acc.push(v);
			else if (k === 'patternProperties') {
				acc.push(...Object.keys(v));
				patternsOf(Object.values(v), acc);
			} else patternsOf(v, acc);
		}
	}
	return acc;
}

export function buildSchemaModule(type, read) {
	const { schema, reverted, kept } = compactSchema(type, read);
	const lines = [
		'// GENERATED by scripts/cfn/build-resource-schemas.mjs. Do not edit by hand.',
		`// ${type}: AWS registry schema (us-east-1) as shipped in cfn-lint 1.51.0 (PyPI wheel, schema files`,
		'// dated 2026-05-20), vendored at ' + `${SOURCE_DIR}/schemas/${slugOf(type)}.json.`,
		`// Source: ${schema.source}`
	];
	if (reverted.length) lines.push(`// Reverted cfn-lint extension patches: ${reverted.join(', ')}`);
	if (kept.length) lines.push(`// Extension patches left in place (value changed since): ${kept.join(', ')}`);
	lines.push("import type { ResourceSchema } from '../types';", '');
	lines.push(`const schema: ResourceSchema = ${JSON.stringify(schema)};`, '', 'export default schema;', '');
	return lines.join('\n');
}

export function buildIndexModule(read) {
	const entries = MODELLED_TYPES.map(
		(t) => `\t'${t}': () => import('./${slugOf(t)}.generated'),`
	);
	const getAtts = MODELLED_TYPES.map((t) => `\t'${t}': ${JSON.stringify(compactSchema(t, read).schema.getAtt)},`);
	return [
		'// GENERATED by scripts/cfn/build-resource-schemas.mjs. Do not edit by hand.',
		'// One lazy import per modelled resource type, so a page that never deploys a stack loads none.',
		"import type { ResourceSchema } from '../types';",
		'',
		'export const SCHEMA_LOADERS: Readonly<Record<string, () => Promise<{ default: ResourceSchema }>>> = {',
		...entries,
		'};',
		'',
		'/** Fn::GetAtt attribute names per modelled type (the `getAtt` of each schema), for synchronous checks. */',
		'export const GETATT_NAMES: Readonly<Record<string, readonly string[]>> = {',
		...getAtts,
		'};',
		''
	].join('\n');
}

/** [path relative to the repo root, expected content] for every generated schema file. */
export function buildAllSchemaFiles(read) {
	const files = MODELLED_TYPES.map((t) => [`${OUT_DIR}/${slugOf(t)}.generated.ts`, buildSchemaModule(t, read)]);
	files.push([`${OUT_DIR}/index.generated.ts`, buildIndexModule(read)]);
	return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const files = buildAllSchemaFiles();
	let bad = 0;
	for (const t of MODELLED_TYPES) {
		for (const p of patternsOf(compactSchema(t).schema)) {
			try {
				new RegExp(p, 'u');
			} catch {
				try {
					new RegExp(p);
					console.warn(`${t}: pattern compiles only without the u flag: ${p}`);
				} catch (e) {
					console.warn(`${t}: pattern does not compile in JS: ${p} (${e.message})`);
				}
			}
		}
	}
	if (process.argv.includes('--check')) {
		for (const [path, content] of files) {
			const current = existsSync(root + path) ? readFileSync(root + path, 'utf8') : '';
			if (current !== content) {
				console.error(`${path} is out of date`);
				bad++;
			}
		}
		const extra = readdirSync(root + OUT_DIR).filter(
			(f) => f.endsWith('.generated.ts') && !files.some(([p]) => p.endsWith('/' + f))
		);
		for (const f of extra) console.error(`${OUT_DIR}/${f} is not generated by this script any more`);
		if (bad || extra.length) process.exit(1);
		console.log('schemas are up to date');
	} else {
		let total = 0;
		for (const [path, content] of files) {
			writeFileSync(root + path, content);
			total += content.length;
		}
		console.log(`wrote ${files.length} files (${total} bytes)`);
	}
}
