// The simulated cloud: accounts, Regions, one clock, and each service's state, all plain data so
// a world snapshots to JSON and restores to a world that answers every read the same way.
import { DAY_MS, VirtualClock } from './clock';
import { applyLifecyclePolicy } from './ecr/lifecycle-api';
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

/** Something the world did on its own while time passed, for timelines and feedback. */
export interface WorldEvent {
	at: string;
	kind: 'lifecycle-run';
	accountId: string;
	region: string;
	repositoryName: string;
	expired: string[];
	transitioned: string[];
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

	/**
	 * Moves the clock forward to an instant, running everything that falls due on the way in time
	 * order. ECR applies lifecycle policies "within 24 hours"; this world runs them daily at 00:00 UTC.
	 */
	advanceTo(instant: Date | string | number): WorldEvent[] {
		const target = new Date(instant).getTime();
		if (!Number.isFinite(target)) throw new AwsError('InvalidParameterException', `${String(instant)} is not a date.`);
		if (target < this.clock.nowMs()) this.clock.setTo(target); // throws: time does not go back
		const events: WorldEvent[] = [];
		for (let midnight = (Math.floor(this.clock.nowMs() / DAY_MS) + 1) * DAY_MS; midnight <= target; midnight += DAY_MS) {
			this.clock.setTo(midnight);
			events.push(...this.#runLifecycle());
		}
		this.clock.setTo(target);
		return events;
	}

	advanceBy(ms: number): WorldEvent[] {
		if (!Number.isFinite(ms) || ms < 0) throw new AwsError('InvalidParameterException', `Time can only move forward, not by ${ms} ms.`);
		return this.advanceTo(this.clock.nowMs() + ms);
	}

	#runLifecycle(): WorldEvent[] {
		const now = this.clock.now();
		const events: WorldEvent[] = [];
		for (const registry of this.#ecr) {
			for (const repo of registry.repositories) {
				if (repo.lifecyclePolicyText === undefined) continue;
				const decisions = applyLifecyclePolicy(repo, now);
				events.push({
					at: now.toISOString(),
					kind: 'lifecycle-run',
					accountId: registry.accountId,
					region: registry.region,
					repositoryName: repo.repositoryName,
					expired: decisions.filter((d) => d.action.type === 'EXPIRE').map((d) => d.imageDigest),
					transitioned: decisions.filter((d) => d.action.type === 'TRANSITION').map((d) => d.imageDigest)
				});
			}
		}
		return events;
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
