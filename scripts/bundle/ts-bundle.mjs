// Runs a TypeScript entry under Node 20, which cannot run TypeScript (and the project has no tsx):
// the entry and everything it imports from the project (the engines, the cli, the protocols) are
// bundled with rolldown (Vite 8's bundler, already installed) into node_modules/.cache/<cache>,
// and rebuilt only when one of the bundled files changed. Packages (xstate, js-yaml) stay
// external and load from node_modules. Shared by `npm run endpoint` and `npm run shell`.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const self = relative(root, fileURLToPath(import.meta.url));

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

/** What a build depended on: each input's size and mtime, the launchers, and the bundler. */
async function fingerprint(files) {
	const stamps = {};
	for (const file of files) {
		const s = await stat(join(root, file));
		stamps[file] = `${s.size}:${s.mtimeMs}`;
	}
	return stamps;
}

async function currentBuild(cache, manifestPath) {
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

async function build({ name, entry, launcher, cache, manifestPath }) {
	const { rolldown, version } = await loadRolldown();
	const bundle = await rolldown({
		input: { main: join(root, entry) },
		cwd: root,
		platform: 'node',
		// Bare specifiers are packages or node: builtins; only project sources are bundled.
		external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('$lib'),
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		onLog: (level, log) => {
			if (level === 'warn') console.error(`${name} bundle: ${log.message}`);
		}
	});
	const tmp = join(cache, `tmp-${process.pid}-${Date.now()}`);
	const { output } = await bundle.write({ dir: tmp, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' });
	await bundle.close();
	const inputs = new Set([launcher, self, 'package-lock.json']);
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
	await prune(cache, dir);
	return dir;
}

/**
 * Drops older bundles. Only those untouched for ten minutes: a process started from one has long
 * since loaded its chunks (the endpoint loads every resource schema at startup).
 */
async function prune(cache, keep) {
	for (const entry of await readdir(cache)) {
		if (entry === keep || !/^(build|tmp)-/.test(entry)) continue;
		const path = join(cache, entry);
		const s = await stat(path).catch(() => undefined);
		if (s && Date.now() - s.mtimeMs > 10 * 60_000) await rm(path, { recursive: true, force: true });
	}
}

/**
 * Bundles `entry` (a path from the project root) unless a current bundle is cached, then imports
 * it. `name` prefixes messages; `launcher` (the calling script, from the root) is an input of the
 * build; `announce` says whether to report a fresh build on stderr. A source that does not bundle
 * ends the process with code 1 and the bundler's message, without its stack trace.
 */
export async function runBundled({ name, entry, launcher, cacheName, announce = true }) {
	const started = performance.now();
	const cache = join(root, 'node_modules/.cache', cacheName);
	const manifestPath = join(cache, 'manifest.json');
	await mkdir(cache, { recursive: true });
	let dir = await currentBuild(cache, manifestPath);
	if (!dir) {
		try {
			dir = await build({ name, entry, launcher, cache, manifestPath });
		} catch (e) {
			console.error(`${name}: could not bundle ${entry}:\n${e instanceof Error ? e.message : String(e)}`);
			process.exit(1);
		}
		if (announce) console.error(`${name}: bundled ${entry} in ${Math.round(performance.now() - started)} ms (cached in ${relative(root, cache)})`);
	}
	await import(pathToFileURL(join(cache, dir, 'main.mjs')).href);
}
