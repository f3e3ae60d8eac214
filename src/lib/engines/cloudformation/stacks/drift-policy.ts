// Policy documents (repository policies, trust policies, IAM policies) compared by meaning rather
// than by spelling. A service hands a policy back in its own layout: keys reordered, spacing gone,
// a one-element Action list as a plain string, statements in another order. IAM's grammar makes
// those the same policy (the IAM JSON policy element reference: Action, Resource and their Not
// forms take "a string or an array of strings"; a statement list is a set of statements), so
// drift detection must not call them drift. This is the simulator's reading of IAM semantics:
// AWS does not document how its drift engine canonicalises policies (unverified).

const LIST_ELEMENTS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);
const PRINCIPAL_ELEMENTS = new Set(['Principal', 'NotPrincipal']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Templates write numbers and booleans as strings as often as not ("true", "30"). */
const scalar = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

/** A string or a list of them, as a sorted list without repeats. */
function valueSet(v: unknown): unknown {
	const items = Array.isArray(v) ? v : [v];
	if (!items.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) return v;
	return [...new Set(items.map((x) => String(x)))].sort();
}

function statement(s: unknown): unknown {
	if (!isObject(s)) return s;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(s)) {
		if (LIST_ELEMENTS.has(key)) out[key] = valueSet(value);
		else if (PRINCIPAL_ELEMENTS.has(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, valueSet(v)]));
		else if (key === 'Condition' && isObject(value)) {
			out[key] = Object.fromEntries(Object.entries(value).map(([op, block]) => [op, isObject(block) ? Object.fromEntries(Object.entries(block).map(([k, v]) => [k, valueSet(v)])) : block]));
		} else out[key] = canonical(value);
	}
	return out;
}

/** Plain JSON with object keys in one order, so equal documents stringify equally. */
function canonical(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(canonical);
	if (isObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
	return scalar(v);
}

/** Whether a value has the shape of an IAM policy document. */
export const isPolicyDocument = (v: unknown): v is Record<string, unknown> => isObject(v) && 'Statement' in v;

/** The document in one spelling: same meaning, same text. */
export function canonicalPolicy(doc: Record<string, unknown>): string {
	const statements = Array.isArray(doc['Statement']) ? doc['Statement'] : [doc['Statement']];
	const normalised = statements.map((s) => JSON.stringify(canonical(statement(s)))).sort();
	const rest = Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'Statement'));
	return JSON.stringify({ ...(canonical(rest) as Record<string, unknown>), Statement: normalised });
}

/** Two policy documents that grant the same thing. */
export const samePolicy = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => canonicalPolicy(a) === canonicalPolicy(b);
