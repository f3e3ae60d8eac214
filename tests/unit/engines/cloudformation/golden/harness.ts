// What the golden message tests drive the world with: fresh worlds (the real providers, or the
// fake ones stacks/helpers.ts offers), and ways to observe a sentence through the public API: an
// error's name and message, a stack event's reason, a stack's StackStatusReason.
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { defaultFakes, events, NOW, REGION, type Cfn } from '../stacks/helpers';

/** What a case saw: an error (its AWS name) or a reason (name absent). */
export interface Observed {
	name?: string;
	text: string;
}

/**
 * One golden case: `key` names the builder ("MSG.noResources", "REASON.failedToCreate"), `args`
 * are what the builder is called with, `expected` is the sentence written out in full (so a
 * changed builder fails here), and `run` drives a real input through world.cloudformation(...).
 */
export interface GoldenCase {
	key: string;
	args: readonly unknown[];
	/** The AWS error name; absent for an event or stack reason. */
	name?: string;
	expected: string;
	/** What the API shows when the engine adds to the builder's sentence (a closing period, "Rollback requested by user."). */
	seen?: string;
	run: () => Observed;
}

export const real = () => {
	const world = World.create({ now: NOW });
	return { world, cfn: world.cloudformation(rootCaller(), REGION) };
};

export const fake = () => {
	const world = World.create({ now: NOW, providers: defaultFakes() });
	return { world, cfn: world.cloudformation(rootCaller(), REGION) };
};

/** Long enough for any operation in these cases to finish. */
export const settle = (world: World) => world.advanceBy(60 * 60 * 1000);

export function thrown(f: () => unknown): Observed {
	try {
		f();
	} catch (e) {
		if (e instanceof Error) return { name: e.name, text: e.message };
		throw e;
	}
	throw new Error('expected the call to fail, and it answered');
}

export const validate = (body: string): Observed => thrown(() => real().cfn.call('ValidateTemplate', { TemplateBody: body }));

export const createWith = (body: string, parameters: Record<string, string> = {}): Observed =>
	thrown(() => real().cfn.call('CreateStack', { StackName: 'golden', TemplateBody: body, Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })) }));

/** The reason of the first event of `stack` matching `logicalId` and `status`. */
export function eventReason(cfn: Cfn, stack: string, logicalId: string, status: string): Observed {
	const e = events(cfn, stack).find((x) => x.LogicalResourceId === logicalId && x.ResourceStatus === status);
	if (!e) throw new Error(`no ${status} event for ${logicalId} in ${stack}`);
	return { text: e.ResourceStatusReason ?? '' };
}

export function stackReason(cfn: Cfn, stack: string): Observed {
	return { text: cfn.call('DescribeStacks', { StackName: stack }).Stacks?.[0]?.StackStatusReason ?? '' };
}

/** A stack created and settled; returns the world and API. */
export function created(body: string, world = fake(), input: Record<string, unknown> = {}) {
	world.cfn.call('CreateStack', { StackName: 'golden', TemplateBody: body, ...input });
	settle(world.world);
	return world;
}

export const yaml = (...lines: string[]) => lines.join('\n') + '\n';
export const json = (v: unknown) => JSON.stringify(v);

/** Handler reasons carry a RequestToken the engine derives from a counter: the rest is golden. */
export const maskToken = (o: Observed): Observed => ({ ...o, text: o.text.replace(/RequestToken: [0-9a-f-]{36}/, 'RequestToken: <token>') });
