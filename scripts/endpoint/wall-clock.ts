// `--clock real`: the world's clock follows the wall clock from the moment it was last set. The
// engines never read wall time (design.md, "Time"); this script does, and moves the world to
// "virtual time when set + wall time since" before each request and on a timer.
import type { World, WorldEvent } from '../../src/lib/engines/world';
import type { WorldHolder } from '../../src/lib/protocol/sandbox-control';

export class WallClockDriver {
	readonly #holder: WorldHolder;
	readonly #wall: () => number;
	#world: World | undefined;
	#wallAtSet = 0;
	#virtualAtSet = 0;

	constructor(holder: WorldHolder, wall: () => number) {
		this.#holder = holder;
		this.#wall = wall;
		this.anchor();
	}

	/** The clock was just set (start, POST /_sandbox/clock, reset, restore): follow the wall from here. */
	anchor(): void {
		this.#world = this.#holder.world;
		this.#wallAtSet = this.#wall();
		this.#virtualAtSet = this.#holder.world.clock.nowMs();
	}

	/** Brings the world to wall time, running what fell due on the way; returns what happened. */
	sync(): WorldEvent[] {
		// A world swapped in without anchor() (a caller that forgot) starts following from now
		// rather than jumping by the old world's elapsed time.
		if (this.#world !== this.#holder.world) this.anchor();
		const world = this.#holder.world;
		const target = this.#virtualAtSet + (this.#wall() - this.#wallAtSet);
		// The wall clock can step back (NTP); the world's clock never does.
		return target > world.clock.nowMs() ? world.advanceTo(target) : [];
	}
}
