// The simulated cloud: accounts, Regions, one clock, and each service's state, all plain data so
// a world snapshots to JSON and restores to a world that answers every read the same way.
import { VirtualClock } from './clock';
import { AwsError } from './errors';
import { clonePlain } from './plain-data';
import type { EcrContext } from './ecr/context';
import { ecrOperations, isEcrOperation, type EcrOperationName, type EcrOperationOutput } from './ecr/operations';
import { emptyRegistry, type EcrRegistryState } from './ecr/state';
import { ACCOUNTS, REGIONS, type Caller } from './world-constants';

export const WORLD_FORMAT = 'ecr-cfn-course/world';

export interface WorldSnapshot {
	format: typeof WORLD_FORMAT;
	version: 1;
	now: string;
	ecr: EcrRegistryState[];
}

export interface EcrApi {
	call<N extends EcrOperationName>(operation: N, input: unknown): EcrOperationOutput<N>;
	/** For callers that route by a name they received (protocol, CLI). */
	callByName(operation: string, input: unknown): unknown;
}

export class World {
	readonly clock: VirtualClock;
	#ecr: EcrRegistryState[];

	private constructor(clock: VirtualClock, ecr: EcrRegistryState[]) {
		this.clock = clock;
		this.#ecr = ecr;
	}

	static create(options: { now: Date | string }): World {
		const registries = ACCOUNTS.flatMap((a) => REGIONS.map((r) => emptyRegistry(a, r)));
		return new World(new VirtualClock(options.now), registries);
	}

	/** ECR as seen by one caller in one Region. */
	ecr(caller: Caller, region: string): EcrApi {
		if (!(REGIONS as readonly string[]).includes(region)) {
			throw new AwsError('InvalidClientTokenId', `The simulated world has no Region '${region}'. Use one of ${REGIONS.join(', ')}.`, { httpStatus: 403 });
		}
		const ctx: EcrContext = {
			clock: this.clock,
			caller,
			region,
			registry: (accountId) => this.#ecr.find((r) => r.accountId === accountId && r.region === region)
		};
		const callByName = (operation: string, input: unknown): unknown => {
			if (!isEcrOperation(operation)) {
				throw new AwsError('UnknownOperationException', `The operation ${operation} is not supported by this simulator's ECR.`);
			}
			return ecrOperations[operation](ctx, input);
		};
		return {
			call: (operation, input) => callByName(operation, input) as never,
			callByName
		};
	}

	snapshot(): WorldSnapshot {
		return { format: WORLD_FORMAT, version: 1, now: this.clock.now().toISOString(), ecr: clonePlain(this.#ecr) };
	}

	static restore(snapshot: unknown): World {
		const s = snapshot as Partial<WorldSnapshot> | null;
		if (!s || typeof s !== 'object' || s.format !== WORLD_FORMAT) throw new AwsError('InvalidParameterException', 'This is not a saved world.');
		if (s.version !== 1) throw new AwsError('InvalidParameterException', `Saved world version ${String(s.version)} is not supported.`);
		if (typeof s.now !== 'string' || !Array.isArray(s.ecr)) throw new AwsError('InvalidParameterException', 'The saved world is incomplete.');
		return new World(new VirtualClock(s.now), clonePlain(s.ecr));
	}
}
