// Damage a saved world anywhere: every path into a JSON value, and a copy with one path replaced
// or removed. Shared by the damaged-save property tests.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
	out.push(prefix);
	if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
	else if (value && typeof value === 'object') for (const k of Object.keys(value)) paths(value[k] as Json, [...prefix, k], out);
	return out;
}

/** A copy of `root` with the value at `path` replaced, or removed when `replacement` is undefined. */
export function setAt(root: Json, path: (string | number)[], replacement: Json | undefined): Json {
	if (path.length === 0) return replacement ?? null;
	const copy = structuredClone(root);
	let node = copy as Record<string | number, Json>;
	for (const key of path.slice(0, -1)) node = node[key] as unknown as Record<string | number, Json>;
	const last = path[path.length - 1] as string | number;
	if (replacement === undefined) {
		if (Array.isArray(node)) node.splice(Number(last), 1);
		else delete node[last];
	} else node[last] = replacement;
	return copy;
}
