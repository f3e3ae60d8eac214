// The shell's `session.files` over a real directory: the lab keeps the editor's files in a Map,
// and the local shell shows the directory it was started in through the same Map interface, so
// `cat`, `ls`, `file://` and `docker build` work on real files unchanged. Read afresh on every
// access, so a file edited in another window is seen at once. Writes stay in memory.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Not shown: installs and repositories are large, and no lab's file lives in them. */
const HIDDEN_DIRS = new Set(['node_modules', '.git']);
/** Guards against `ls` in a home directory walking the whole disk. */
const MAX_FILES = 5000;
const MAX_BYTES = 10 * 1024 * 1024;

/** "./a//b" → "a/b"; undefined for a path that leaves the directory or enters a hidden one. */
export function relativeKey(path: string): string | undefined {
	const segments = path.split('/').filter((s) => s !== '' && s !== '.');
	if (segments.length === 0 || segments.some((s) => s === '..' || HIDDEN_DIRS.has(s))) return undefined;
	return segments.join('/');
}

export class DirectoryFiles extends Map<string, string> {
	readonly #root: string;
	readonly #realRoot: string;
	/** What programs wrote (`set`): kept in memory, in front of the disk. */
	readonly #written = new Map<string, string>();
	readonly #deleted = new Set<string>();

	constructor(root: string) {
		super();
		this.#root = root;
		this.#realRoot = realpathSync(root);
	}

	override get(key: string): string | undefined {
		const rel = relativeKey(key);
		if (rel === undefined || this.#deleted.has(rel)) return undefined;
		return this.#written.get(rel) ?? this.#read(rel);
	}

	override has(key: string): boolean {
		return this.get(key) !== undefined;
	}

	override set(key: string, value: string): this {
		const rel = relativeKey(key);
		if (rel !== undefined) {
			this.#written.set(rel, value);
			this.#deleted.delete(rel);
		}
		return this;
	}

	override delete(key: string): boolean {
		const rel = relativeKey(key);
		if (rel === undefined || !this.has(rel)) return false;
		this.#written.delete(rel);
		this.#deleted.add(rel);
		return true;
	}

	override clear(): void {
		for (const key of this.#names()) this.delete(key);
	}

	override get size(): number {
		return this.#names().length;
	}

	override keys(): MapIterator<string> {
		// Names only: `ls` should not read every file.
		return new Map(this.#names().map((n) => [n, n])).keys();
	}

	override values(): MapIterator<string> {
		return this.#snapshot().values();
	}

	override entries(): MapIterator<[string, string]> {
		return this.#snapshot().entries();
	}

	override [Symbol.iterator](): MapIterator<[string, string]> {
		return this.entries();
	}

	override forEach(callback: (value: string, key: string, map: Map<string, string>) => void, thisArg?: unknown): void {
		for (const [k, v] of this.#snapshot()) callback.call(thisArg, v, k, this);
	}

	#read(rel: string): string | undefined {
		try {
			const path = realpathSync(join(this.#root, ...rel.split('/')));
			// A symbolic link out of the directory is as invisible as `../x`.
			if (path !== this.#realRoot && !path.startsWith(this.#realRoot + sep)) return undefined;
			const s = statSync(path);
			if (!s.isFile() || s.size > MAX_BYTES) return undefined;
			return readFileSync(path, 'utf8');
		} catch {
			return undefined;
		}
	}

	/** Every visible file, sorted: those on disk (minus deleted) and those written. */
	#names(): string[] {
		const names = new Set<string>();
		const walk = (dir: string, prefix: string): void => {
			let entries;
			try {
				entries = readdirSync(dir, { withFileTypes: true });
			} catch {
				return;
			}
			for (const e of entries) {
				if (names.size >= MAX_FILES) return;
				const rel = prefix + e.name;
				// Directories reached through links are not walked: a link loop would never end.
				if (e.isDirectory() && !HIDDEN_DIRS.has(e.name)) walk(join(dir, e.name), `${rel}/`);
				else if (e.isFile() && !this.#deleted.has(rel)) names.add(rel);
				else if (e.isSymbolicLink() && !this.#deleted.has(rel) && this.#read(rel) !== undefined) names.add(rel);
			}
		};
		walk(this.#root, '');
		for (const k of this.#written.keys()) names.add(k);
		return [...names].sort();
	}

	#snapshot(): Map<string, string> {
		const files = new Map<string, string>();
		for (const name of this.#names()) {
			const text = this.get(name);
			if (text !== undefined) files.set(name, text);
		}
		return files;
	}
}
