// Where the sandbox keeps itself between visits: one JSON value in localStorage under a versioned
// key. This module is the only place that knows it, so moving the sandbox into the Dexie database
// later means writing another SandboxStore and changing nothing else.

/** Bump the version when the saved shape changes; an old save is then ignored, not misread. */
export const SANDBOX_STORAGE_KEY = 'ecr-course/sandbox/v1';

export interface SandboxStore {
	/** The saved value, or undefined when there is none (or it is not valid JSON). */
	load(): unknown;
	/** Throws when the browser refuses (storage full, or storage turned off). */
	save(value: unknown): void;
	clear(): void;
}

export function localStorageStore(key = SANDBOX_STORAGE_KEY): SandboxStore {
	return {
		load() {
			try {
				const text = localStorage.getItem(key);
				return text === null ? undefined : (JSON.parse(text) as unknown);
			} catch {
				return undefined;
			}
		},
		save(value) {
			localStorage.setItem(key, JSON.stringify(value));
		},
		clear() {
			try {
				localStorage.removeItem(key);
			} catch {
				// Nothing saved that we could remove.
			}
		}
	};
}

/** For tests, and for browsers where localStorage throws on access. */
export function memoryStore(): SandboxStore {
	let text: string | undefined;
	return {
		load: () => (text === undefined ? undefined : (JSON.parse(text) as unknown)),
		save: (value) => void (text = JSON.stringify(value)),
		clear: () => void (text = undefined)
	};
}
