// Resources the simulator models only lightly (no owning engine yet): kept as plain JSON per
// account and Region so they survive snapshots, can drift (a lab edits them), and have real ids.

export interface LightResource {
	type: string;
	physicalId: string;
	properties: Record<string, unknown>;
	attributes: Record<string, unknown>;
	createdAt: string;
}

export interface LightResourceState {
	accountId: string;
	region: string;
	resources: LightResource[];
	sequence: number;
}

export interface LightResourceStore {
	get(type: string, physicalId: string): LightResource | undefined;
	put(resource: LightResource): void;
	remove(type: string, physicalId: string): boolean;
	list(type: string): LightResource[];
	/** Deterministic counter for ids (vpc-0a1b..., sg-...). */
	next(): number;
}

export function lightStore(state: LightResourceState): LightResourceStore {
	const find = (type: string, id: string) => state.resources.findIndex((r) => r.type === type && r.physicalId === id);
	return {
		get: (type, id) => state.resources[find(type, id)],
		put: (resource) => {
			const i = find(resource.type, resource.physicalId);
			if (i >= 0) state.resources[i] = resource;
			else state.resources.push(resource);
		},
		remove: (type, id) => {
			const i = find(type, id);
			if (i < 0) return false;
			state.resources.splice(i, 1);
			return true;
		},
		list: (type) => state.resources.filter((r) => r.type === type),
		next: () => ++state.sequence
	};
}
