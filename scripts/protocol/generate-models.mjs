#!/usr/bin/env node
// Regenerates src/lib/protocol/models/*.generated.ts: compact shape tables for the AWS wire
// protocols, cut from botocore's service models down to the operations the engines support.
//
//   node scripts/protocol/generate-models.mjs            write the modules
//   node scripts/protocol/generate-models.mjs --check    exit 1 if a module is out of date
//   BOTOCORE_DATA=/path/to/botocore/data node scripts/protocol/generate-models.mjs
//
// Source: botocore's `data/<service>/<api-version>/service-2.json.gz` (the same models the AWS CLI
// v2 and boto3 use). Generated on the development machine from
//   /root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data   (botocore 1.43.11)
// CI has no botocore, so the generated files are committed; tests/conformance/models.test.ts
// checks that every operation an engine supports has a model entry (run this script when it fails).
//
// Which operations: the keys of the engines' operation tables (read from their source text, so
// the script needs no TypeScript loader) and of the protocol's own STS table. Which shapes: those
// operations' input, output and error shapes and everything they reach. What is kept of a shape:
// its type, member order (it is the XML element order of awsQuery responses), and the traits the
// protocols read (locationName, flattened, timestampFormat, jsonvalue, awsQuery error code,
// HTTP status and fault, idempotencyToken). Documentation, constraints and enums are dropped.
// Scalars are written inline at each use as ':string', ':timestamp' ... (with '/<format>' when a
// timestampFormat trait is on the shape) so the tables stay small.

import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_BOTOCORE_DATA = '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data';

/** Where each service's operation names come from: a file and the object literal that lists them. */
export const SERVICES = [
	{ id: 'ecr', botocore: 'ecr', exportName: 'ecrModel', opsFile: 'src/lib/engines/ecr/operations.ts', opsObject: 'ecrOperations' },
	{ id: 'ecr-public', botocore: 'ecr-public', exportName: 'ecrPublicModel', opsFile: 'src/lib/engines/ecr/public.ts', opsObject: 'publicOperations' },
	{ id: 'cloudformation', botocore: 'cloudformation', exportName: 'cloudFormationModel', opsFile: 'src/lib/engines/cloudformation/api.ts', opsObject: 'cloudFormationOperations' },
	{ id: 'sts', botocore: 'sts', exportName: 'stsModel', opsFile: 'src/lib/protocol/sts/operations.ts', opsObject: 'stsOperations' },
	{ id: 'iam', botocore: 'iam', exportName: 'iamModel', opsFile: 'src/lib/engines/identity/operations.ts', opsObject: 'identityOperations' }
];

const SCALARS = new Set(['string', 'boolean', 'integer', 'long', 'float', 'double', 'blob', 'timestamp', 'bigdecimal', 'biginteger']);

/** The keys at the first level of `export const <name> = { ... }` in a TypeScript file. */
export function operationNames(source, objectName) {
	const start = source.indexOf(`export const ${objectName} = {`);
	if (start < 0) throw new Error(`export const ${objectName} = { not found`);
	const lines = source.slice(start).split('\n').slice(1);
	const names = [];
	for (const line of lines) {
		if (/^}/.test(line)) break;
		const m = /^\t([A-Z][A-Za-z0-9]*)\s*[:,]/.exec(line);
		if (m) names.push(m[1]);
	}
	if (names.length === 0) throw new Error(`no operations found in ${objectName}`);
	return names;
}

function loadBotocore(dataDir, service) {
	const dir = `${dataDir}/${service}`;
	const versions = readdirSync(dir).filter((v) => existsSync(`${dir}/${v}/service-2.json.gz`)).sort();
	const version = versions.at(-1);
	if (!version) throw new Error(`no service-2.json.gz under ${dir}`);
	return JSON.parse(gunzipSync(readFileSync(`${dir}/${version}/service-2.json.gz`)).toString('utf8'));
}

/** A member's or list item's reference: ':<scalar>' inline, else the shape's name. */
function ref(model, shapeName, need) {
	const shape = model.shapes[shapeName];
	if (!shape) throw new Error(`shape ${shapeName} missing`);
	if (SCALARS.has(shape.type)) return shape.timestampFormat ? `:${shape.type}/${shape.timestampFormat}` : `:${shape.type}`;
	need.push(shapeName);
	return shapeName;
}

function memberTraits(member, target) {
	const t = {};
	if (member.locationName) t.locationName = member.locationName;
	if (member.flattened || target.flattened) t.flattened = true;
	if (member.timestampFormat) t.timestampFormat = member.timestampFormat;
	if (member.jsonvalue) t.jsonvalue = true;
	if (member.idempotencyToken) t.idempotencyToken = true;
	return t;
}

