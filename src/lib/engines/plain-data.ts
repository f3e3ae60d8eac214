// Deep copy of plain JSON-shaped state. Strings are immutable, so sharing them is safe, and
// skipping their copy makes a world snapshot several times faster than structuredClone.
export function clonePlain<T>(value: T): T {
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map(clonePlain) as T;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		// A restored snapshot is untrusted input: never let it set an object's prototype.
		if (key === '__proto__') continue;
		out[key] = clonePlain((value as Record<string, unknown>)[key]);
	}
	return out as T;
}
