// Test doubles for stack operations: small providers over the light store (so their resources
// are plain JSON in the world and survive snapshots), with failures chosen by property, and
// helpers to drive a world and read its events.
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ProviderError, type ResourceProvider } from '../../../../../src/lib/engines/cloudformation/providers/provider';
import type { ProviderRegistry } from '../../../../../src/lib/engines/cloudformation/stacks/environment';
import type { StackEvent } from '@aws-sdk/client-cloudformation';

export const NOW = '2026-11-23T10:00:00.000Z';
export const REGION = 'us-east-1';

/**
 * A provider for `type` that keeps its resources in the light store. Properties steer it:
 * `FailCreate`, `FailUpdate`, `FailDelete` (a message) make that operation fail; `FailRevert`
 * makes an update away from those properties fail.
 */
export function fakeProvider(type: string, durations = { create: 5_000, update: 3_000, delete: 4_000 }): ResourceProvider {
	const fail = (props: Record<string, unknown>, key: string) => {
		const m = props[key];
		if (typeof m === 'string') throw new ProviderError(m, 'InvalidRequest');
	};
	return {
		type,
		durations,
		create(ctx, properties) {
			fail(properties, 'FailCreate');
			const physicalId = typeof properties['Name'] === 'string' ? properties['Name'] : `${ctx.stackName}-${ctx.logicalId}-${ctx.uniqueSuffix()}`;
			if (ctx.store.get(type, physicalId)) throw new ProviderError(`Resource of type '${type}' with identifier '${physicalId}' already exists.`, 'AlreadyExists');
			const attributes = { Arn: `arn:aws:fake:${ctx.region}:${ctx.accountId}:thing/${physicalId}` };
			ctx.store.put({ type, physicalId, properties: structuredClone(properties), attributes, createdAt: ctx.clock.now().toISOString() });
			return { physicalId, attributes };
		},
		update(ctx, physicalId, previous, next) {
			fail(next, 'FailUpdate');
			// Going back from properties that say FailRevert fails: an update rollback that cannot finish.
			if (next['FailRevert'] === undefined) fail(previous, 'FailRevert');
			const existing = ctx.store.get(type, physicalId);
			if (!existing) throw new ProviderError(`Resource of type '${type}' with identifier '${physicalId}' was not found.`, 'NotFound');
			ctx.store.put({ ...existing, properties: structuredClone(next) });
			return { physicalId, attributes: existing.attributes };
		},
		delete(ctx, physicalId, properties) {
			fail(properties, 'FailDelete');
			ctx.store.remove(type, physicalId);
		}
	};
}

/** Types CloudFormation knows but the simulator has no schema for, so any properties pass. */
export const THING = 'AWS::SSM::Parameter';
export const OTHER = 'AWS::SNS::Subscription';

export const fakeRegistry = (...providers: ResourceProvider[]): ProviderRegistry => {
	const byType = new Map(providers.map((p) => [p.type, p]));
	return (type) => byType.get(type);
};

export const defaultFakes = () => fakeRegistry(fakeProvider(THING), fakeProvider(OTHER, { create: 2_000, update: 2_000, delete: 2_000 }));

export function setup(providers: ProviderRegistry = defaultFakes()) {
	const world = World.create({ now: NOW, providers });
	const cfn = world.cloudformation(rootCaller(), REGION);
	return { world, cfn };
}

/** Fast-forwards far enough for any operation here to finish. */
export const settle = (world: World) => world.advanceBy(60 * 60 * 1000);

export type Cfn = ReturnType<World['cloudformation']>;

/** Every event, oldest first (DescribeStackEvents pages newest first). */
export function events(cfn: Cfn, stackName: string): StackEvent[] {
	const out: StackEvent[] = [];
	let token: string | undefined;
	do {
		const page = cfn.call('DescribeStackEvents', { StackName: stackName, ...(token ? { NextToken: token } : {}) });
		out.push(...(page.StackEvents ?? []));
		token = page.NextToken;
	} while (token);
	return out.reverse();
}

/** Events as `Logical STATUS [reason]` lines, the golden-sequence form. */
export const lines = (evs: readonly StackEvent[]) => evs.map((e) => [e.LogicalResourceId, e.ResourceStatus, e.ResourceStatusReason].filter((x) => x !== undefined && x !== '').join(' '));

export const json = (template: unknown) => JSON.stringify(template);
