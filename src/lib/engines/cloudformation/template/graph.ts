// Dependency graphs of resources (and of conditions): who must exist before whom.
// B referenced by A (Ref, Fn::GetAtt, ${B} or ${B.Attr} in Fn::Sub, DependsOn) means B is
// created first and deleted last. Everything here is deterministic: ties are broken by template
// order, so the same template always gives the same order, waves and cycle report.

export interface DependencyGraph {
	/** Every node, in template order. */
	nodes: string[];
	/** node → the nodes it depends on (created before it), in template order. */
	dependencies: Record<string, string[]>;
	/** node → the nodes that depend on it, in template order. */
	dependents: Record<string, string[]>;
}

/** Builds a graph; edges to nodes outside `nodes` are ignored, duplicates and self-loops kept once. */
export function graphOf(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): DependencyGraph {
	const index = new Map(nodes.map((n, i) => [n, i]));
	const dependencies: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
	const dependents: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
	for (const n of nodes) {
		dependencies[n] = [];
		dependents[n] = [];
	}
	for (const n of nodes) {
		const targets = [...new Set(edges.get(n) ?? [])].filter((t) => index.has(t));
		targets.sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
		dependencies[n] = targets;
		for (const t of targets) (dependents[t] as string[]).push(n);
	}
	for (const n of nodes) (dependents[n] as string[]).sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
	return { nodes: [...nodes], dependencies, dependents };
}

/**
 * Layers of Kahn's algorithm: wave 0 holds what depends on nothing, wave k what depends only on
 * earlier waves. Nodes on or behind a cycle are in no wave (see `unorderable`).
 */
function layers(nodes: readonly string[], before: Record<string, string[]>, after: Record<string, string[]>): { waves: string[][]; left: string[] } {
	const index = new Map(nodes.map((n, i) => [n, i]));
	const pending = new Map<string, number>();
	let current: string[] = [];
	for (const n of nodes) {
		const count = before[n]?.length ?? 0;
		pending.set(n, count);
		if (count === 0) current.push(n);
	}
	const waves: string[][] = [];
	let placed = 0;
	while (current.length > 0) {
		waves.push(current);
		placed += current.length;
		const next: string[] = [];
		for (const n of current) {
			for (const m of after[n] ?? []) {
				const left = (pending.get(m) ?? 0) - 1;
				pending.set(m, left);
				if (left === 0) next.push(m);
			}
		}
		next.sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
		current = next;
	}
	const left = placed === nodes.length ? [] : nodes.filter((n) => (pending.get(n) ?? 0) > 0);
	return { waves, left };
}

/** The groups of nodes that can be created in parallel, in creation order. */
export const creationWaves = (g: DependencyGraph): string[][] => layers(g.nodes, g.dependencies, g.dependents).waves;

/** The groups of nodes that can be deleted in parallel, in deletion order (dependents first). */
export const deletionWaves = (g: DependencyGraph): string[][] => layers(g.nodes, g.dependents, g.dependencies).waves;

/** A creation order: each node after everything it depends on. */
export const creationOrder = (g: DependencyGraph): string[] => creationWaves(g).flat();

/** A deletion order: each node before everything it depends on. */
export const deletionOrder = (g: DependencyGraph): string[] => deletionWaves(g).flat();

/**
 * The nodes no order can place: those on a cycle and those that depend on one. This is the set
 * AWS lists in "Circular dependency between resources: [...]" (its reports include resources
 * that merely depend on the cycle, e.g. aws/serverless-application-model#1044). Template order.
 */
export const unorderable = (g: DependencyGraph): string[] => layers(g.nodes, g.dependencies, g.dependents).left;

/** One cycle through the first unorderable node, for explanations (`A → B → A`). */
export function findCycle(g: DependencyGraph): string[] | undefined {
	const stuck = new Set(unorderable(g));
	if (stuck.size === 0) return undefined;
	// Walk only inside the stuck set; every stuck node has a stuck dependency, so the walk loops.
	const start = [...stuck][0] as string;
	const seen = new Map<string, number>();
	const path: string[] = [];
	let n: string | undefined = start;
	while (n !== undefined && !seen.has(n)) {
		seen.set(n, path.length);
		path.push(n);
		n = (g.dependencies[n] ?? []).find((d) => stuck.has(d));
	}
	if (n === undefined) return undefined;
	return [...path.slice(seen.get(n)), n];
}
