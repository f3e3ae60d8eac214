// A ProviderContext built by hand over a real World, as the stack engine will build one: the
// root caller (or another principal), a light store over a fresh LightResourceState, a world-wide
// store, and deterministic unique suffixes.
import { World } from '../../../../../src/lib/engines/world';
import { AwsError } from '../../../../../src/lib/engines/errors';
import { lightStore, type LightResourceState } from '../../../../../src/lib/engines/cloudformation/providers/light-store';
import { ProviderError, type ProviderContext } from '../../../../../src/lib/engines/cloudformation/providers/provider';
import { LEARNER_ACCOUNT, rootCaller, type Caller } from '../../../../../src/lib/engines/world-constants';
import { sha256, toHex } from '../../../../../src/lib/engines/sha256';

export const NOW = '2026-11-23T10:00:00.000Z';
export const REGION = 'us-east-1';
export const ACCOUNT = LEARNER_ACCOUNT;
export const STACK = 'lab-stack';
export const STACK_ID = `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${STACK}/0a1b2c3d-1111-4222-8333-444455556666`;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 12-character mixed-case token, as RandomStringUtils makes them, numbered for determinism. */
export function token(n: number): string {
	const hex = toHex(sha256(`token/${n}`));
	let out = '';
	for (let i = 0; i < 12; i++) out += ALNUM[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % ALNUM.length];
	return out;
}

export interface Harness {
	world: World;
	state: LightResourceState;
	globalState: LightResourceState;
	ctx(logicalId: string, options?: { caller?: Caller; region?: string; stackName?: string; metadata?: Record<string, unknown> }): ProviderContext;
}

export function harness(): Harness {
	const world = World.create({ now: NOW });
	const states = new Map<string, LightResourceState>();
	const stateFor = (region: string) => {
		let s = states.get(region);
		if (!s) states.set(region, (s = { accountId: ACCOUNT, region, resources: [], sequence: 0 }));
		return s;
	};
	const globalState: LightResourceState = { accountId: 'world', region: 'global', resources: [], sequence: 0 };
	let n = 0;
	return {
		world,
		state: stateFor(REGION),
		globalState,
		ctx(logicalId, options = {}) {
			const caller = options.caller ?? rootCaller();
			const region = options.region ?? REGION;
			const stackName = options.stackName ?? STACK;
			return {
				accountId: caller.accountId,
				region,
				stackName,
				stackId: `arn:aws:cloudformation:${region}:${caller.accountId}:stack/${stackName}/0a1b2c3d-1111-4222-8333-444455556666`,
				logicalId,
				clock: world.clock,
				ecr: world.ecr(caller, region),
				ecrPublic: world.ecrPublic(caller),
				iam: world.iam(caller),
				store: lightStore(stateFor(region)),
				globalStore: lightStore(globalState),
				uniqueSuffix: () => token(++n),
				...(options.metadata ? { metadata: options.metadata } : {})
			};
		}
	};
}

/** The ProviderError a call throws; fails the test if it returns or throws anything else. */
export function providerError(fn: () => unknown): ProviderError {
	try {
		fn();
	} catch (e) {
		if (e instanceof ProviderError) return e;
		throw e;
	}
	throw new Error('expected a ProviderError');
}

/** Whether a thrown value is one providers may throw. */
export const isAllowedFailure = (e: unknown) => e instanceof ProviderError || e instanceof AwsError;

export const trustPolicy = (service: string) => ({
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]
});
