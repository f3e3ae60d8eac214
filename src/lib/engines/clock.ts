// The world's one clock. Engines read time only from here, never from the wall clock, so tests,
// labs and the local endpoint decide how time moves. Time only moves forward.
import { AwsError } from './errors';

export interface ClockSnapshot {
	now: string;
}

export class VirtualClock {
	#ms: number;

	constructor(start: Date | string | number) {
		const ms = new Date(start).getTime();
		if (!Number.isFinite(ms)) throw new AwsError('InvalidParameterException', `The clock cannot start at ${String(start)}: not a date`);
		this.#ms = ms;
	}

	now(): Date {
		return new Date(this.#ms);
	}

	nowMs(): number {
		return this.#ms;
	}

	/** Moves to a later instant; moving backwards is refused (events already happened). */
	setTo(instant: Date | string | number): void {
		const ms = new Date(instant).getTime();
		if (!Number.isFinite(ms)) throw new AwsError('InvalidParameterException', `${String(instant)} is not a date`);
		if (ms < this.#ms) {
			throw new AwsError('InvalidParameterException', `The clock cannot move backwards from ${this.now().toISOString()} to ${new Date(ms).toISOString()}`);
		}
		this.#ms = ms;
	}

	advance(ms: number): void {
		if (!Number.isFinite(ms) || ms < 0) throw new AwsError('InvalidParameterException', `The clock can only advance by a positive number of milliseconds, not ${ms}`);
		this.#ms += ms;
	}

	snapshot(): ClockSnapshot {
		return { now: this.now().toISOString() };
	}

	static restore(s: ClockSnapshot): VirtualClock {
		return new VirtualClock(s.now);
	}
}

export const DAY_MS = 24 * 60 * 60 * 1000;
