// What changing a property does to the resource, from the registry schema:
//   createOnlyProperties             -> 'Immutable'   (Update requires: Replacement;   RequiresRecreation Always)
//   conditionalCreateOnlyProperties  -> 'Conditional' (replacement depends on the values; RequiresRecreation Conditionally)
//   anything else                    -> 'Mutable'     (Update requires: No interruption; RequiresRecreation Never)
// A path is create-only when it, or a property it sits inside, is listed ("*" in a listed path matches
// any array index). Registry schemas do not say which updates cause "Some interruptions" without
// replacement; those properties come out 'Mutable' here.

import type { RequiresRecreation, ResourceSchema, UpdateBehaviour } from './types';

export type PropertyPath = string | readonly (string | number)[];

const RANK: Record<UpdateBehaviour, number> = { Mutable: 0, Conditional: 1, Immutable: 2 };

/** The more severe of two behaviours. */
export const worstBehaviour = (a: UpdateBehaviour, b: UpdateBehaviour): UpdateBehaviour => (RANK[b] > RANK[a] ? b : a);

/** ResourceChangeDetail.Target.RequiresRecreation for a behaviour. */
export function requiresRecreation(b: UpdateBehaviour): RequiresRecreation {
	return b === 'Immutable' ? 'Always' : b === 'Conditional' ? 'Conditionally' : 'Never';
}

/** "A/B/0", "/properties/A/B", "A.B" or ["A", "B", 0] -> ["A", "B", "0"]. */
export function toSegments(path: PropertyPath): string[] {
	if (typeof path !== 'string') return path.map(String);
	const trimmed = path.replace(/^\/?properties\//, '').replace(/^\//, '');
	if (!trimmed) return [];
	return trimmed.includes('/') ? trimmed.split('/') : trimmed.split('.');
}

const segMatch = (listed: string, actual: string) => listed === actual || (listed === '*' && /^\d+$/.test(actual));

/** `listed` (a schema path) covers `q`: equal, or an ancestor of it. */
function covers(listed: string[], q: string[]): boolean {
	return listed.length <= q.length && listed.every((s, i) => segMatch(s, q[i]!));
}

/** `listed` lies strictly inside `q`. */
function inside(listed: string[], q: string[]): boolean {
	return listed.length > q.length && q.every((s, i) => segMatch(listed[i]!, s));
}

function behaviourAt(schema: ResourceSchema, q: string[], countDescendants: boolean): UpdateBehaviour {
	const createOnly = schema.createOnly.map((p) => p.split('/'));
	const conditional = (schema.conditionalCreateOnly ?? []).map((p) => p.split('/'));
	if (createOnly.some((c) => covers(c, q))) return 'Immutable';
	if (conditional.some((c) => covers(c, q))) return 'Conditional';
	if (countDescendants && [...createOnly, ...conditional].some((c) => inside(c, q))) return 'Conditional';
	return 'Mutable';
}

/**
 * The update behaviour of one property path (top-level name or nested path). A property that is not
 * create-only itself but holds create-only sub-properties is 'Conditional': whether changing it
 * replaces the resource depends on which part changes (use updateBehaviourForChange to decide).
 */
export function updateBehaviour(schema: ResourceSchema, propertyPath: PropertyPath): UpdateBehaviour {
	const q = toSegments(propertyPath);
	if (!q.length) return 'Mutable';
	return behaviourAt(schema, q, true);
}

/** Template scalars reach CloudFormation as strings: 5 and "5" are the same value. */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
	if (scalar(a) && scalar(b)) return String(a) === String(b);
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
	if (isObj(a) && isObj(b)) {
		const ka = Object.keys(a).filter((k) => a[k] !== undefined);
		const kb = Object.keys(b).filter((k) => b[k] !== undefined);
		return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
	}
	return false;
}

function isObj(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function allPaths(v: unknown, base: string[], out: string[][]) {
	out.push(base);
	if (isObj(v)) for (const [k, x] of Object.entries(v)) allPaths(x, [...base, k], out);
	else if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...base, String(i)], out));
}

/** Every path whose value differs between `before` and `after` (added and removed sub-values included). */
export function changedPaths(before: unknown, after: unknown, base: string[] = []): string[][] {
	if (same(before, after)) return [];
	if (isObj(before) && isObj(after)) {
		const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
		return keys.flatMap((k) => changedPaths(before[k], after[k], [...base, k]));
	}
	if (Array.isArray(before) && Array.isArray(after)) {
		const n = Math.max(before.length, after.length);
		const out: string[][] = [base];
		for (let i = 0; i < n; i++) out.push(...changedPaths(before[i], after[i], [...base, String(i)]));
		return out;
	}
	const out: string[][] = [];
	if (before !== undefined) allPaths(before, base, out);
	if (after !== undefined) allPaths(after, base, out);
	if (!out.length) out.push(base);
	return out;
}

/**
 * The update behaviour of changing top-level property `name` from `before` to `after` (either may be
 * undefined: the property is added or removed). Looks at exactly what changed, so changing a mutable
 * part of an object that also holds create-only parts stays 'Mutable'. Adding or removing a
 * create-only property replaces the resource even when the effective value would be the same.
 */
export function updateBehaviourForChange(
	schema: ResourceSchema,
	name: string,
	before: unknown,
	after: unknown
): UpdateBehaviour {
	let worst: UpdateBehaviour = 'Mutable';
	for (const p of changedPaths(before, after, [name])) {
		worst = worstBehaviour(worst, behaviourAt(schema, p, false));
		if (worst === 'Immutable') break;
	}
	return worst;
}