function compactShape(model, name, need) {
	const s = model.shapes[name];
	if (s.type === 'structure') {
		const members = Object.entries(s.members ?? {}).map(([m, def]) => {
			const traits = memberTraits(def, model.shapes[def.shape]);
			const r = ref(model, def.shape, need);
			return Object.keys(traits).length ? [m, r, traits] : [m, r];
		});
		const out = { type: 'structure', members };
		if (s.union) out.union = true;
		return out;
	}
	if (s.type === 'list') {
		const out = { type: 'list', member: ref(model, s.member.shape, need) };
		if (s.member.locationName) out.memberName = s.member.locationName;
		if (s.flattened) out.flattened = true;
		return out;
	}
	if (s.type === 'map') {
		const out = { type: 'map', key: ref(model, s.key.shape, need), value: ref(model, s.value.shape, need) };
		if (s.key.locationName) out.keyName = s.key.locationName;
		if (s.value.locationName) out.valueName = s.value.locationName;
		if (s.flattened) out.flattened = true;
		return out;
	}
	throw new Error(`unsupported shape type ${s.type} (${name})`);
}

/** The compact model of one service restricted to `operations`. */
export function compactModel(model, operations) {
	const missing = operations.filter((o) => !model.operations[o]);
	if (missing.length) throw new Error(`${model.metadata.serviceId}: not in the botocore model: ${missing.join(', ')}`);
	const need = [];
	const ops = {};
	const errors = {};
	for (const name of [...operations].sort()) {
		const op = model.operations[name];
		const entry = {};
		if (op.input) entry.input = ref(model, op.input.shape, need);
		if (op.output) entry.output = ref(model, op.output.shape, need);
		if (op.output?.resultWrapper) entry.resultWrapper = op.output.resultWrapper;
		const errs = (op.errors ?? []).map((e) => e.shape);
		if (errs.length) entry.errors = errs;
		for (const e of errs) {
			const shape = model.shapes[e];
			errors[e] = {
				code: shape.error?.code ?? e,
				...(shape.error?.httpStatusCode ? { httpStatus: shape.error.httpStatusCode } : {}),
				fault: shape.fault || (shape.error && !shape.error.senderFault) ? 'Receiver' : 'Sender'
			};
		}
		ops[name] = entry;
	}
	const shapes = {};
	while (need.length) {
		const n = need.pop();
		if (shapes[n]) continue;
		shapes[n] = compactShape(model, n, need);
	}
	const sorted = Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	const md = model.metadata;
	const metadata = { apiVersion: md.apiVersion, protocol: md.protocol, serviceId: md.serviceId, signingName: md.signingName ?? md.endpointPrefix };
	if (md.targetPrefix) metadata.targetPrefix = md.targetPrefix;
	if (md.jsonVersion) metadata.jsonVersion = md.jsonVersion;
	if (md.xmlNamespace) metadata.xmlNamespace = md.xmlNamespace;
	const sortedErrors = Object.fromEntries(Object.entries(errors).sort(([a], [b]) => (a < b ? -1 : 1)));
	return { metadata, operations: ops, errors: sortedErrors, shapes: sorted };
}

export function renderModule(service, compact, sourcePath) {
	const lines = [
		'// GENERATED by scripts/protocol/generate-models.mjs: do not edit.',
		`// Source: botocore ${sourcePath}`,
		'// Only the operations the simulator supports, with the shapes they reach (member order kept).',
		"import type { ServiceModel } from './shapes';",
		'',
		`export const ${service.exportName}: ServiceModel = {`,
		`\tmetadata: ${JSON.stringify(compact.metadata)},`,
		'\toperations: {',
		...Object.entries(compact.operations).map(([k, v]) => `\t\t${k}: ${JSON.stringify(v)},`),
		'\t},',
		'\terrors: {',
		...Object.entries(compact.errors).map(([k, v]) => `\t\t${k}: ${JSON.stringify(v)},`),
		'\t},',
		'\tshapes: {',
		...Object.entries(compact.shapes).map(([k, v]) => `\t\t${JSON.stringify(k)}: ${JSON.stringify(v)},`),
		'\t}',
		'};',
		''
	];
	return lines.join('\n');
}

export function buildAll(dataDir = process.env.BOTOCORE_DATA ?? DEFAULT_BOTOCORE_DATA) {
	return SERVICES.map((service) => {
		const model = loadBotocore(dataDir, service.botocore);
		const ops = operationNames(readFileSync(`${root}${service.opsFile}`, 'utf8'), service.opsObject);
		const compact = compactModel(model, ops);
		const sourcePath = `${service.botocore}/${model.metadata.apiVersion}/service-2.json.gz`;
		return { file: `src/lib/protocol/models/${service.id}.generated.ts`, text: renderModule(service, compact, sourcePath) };
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const check = process.argv.includes('--check');
	let stale = 0;
	for (const { file, text } of buildAll()) {
		const path = `${root}${file}`;
		const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
		if (old === text) continue;
		if (check) {
			console.error(`${file} is out of date`);
			stale++;
		} else {
			writeFileSync(path, text);
			console.log(`wrote ${file} (${text.length} bytes)`);
		}
	}
	if (stale) process.exit(1);
}
