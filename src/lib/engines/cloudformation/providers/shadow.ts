// What a provider must remember that the owning engine cannot hold: the parts of a resource
// with no API in this world yet, kept in the light store under `Simulator::Shadow::<type>` so
// they survive snapshots and read() can report them. Each use says which gap it fills:
//   - IAM: a role's or user's PermissionsBoundary (no Put<Kind>PermissionsBoundary) and a user's
//     LoginProfile (no CreateLoginProfile); which principals an AWS::IAM::Policy or
//     ManagedPolicy resource names (IAM cannot say which stack resource attached what);
//   - ECR Public: catalog data and tags (no PutRepositoryCatalogData, TagResource).
import type { LightResourceStore } from './light-store';
import type { ProviderContext } from './provider';

const shadowType = (type: string) => `Simulator::Shadow::${type}`;

/** IAM is global, so its shadows live in the world-wide store when there is one. */
export const iamStore = (ctx: ProviderContext): LightResourceStore => ctx.globalStore ?? ctx.store;

/** IAM names are per account; the world-wide store needs the account in the key. */
export const iamKey = (ctx: ProviderContext, name: string): string => (ctx.globalStore ? `${ctx.accountId}/${name}` : name);

export function readShadow(store: LightResourceStore, type: string, id: string): Record<string, unknown> | undefined {
	return store.get(shadowType(type), id)?.properties;
}

export function writeShadow(ctx: ProviderContext, store: LightResourceStore, type: string, id: string, properties: Record<string, unknown>): void {
	const existing = store.get(shadowType(type), id);
	store.put({
		type: shadowType(type),
		physicalId: id,
		properties: structuredClone(properties),
		attributes: {},
		createdAt: existing?.createdAt ?? ctx.clock.now().toISOString()
	});
}

/** Every shadow record of a type (to find, say, which AWS::IAM::Policy resources name a role). */
export function listShadows(store: LightResourceStore, type: string): Record<string, unknown>[] {
	return store.list(shadowType(type)).map((r) => r.properties);
}

export function dropShadow(store: LightResourceStore, type: string, id: string): void {
	store.remove(shadowType(type), id);
}
