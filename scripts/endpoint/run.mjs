// Launcher for `npm run endpoint`. Node 20 cannot run TypeScript and the project has no tsx, so
// main.ts and everything it imports (the engines, the wire protocols) are bundled with rolldown
// (Vite 8's bundler, already installed) into node_modules/.cache, and rebuilt only when one of the
// bundled files changed. Packages (xstate, js-yaml) stay external and load from node_modules.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cache = join(root, 'node_modules/.cache/ecr-cfn-endpoint');
const manifestPath = join(cache, 'manifest.json');
const entry = join(root, 'scripts/endpoint/main.ts');
const started = performance.now();

/** rolldown is Vite's dependency, not ours: find it through Vite so npm's hoisting can't hide it. */
async function loadRolldown() {
	const fromVite = createRequire(createRequire(join(root, 'package.json')).resolve('vite/package.json'));
	const pkg = fromVite.resolve('rolldown/package.json');
	const { version, exports } = JSON.parse(await readFile(pkg, 'utf8'));
	// The '.' export is a path, or conditions whose `import` (or `default`) leads to one.
	const entryOf = (e) => (typeof e === 'string' ? e : entryOf(e.import ?? e.default));
	const { rolldown } = await import(pathToFileURL(join(dirname(pkg), entryOf(exports['.']))).href);
	return { rolldown, version };
}

/** What a build depended on: each input's size and mtime, this launcher, and the bundler. */
async function fingerprint(files) {
	const stamps = {};
	for (const file of files) {
		const s = await stat(join(root, file));
		stamps[file] = `${s.size}:${s.mtimeMs}`;
	}
	return stamps;
}

async function currentBuild() {
	try {
		const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
		const now = await fingerprint(Object.keys(manifest.inputs));
		const same = Object.entries(manifest.inputs).every(([file, stamp]) => now[file] === stamp);
		if (same) {
			await stat(join(cache, manifest.dir, 'main.mjs'));
			return manifest.dir;
		}
	} catch {
		// No manifest, a deleted input or a missing bundle: build.
	}
	return undefined;
}

async function build() {
	const { rolldown, version } = await loadRolldown();
	const bundle = await rolldown({
		input: { main: entry },
		cwd: root,
		platform: 'node',
		// Bare specifiers are packages or node: builtins; only project sources are bundled.
		external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('$lib'),
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		onLog: (level, log) => {
			if (level === 'warn') console.error(`endpoint bundle: ${log.message}`);
		}
	});
	const tmp = join(cache, `tmp-${process.pid}-${Date.now()}`);
	const { output } = await bundle.write({ dir: tmp, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' });
	await bundle.close();
	const inputs = new Set(['scripts/endpoint/run.mjs', 'package-lock.json']);
	for (const chunk of output) {
		for (const id of chunk.type === 'chunk' ? chunk.moduleIds : []) {
			if (id.startsWith(root) && !id.includes('\0')) inputs.add(relative(root, id));
		}
	}
	const stamps = await fingerprint([...inputs].sort());
	const dir = `build-${createHash('sha256').update(JSON.stringify({ stamps, version })).digest('hex').slice(0, 16)}`;
	// Publish by rename so a second launcher starting at the same time never sees half a bundle.
	await rename(tmp, join(cache, dir)).catch(() => rm(tmp, { recursive: true, force: true }));
	await writeFile(`${manifestPath}.${process.pid}`, JSON.stringify({ dir, inputs: stamps }, null, 1));
	await rename(`${manifestPath}.${process.pid}`, manifestPath);
	await prune(dir);
	return dir;
}

/**
 * Drops older bundles. Only those untouched for ten minutes: an endpoint started from one has
 * long since loaded all its chunks (it loads every resource schema at startup).
 */
async function prune(keep) {
	for (const name of await readdir(cache)) {
		if (name === keep || !/^(build|tmp)-/.test(name)) continue;
		const path = join(cache, name);
		const s = await stat(path).catch(() => undefined);
		if (s && Date.now() - s.mtimeMs > 10 * 60_000) await rm(path, { recursive: true, force: true });
	}
}

await mkdir(cache, { recursive: true });
let dir = await currentBuild();
if (!dir) {
	try {
		dir = await build();
	} catch (e) {
		// A syntax or import error in the sources: say so without a bundler stack trace.
		console.error(`endpoint: could not bundle scripts/endpoint/main.ts:\n${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	}
	console.error(`endpoint: bundled scripts/endpoint/main.ts in ${Math.round(performance.now() - started)} ms (cached in ${relative(root, cache)})`);
}
await import(pathToFileURL(join(cache, dir, 'main.mjs')).href);
