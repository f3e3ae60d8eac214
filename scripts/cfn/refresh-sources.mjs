#!/usr/bin/env node
// Refreshes the vendored sources in scripts/cfn/sources/cfn-lint-<version>/ from an installed cfn-lint
// (pip install cfn-lint==<version>; Debian's and PyPI's wheels hold the same data files):
//
//   node scripts/cfn/refresh-sources.mjs <site-packages>/cfnlint [version]
//
// then run build-resource-types.mjs and build-resource-schemas.mjs. A new version gets a new folder;
// update SOURCE_DIR / TYPES_SOURCE and the version strings in the two build scripts.
//
// What is copied (all from <cfnlint>/data/schemas/):
// - providers/<region>.py: the `types` mapping of every region -> resource-types.txt (union, sorted;
//   a type missing from us-east-1 is followed by a tab and the regions that have it);
// - resources/<hash>.json of each modelled type in us-east-1 -> schemas/<type>.json, byte for byte,
//   with schemas/manifest.json recording the original file names;
// - patches/extensions/all/<type>/*.json -> extension-patches/<type>/ (the build reverts them).

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODELLED_TYPES, slugOf } from './build-resource-schemas.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [cfnlint, version = '1.51.0'] = process.argv.slice(2);
if (!cfnlint || !existsSync(`${cfnlint}/data/schemas/providers/us_east_1.py`)) {
	console.error('usage: node scripts/cfn/refresh-sources.mjs <path to the cfnlint package> [version]');
	process.exit(2);
}
const data = `${cfnlint}/data/schemas`;
const out = `${root}scripts/cfn/sources/cfn-lint-${version}`;
mkdirSync(`${out}/schemas`, { recursive: true });
mkdirSync(`${out}/extension-patches`, { recursive: true });

const typesOf = (file) =>
	new Map([...readFileSync(file, 'utf8').matchAll(/^ {4}"([^"]+)": "([0-9a-f]{16})",$/gm)].map((m) => [m[1], m[2]]));

/** @type {Map<string, Map<string, string>>} region -> type -> hash */
const regions = new Map();
for (const f of readdirSync(`${data}/providers`).sort()) {
	if (!f.endsWith('.py') || f === '__init__.py') continue;
	regions.set(f.slice(0, -3).replace(/_/g, '-'), typesOf(`${data}/providers/${f}`));
}
const use1 = regions.get('us-east-1');
const all = [...new Set([...regions.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const header = [
	`# Every resource type name registered in any region, extracted from cfn-lint ${version} (PyPI wheel):`,
	`# the union of the \`types\` mappings in cfnlint/data/schemas/providers/<region>.py (${regions.size} regions).`,
	"# cfn-lint builds those from each region's CloudformationSchema.zip (the public registry schemas)",
	'# and adds two synthetic names of its own: AWS::CDK::Metadata and Module.',
	'# Lines after the header: one type name each, sorted (C locale). A type registered in some',
	'# regions only is followed by a tab and those regions.'
];
const lines = all.map((t) =>
	use1.has(t) ? t : `${t}\t${[...regions].filter(([, m]) => m.has(t)).map(([r]) => r).sort().join(',')}`
);
writeFileSync(`${out}/resource-types.txt`, [...header, ...lines].join('\n') + '\n');

const manifest = {};
for (const type of MODELLED_TYPES) {
	const hash = use1.get(type);
	if (!hash) throw new Error(`${type} is not in us-east-1`);
	const slug = slugOf(type);
	copyFileSync(`${data}/resources/${hash}.json`, `${out}/schemas/${slug}.json`);
	const pdir = type.toLowerCase().replace(/::/g, '_');
	const patchDir = `${data}/patches/extensions/all/${pdir}`;
	const patches = existsSync(patchDir) ? readdirSync(patchDir).filter((f) => f.endsWith('.json')).sort() : [];
	if (patches.length) mkdirSync(`${out}/extension-patches/${slug}`, { recursive: true });
	for (const p of patches) copyFileSync(`${patchDir}/${p}`, `${out}/extension-patches/${slug}/${p}`);
	manifest[type] = {
		extensionPatches: patches.map((p) => `cfnlint/data/schemas/patches/extensions/all/${pdir}/${p}`),
		file: `cfnlint/data/schemas/resources/${hash}.json`
	};
}
const sorted = Object.fromEntries(Object.keys(manifest).sort().map((k) => [k, manifest[k]]));
writeFileSync(`${out}/schemas/manifest.json`, JSON.stringify(sorted, null, 1));
console.log(`refreshed ${out}: ${all.length} type names, ${MODELLED_TYPES.length} schemas`);
