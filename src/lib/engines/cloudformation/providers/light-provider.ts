// The common life of a lightly modelled resource: the light store holds its live properties (in
// template names) and its GetAtt values, keyed by type and physical id. create and update
// validate and compute; delete removes the record (a record already gone is fine); read()
// returns the stored properties, which is what a lab edits to make a resource drift.
import { getAttNames } from '../resources';
import type { LightResource } from './light-store';
import { notFound } from './provider-errors';
import { bag, type Bag } from './props';
import type { ProviderContext, ProvisionedResource, ResourceProvider } from './provider';

export interface LightCreated {
	physicalId: string;
	attributes: Record<string, unknown>;
	/** The live properties to keep; defaults to the template's. */
	properties?: Bag;
}

export interface LightModel {
	type: string;
	durations: ResourceProvider['durations'];
	create(ctx: ProviderContext, properties: Bag): LightCreated;
	/** Recomputes what an in-place update changes; defaults to keeping the attributes. */
	update?(ctx: ProviderContext, current: LightResource, next: Bag): { attributes?: Record<string, unknown>; properties?: Bag };
	/** Refuses a delete AWS would refuse (a VPC that still has subnets ...). */
	beforeDelete?(ctx: ProviderContext, current: LightResource): void;
	/** What delete leaves behind, if anything (a deregistered task definition revision ...). */
	afterDelete?(ctx: ProviderContext, current: LightResource): LightResource | undefined;
	/** False for types AWS drift detection does not support. */
	drift: boolean;
	/** Whether a stored record counts as live (an INACTIVE revision does not). */
	isLive?(r: LightResource): boolean;
}

/**
 * The GetAtt values of a record: its attributes minus the bookkeeping a model keeps beside them
 * (a task definition's Revision, a deleted queue's deletedAt ...).
 */
export function getAttValues(type: string, attributes: Record<string, unknown>): Record<string, unknown> {
	const names = getAttNames(type);
	return names ? Object.fromEntries(Object.entries(attributes).filter(([k]) => names.includes(k))) : { ...attributes };
}

export function lightProvider(model: LightModel): ResourceProvider {
	const live = (ctx: ProviderContext, physicalId: string) => {
		const r = ctx.store.get(model.type, physicalId);
		return r && (model.isLive?.(r) ?? true) ? r : undefined;
	};
	const provider: ResourceProvider = {
		type: model.type,
		durations: model.durations,
		create(ctx, properties): ProvisionedResource {
			const b = bag(properties);
			const made = model.create(ctx, b);
			ctx.store.put({
				type: model.type,
				physicalId: made.physicalId,
				properties: structuredClone(made.properties ?? b),
				attributes: structuredClone(made.attributes),
				createdAt: ctx.clock.now().toISOString()
			});
			return { physicalId: made.physicalId, attributes: getAttValues(model.type, made.attributes) };
		},
		update(ctx, physicalId, _previous, next): ProvisionedResource {
			const b = bag(next);
			const current = live(ctx, physicalId);
			if (!current) throw notFound(model.type, physicalId);
			const changed = model.update?.(ctx, current, b) ?? {};
			const attributes = changed.attributes ?? current.attributes;
			ctx.store.put({ ...current, properties: structuredClone(changed.properties ?? b), attributes: structuredClone(attributes) });
			return { physicalId, attributes: getAttValues(model.type, attributes) };
		},
		delete(ctx, physicalId) {
			const current = live(ctx, physicalId);
			if (!current) return;
			model.beforeDelete?.(ctx, current);
			ctx.store.remove(model.type, physicalId);
			const left = model.afterDelete?.(ctx, current);
			if (left) ctx.store.put(left);
		}
	};
	if (model.drift) provider.read = (ctx, physicalId) => structuredClone(live(ctx, physicalId)?.properties);
	return provider;
}

/** The live records of a type, for cross-resource checks (subnets of a VPC ...). */
export const liveRecords = (ctx: ProviderContext, type: string): LightResource[] => ctx.store.list(type).filter((r) => r.attributes.Status !== 'INACTIVE' && r.attributes.deletedAt === undefined);
